package io.github.msghandler.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

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
    /** The browser chat runs until stopped, so it is not one of the scenarios that run and check themselves. */
    static final String BROWSER = "browser";

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
        String property = System.getProperty("brokerUrl", "");   // exec:exec passes it empty when not given
        String url = !property.isBlank() ? property
                : System.getenv().getOrDefault("MSGHANDLER_BROKER_URL", "nats://localhost:4222");
        if (names.equals(List.of(BROWSER))) {
            runBrowserChat(url);
            return;
        }
        for (String name : names) {
            if (!known.containsKey(name)) {
                LOG.error("Unknown scenario '{}'; the scenarios are {} (or all), and browser on its own", name,
                        known.keySet());
                System.exit(2);
            }
        }
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

    /**
     * Serves the browser chat page and runs its route until the JVM is stopped (Ctrl+C). The broker is the one at
     * -DbrokerUrl with -DwebSocketUrl when both are given, else a local nats-server with WebSocket.
     */
    private static void runBrowserChat(String url) {
        String webSocketUrl = System.getProperty("webSocketUrl", "");
        webSocketUrl = webSocketUrl.isBlank() ? null : webSocketUrl;
        Path pageDir = Path.of(System.getProperty("pageDir", "../camel-msghandler-peers/target/browser"));
        try {
            Broker broker = webSocketUrl != null ? Broker.atOrStart(url) : Broker.startWithWebSocket();
            AtomicReference<BrowserChat> started = new AtomicReference<>();
            // registered before the chat starts, so that a chat that cannot start leaves no nats-server behind
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (started.get() != null) {
                    started.get().close();
                }
                broker.close();
            }, "browser-chat-stop"));
            BrowserChat chat = BrowserChat.start(broker.url(),
                    webSocketUrl != null ? webSocketUrl : broker.webSocketUrl(), pageDir,
                    Integer.getInteger("pagePort", 8080));
            started.set(chat);
            LOG.info("BROWSER CHAT READY: open {} (Ctrl+C stops it)", chat.pageUrl());
            new CountDownLatch(1).await();
        } catch (Broker.Unavailable | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(NO_BROKER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("The browser chat could not start", e);
            System.exit(1);
        }
    }
}
