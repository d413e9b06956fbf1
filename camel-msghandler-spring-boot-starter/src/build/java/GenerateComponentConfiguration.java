import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes MsgHandlerComponentConfiguration, the camel.component.msghandler.* properties, from the component's own
 * option list (msghandler.json, which camel-component-maven-plugin generates from the @UriParam fields), so that the
 * options are written down once. Run by the build (exec-maven-plugin) as a single-file program:
 * {@code java -cp <classpath> GenerateComponentConfiguration.java <output directory>}.
 */
public class GenerateComponentConfiguration {
    private static final String JSON = "META-INF/io/github/msghandler/camel/msghandler.json";
    private static final String PACKAGE = "io.github.msghandler.springboot";
    private static final String CLASS = "MsgHandlerComponentConfiguration";
    private static final Map<String, String> BOXED = Map.of("boolean", "Boolean", "int", "Integer", "long", "Long",
            "double", "Double", "java.lang.String", "String", "java.time.Duration", "java.time.Duration");

    record Option(String name, String type, String defaultValue, String description, boolean secret) {
    }

    public static void main(String[] args) throws IOException {
        JsonNode json;
        try (InputStream in = GenerateComponentConfiguration.class.getClassLoader().getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IllegalStateException(JSON + " is not on the class path: build camel-msghandler first");
            }
            json = new ObjectMapper().readTree(in);
        }
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        properties.addAll(json.get("componentProperties").properties());
        properties.sort(Comparator.comparingInt(e -> e.getValue().get("index").asInt()));

        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties) {
            // the component's whole configuration object: each of its options is a property of its own here
            if (!"configuration".equals(property.getKey())) {
                options.add(option(property.getKey(), property.getValue()));
            }
        }
        Path file = Path.of(args[0], PACKAGE.replace('.', '/'), CLASS + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(json.get("component").get("description").asText(), options));
    }

    private static Option option(String name, JsonNode property) {
        String javaType = property.get("javaType").asText();
        String kind = property.get("type").asText();
        String type = "duration".equals(kind) ? "java.time.Duration" : BOXED.getOrDefault(javaType, javaType);
        StringBuilder description = new StringBuilder(property.path("description").asText(""));
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(v -> values.add(v.asText()));
            description.append(" One of: ").append(String.join(", ", values)).append('.');
        }
        if ("object".equals(kind)) {
            description.append(" A bean: #bean:name or #name.");
        }
        boolean secret = property.path("secret").asBoolean(false);
        if (secret) {
            description.append(" A secret: masked by Actuator's configprops and env endpoints.");
        }
        return new Option(name, type, initializer(type, property.path("defaultValue").asText(null)),
                description.toString(), secret);
    }

    /** The field initializer for the default, in a form the Spring Boot configuration processor reads. */
    private static String initializer(String type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (type) {
            case "Boolean", "Integer", "Double" -> value;
            case "Long" -> value + "L";
            case "java.time.Duration" -> "java.time.Duration.ofMillis(" + value + "L)";
            case "String" -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            default -> null;
        };
    }

    private static String source(String componentDescription, List<Option> options) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n")
                .append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n")
                .append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n")
                .append("/**\n * ").append(escape(componentDescription)).append("\n *\n")
                .append(" * <p>Generated at build time from the component's msghandler.json by ")
                .append("GenerateComponentConfiguration: do not edit.\n */\n")
                .append("@ConfigurationProperties(prefix = \"camel.component.msghandler\")\n")
                .append("public class ").append(CLASS).append(" extends ComponentConfigurationPropertiesCommon {\n\n");
        s.append("    /** The options that hold secrets, by property name. */\n")
                .append("    public static final java.util.Set<String> SECRET_OPTIONS = java.util.Set.of(")
                .append(String.join(", ", options.stream().filter(Option::secret)
                        .map(o -> '"' + o.name() + '"').toList()))
                .append(");\n\n");
        for (Option o : options) {
            s.append(javadoc(o.description(), "    "))
                    .append("    private ").append(o.type()).append(' ').append(o.name())
                    .append(o.defaultValue() == null ? "" : " = " + o.defaultValue()).append(";\n\n");
        }
        for (Option o : options) {
            String suffix = Character.toUpperCase(o.name().charAt(0)) + o.name().substring(1);
            s.append("    public ").append(o.type()).append(" get").append(suffix).append("() {\n")
                    .append("        return ").append(o.name()).append(";\n    }\n\n")
                    .append("    public void set").append(suffix).append('(').append(o.type()).append(' ')
                    .append(o.name()).append(") {\n        this.").append(o.name()).append(" = ")
                    .append(o.name()).append(";\n    }\n\n");
        }
        s.setLength(s.length() - 1);
        return s.append("}\n").toString();
    }

    private static String javadoc(String text, String indent) {
        StringBuilder doc = new StringBuilder(indent).append("/**\n");
        StringBuilder line = new StringBuilder();
        for (String word : escape(text).split("\\s+")) {
            if (line.length() + word.length() + 1 > 100 - indent.length() - 3 && line.length() > 0) {
                doc.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            doc.append(indent).append(" * ").append(line).append('\n');
        }
        return doc.append(indent).append(" */\n").toString();
    }

    private static String escape(String text) {
        return text.replace("*/", "*&#47;").replace("@", "&#64;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
