package io.github.msghandler.kafka;

import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.testsupport.KafkaBrokerExtension;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * docs/walkthrough.md's Kafka section is what the tests run: its Java blocks are KafkaBridgeRoutes' code, and its
 * Kamelet YAML blocks are loaded from the page itself and run against a real Kafka broker and nats-server.
 */
@Timeout(180)
class WalkthroughKafkaSectionTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();
    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The fenced block after {@code <!-- tested: name -->} in the walkthrough. */
    private static String walkthroughBlock(String name) throws IOException {
        String page = Files.readString(Path.of(System.getProperty("walkthrough")));
        int marker = page.indexOf("<!-- tested: " + name + " -->");
        if (marker < 0) {
            throw new AssertionError("the walkthrough has no block marked " + name);
        }
        int start = page.indexOf('\n', page.indexOf("```", marker)) + 1;
        return page.substring(start, page.indexOf("\n```", start));
    }

    /** The code between {@code // walkthrough: name} and {@code // walkthrough: end}, without its indentation. */
    private static String sourceRegion(String name) throws IOException {
        String source = Files.readString(Path.of(System.getProperty("bridge.routes")));
        int start = source.indexOf('\n', source.indexOf("// walkthrough: " + name)) + 1;
        List<String> lines = source.substring(start, source.indexOf("// walkthrough: end", start)).stripTrailing()
                .lines().map(String::stripTrailing).toList();
        int indent = lines.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList());
    }

    @Test
    void theWalkthroughsJavaBridgesAreTheTestedRoutes() throws IOException {
        assertEquals(sourceRegion("payloads"), walkthroughBlock("KafkaBridgeRoutes.payloads"));
        assertEquals(sourceRegion("envelopes"), walkthroughBlock("KafkaBridgeRoutes.envelopes"));
    }

    /** Runs YAML routes from the walkthrough in Camel Main, with the Kamelets from the component's jar. */
    private Main run(String block) throws Exception {
        Path routes = Files.writeString(dir.resolve(block + ".yaml"), walkthroughBlock(block));
        Main main = new Main();
        main.addInitialProperty("nats.url", nats.url());
        main.addInitialProperty("kafka.brokers", kafka.bootstrapServers());
        main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath());
        main.start();
        return main;
    }

    @Test
    void theKameletPayloadBridgeOfTheWalkthroughRoundTripsEveryPayload() throws Exception {
        Subscription out = nats.connection().subscribe("telemetry.out");
        nats.connection().flush(Duration.ofSeconds(5));
        Main main = run("yaml-payloads");
        try {
            List<Payload> sent = List.of(Payload.of("reading", "21.5 °C", "text"),
                    Payload.of("rows", List.of(Map.of("t", 1)), "jsontable"),
                    Payload.of("blob", new byte[] {0, 1, 2, (byte) 255}, "binary"));
            EncodedEnvelope published = MsgHandler.smartpack("telemetry", sent, PackOptions.builder()
                    .connection(nats.connection())
                    .header(EnvelopeHeader.builder().correlationId("yaml-1").build()).build());

            Map<String, ReceivedPayload> arrived = new HashMap<>();
            while (arrived.size() < sent.size()) {
                Message message = out.nextMessage(WAIT);
                assertNotNull(message, "only " + arrived.keySet() + " came out of Kafka");
                UnpackedEnvelope envelope = MsgHandler.smartunpack(message, UnpackOptions.builder()
                        .decodeOnReceipt(false).build());
                assertEquals("yaml-1", envelope.envelope().header().correlationId());
                envelope.payloads().forEach(p -> arrived.put(p.dataname(), p));
            }
            for (int i = 0; i < sent.size(); i++) {
                ReceivedPayload payload = arrived.get(sent.get(i).dataname());
                assertEquals(sent.get(i).type(), payload.type());
                assertEquals(published.envelope().payloads().get(i).metadata().get("sha256"), payload.sha256());
            }
        } finally {
            main.stop();
        }
    }

    @Test
    void theKameletEnvelopeBridgeOfTheWalkthroughKeepsTheClaimCheck() throws Exception {
        Subscription out = nats.connection().subscribe("uploads.out");
        nats.connection().flush(Duration.ofSeconds(5));
        Main main = run("yaml-envelopes");
        try {
            byte[] large = new byte[2_000_000];
            new Random(4).nextBytes(large);
            EncodedEnvelope published = MsgHandler.smartpack("uploads", List.of(Payload.of("big.bin", large, "binary")),
                    PackOptions.builder().connection(nats.connection()).build());

            Message message = out.nextMessage(WAIT);
            assertNotNull(message, "the envelope came out of Kafka");
            assertArrayEquals(published.jsonBytes(), message.getData(), "as it was sent, link and all");
            assertArrayEquals(large, MsgHandler.smartunpack(message).payloads().get(0).bytes());
        } finally {
            main.stop();
        }
    }
}
