package io.github.msghandler.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the examples by name ({@code chat}, {@code bridge}, {@code device}, {@code tables}, {@code yaml-chat},
 * {@code yaml-bridge}, or {@code all}) against the broker at {@code -DbrokerUrl} (or {@code MSGHANDLER_BROKER_URL},
 * default {@code nats://localhost:4222}), starting a local nats-server when none answers. Exits 0 when every
 * scenario succeeded.
 */
public final class ExamplesApp {
    private static final Logger LOG = LoggerFactory.getLogger(ExamplesApp.class);

    private ExamplesApp() {
    }

    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Scenario scenario : List.of(new ChatRoomScenario(), new FileDropBridgeScenario(),
                new DeviceCommandScenario(), new TableAnalyticsScenario(), YamlScenario.chat(),
                YamlScenario.bridge())) {
            scenarios.put(scenario.name(), scenario);
        }
        return scenarios;
    }

    /** The exit code when no broker answers and none can be started. */
    static final int NO_BROKER = 3;

    public static void main(String[] args) {
        Map<String, Scenario> known = scenarios();
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            names.addAll(Arrays.asList(arg.split("[,\\s]+")));
        }
        names.removeIf(String::isBlank);
        if (names.isEmpty()) {
            names.add("chat");
        }
        if (names.contains("all")) {
            names = new ArrayList<>(known.keySet());
        }
        for (String name : names) {
            if (!known.containsKey(name)) {
                LOG.error("Unknown scenario '{}'; the scenarios are {} (or all)", name, known.keySet());
                System.exit(2);
            }
        }
        String url = System.getProperty("brokerUrl", System.getenv().getOrDefault("MSGHANDLER_BROKER_URL",
                "nats://localhost:4222"));
        List<String> failures = new ArrayList<>();
        try (Broker broker = Broker.atOrStart(url)) {
            for (String name : names) {
                String failure = ScenarioRunner.run(known.get(name), broker.url(), Path.of("target", "examples"));
                if (failure != null) {
                    failures.add(failure);
                }
            }
        } catch (Broker.Unavailable e) {
            // a first contact without a server: one line that says what to do, no stack trace
            System.err.println(e.getMessage());
            System.exit(NO_BROKER);
        }
        if (failures.isEmpty()) {
            LOG.info("ALL {} SCENARIOS SUCCEEDED: {}", names.size(), names);
            System.exit(0);
        }
        LOG.error("{} OF {} SCENARIOS FAILED: {}", failures.size(), names.size(), failures);
        System.exit(1);
    }
}
