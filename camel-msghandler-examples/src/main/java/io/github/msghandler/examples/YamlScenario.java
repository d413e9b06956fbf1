package io.github.msghandler.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.nio.file.Path;

/**
 * Scenario 5: the chat and bridge scenarios with their routes written in YAML DSL (src/main/resources/routes),
 * driven and checked exactly as the Java DSL ones.
 */
final class YamlScenario implements Scenario {
    private final String name;
    private final Scenario javaDsl;
    private final String routes;

    private YamlScenario(String name, Scenario javaDsl, String routes) {
        this.name = name;
        this.javaDsl = javaDsl;
        this.routes = routes;
    }

    static YamlScenario chat() {
        return new YamlScenario("yaml-chat", new ChatRoomScenario(), "classpath:routes/chat.yaml");
    }

    static YamlScenario bridge() {
        return new YamlScenario("yaml-bridge", new FileDropBridgeScenario(), "classpath:routes/bridge.yaml");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return javaDsl.description() + " (routes in YAML DSL: " + routes + ")";
    }

    @Override
    public void addRoutes(Main main) {
        main.configure().withRoutesIncludePattern(routes);
    }

    @Override
    public String drive(CamelContext camel, Path dir) throws Exception {
        return javaDsl.drive(camel, dir);
    }
}
