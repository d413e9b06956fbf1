package io.github.msghandler.examples;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs one scenario in its own Camel Main application against a broker, and reports success or failure. */
final class ScenarioRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private ScenarioRunner() {
    }

    /** @return null on success, else what failed */
    static String run(Scenario scenario, String brokerUrl, Path baseDir) {
        LOG.info("=== Scenario '{}': {}", scenario.name(), scenario.description());
        Main main = new Main();
        try {
            Path dir = freshDirectory(baseDir.resolve(scenario.name()));
            main.addInitialProperty("camel.component.msghandler.broker-url", brokerUrl);
            main.addInitialProperty("examples.dir", dir.toAbsolutePath().toString());
            main.addInitialProperty("camel.main.name", "msghandler-" + scenario.name());
            scenario.addRoutes(main);
            main.start();
            String checked = scenario.drive(main.getCamelContext(), dir);
            LOG.info("=== SUCCESS '{}': {}", scenario.name(), checked);
            return null;
        } catch (Throwable e) {
            LOG.error("=== FAILURE '{}': {}", scenario.name(), e.toString(), e);
            return scenario.name() + ": " + e;
        } finally {
            main.stop();
        }
    }

    private static Path freshDirectory(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
