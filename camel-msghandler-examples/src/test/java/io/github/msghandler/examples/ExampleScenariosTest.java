package io.github.msghandler.examples;

import io.github.msghandler.testsupport.NatsServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every example scenario runs and its own check passes, so the examples never rot. */
class ExampleScenariosTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    @TempDir
    Path dir;

    static Set<String> scenarioNames() {
        return ExamplesApp.scenarios().keySet();
    }

    @ParameterizedTest
    @MethodSource("scenarioNames")
    void scenarioSucceeds(String name) {
        assertNull(ScenarioRunner.run(ExamplesApp.scenarios().get(name), nats.url(), dir));
    }

    @org.junit.jupiter.api.Test
    void theFiveScenariosOfTheIssueAreAllThere() {
        assertEquals(Set.of("chat", "bridge", "device", "tables", "yaml-chat", "yaml-bridge"), scenarioNames());
    }
}
