package io.github.msghandler.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter's IDE metadata lists every component option, typed and described, so nothing the component offers is
 * missing from Spring Boot.
 */
class StarterMetadataTest {
    private static final String PREFIX = "camel.component.msghandler.";

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = StarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new ObjectMapper().readTree(in);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @Test
    void everyComponentOptionIsASpringPropertyWithTypeAndDescription() throws IOException {
        JsonNode component = read("META-INF/io/github/msghandler/camel/msghandler.json").get("componentProperties");
        Map<String, JsonNode> spring = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(p -> spring.put(p.get("name").asText(), p));

        Set<String> missing = new HashSet<>();
        component.properties().forEach(option -> {
            String name = option.getKey();
            if ("configuration".equals(name)) {
                return;   // the whole configuration object: its options are properties of their own
            }
            JsonNode property = spring.get(PREFIX + kebab(name));
            if (property == null) {
                missing.add(name);
                return;
            }
            assertTrue(property.path("description").asText().startsWith(
                    option.getValue().get("description").asText()), name);
            String expectedType = "duration".equals(option.getValue().get("type").asText()) ? "java.time.Duration"
                    : null;
            if (expectedType != null) {
                assertEquals(expectedType, property.get("type").asText(), name);
            }
            if (option.getValue().path("secret").asBoolean()) {
                assertTrue(MsgHandlerComponentConfiguration.SECRET_OPTIONS.contains(name), name);
            }
        });
        assertEquals(Set.of(), missing, "component options without a Spring Boot property");
    }
}
