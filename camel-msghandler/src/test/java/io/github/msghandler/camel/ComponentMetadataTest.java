package io.github.msghandler.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msghandler.core.api.EnvelopeField;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated component JSON and the component doc list every option and header the code has. */
class ComponentMetadataTest {

    private static JsonNode componentJson() throws Exception {
        try (InputStream in = ComponentMetadataTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/msghandler/camel/msghandler.json")) {
            assertNotNull(in, "component JSON missing: run the camel-component-maven-plugin");
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> optionNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : MsgHandlerConfiguration.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class)) {
                names.add(field.getName());
            }
        }
        return names;
    }

    private static Set<String> headerNames() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : MsgHandlerConstants.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class)) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void componentJsonListsEveryOptionHeaderAndSecret() throws Exception {
        JsonNode json = componentJson();
        assertEquals("msghandler", json.path("component").path("scheme").asText());

        Set<String> endpointOptions = keys(json.path("properties"));
        Set<String> expected = new TreeSet<>(optionNames());
        expected.add("subject");
        assertTrue(endpointOptions.containsAll(expected), "missing: " + missing(expected, endpointOptions));
        assertTrue(keys(json.path("componentProperties")).containsAll(optionNames()));
        assertEquals(headerNames(), keys(json.path("headers")));
        for (String secret : List.of("password", "token", "nkeyPrivateKey", "plikToken")) {
            assertTrue(json.path("properties").path(secret).path("secret").asBoolean(), secret + " is secret");
        }
        json.path("properties").fields().forEachRemaining(option -> assertTrue(
                !option.getValue().path("description").asText().isBlank(), option.getKey() + " has a description"));
    }

    @Test
    void componentDocMentionsEveryOptionAndHeader() throws Exception {
        String doc = Files.readString(Path.of("src/main/docs/msghandler-component.adoc"));
        List<String> absent = new ArrayList<>();
        for (String name : optionNames()) {
            if (!doc.contains("*" + name + "*") && !doc.contains("`" + name + "`")) {
                absent.add(name);
            }
        }
        for (String header : headerNames()) {
            if (!doc.contains(header)) {
                absent.add(header);
            }
        }
        assertEquals(List.of(), absent);
    }

    private static Set<String> missing(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }

    /** The table of envelope fields, the headers class and the endpoint options agree. */
    @Test
    void everyEnvelopeFieldHasADocumentedHeaderAndTheOptionsTheTableSays() throws Exception {
        Set<String> headers = headerNames();
        Set<String> options = optionNames();
        for (EnvelopeField field : EnvelopeField.values()) {
            assertTrue(headers.contains(MsgHandlerConstants.headerOf(field)),
                    field + ": " + MsgHandlerConstants.headerOf(field) + " is declared in MsgHandlerConstants");
            if (field.origin() != EnvelopeField.Origin.PACKER) {
                assertTrue(options.contains(field.optionName()), field + " (" + field.origin() + "): the endpoint "
                        + "option '" + field.optionName() + "' sets it");
            }
        }
    }
}
