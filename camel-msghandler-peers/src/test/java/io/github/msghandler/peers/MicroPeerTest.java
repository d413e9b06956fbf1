package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.Payload;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.testsupport.Sha256Hex;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MicroPython-style peer (python/micropeer.py: the NATS protocol over a socket, every payload direct under a
 * 100 KB threshold, only http:// links on receipt) against the component's defaults, and what a user sets so that
 * large payloads reach such a peer.
 */
@Timeout(120)
class MicroPeerTest extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] LARGE = new byte[600_000];

    static {
        new Random(9).nextBytes(LARGE);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:from.micro?brokerUrl=" + nats.url()).to("mock:fromMicro");
            }
        };
    }

    private static String server() {
        return nats.url().replace("nats://", "");
    }

    @Test
    void whatAMicroPythonPeerSendsArrivesWithTheComponentsDefaults() throws Exception {
        MockEndpoint fromMicro = getMockEndpoint("mock:fromMicro");
        fromMicro.expectedMessageCount(1);
        JsonNode sent;
        try (PeerProcess sender = PeerProcess.python("python/micropeer.py", "send", "--server", server(),
                "--subject", "from.micro")) {
            sent = sender.sentAndEnded(WAIT);
        }
        fromMicro.assertIsSatisfied(WAIT.toMillis());

        List<Message> parts = Interop.payloadsOfTheOnlyEnvelope(fromMicro);
        assertEquals(3, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            JsonNode expected = sent.get("payloads").get(i);
            assertEquals("direct", parts.get(i).getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals(expected.get("sha256").asText(), Sha256Hex.of(parts.get(i).getBody(byte[].class)));
        }
        assertEquals("temperature 21.5 °C", parts.get(0).getBody(String.class));
        assertEquals(Map.of("device", "esp32", "uptime", 3600, "ok", true), parts.get(1).getBody(Map.class));
        assertEquals(99_000, parts.get(2).getBody(byte[].class).length, "just under its 100 KB threshold, direct");
    }

    /** Sends text and 600 KB to a MicroPython-style receiver through the given endpoint; returns what it said. */
    private JsonNode sendToMicroReceiver(String subject, String options) throws Exception {
        try (PeerProcess receiver = PeerProcess.python("python/micropeer.py", "receive", "--server", server(),
                "--subject", subject, "--count", "1")) {
            receiver.awaitLine("ready", WAIT);
            template.sendBody("msghandler:" + subject + "?brokerUrl=" + nats.url() + options,
                    List.of(Payload.of("note", "for a small device", "text"), Payload.of("firmware.bin", LARGE,
                            "binary")));
            return receiver.awaitJson("received", WAIT);
        }
    }

    @Test
    void aReceiverThatOnlyKnowsHttpGetsLargePayloadsFromTheHttpStore() throws Exception {
        try (FileTestServer files = FileTestServer.start()) {
            JsonNode received = sendToMicroReceiver("to.micro.http", "&store=http&fileserverUrl=" + files.url());
            JsonNode firmware = received.get("payloads").get(1);
            assertEquals("link", firmware.get("transport").asText());
            assertEquals(Sha256Hex.of(LARGE), firmware.get("sha256").asText());
        }
    }

    @Test
    void aReceiverWithoutAnyStoreGetsLargePayloadsDirectUnderAHigherThreshold() throws Exception {
        // 600 KB is 800 KB in base64: under the broker's 1 MB max_payload
        JsonNode received = sendToMicroReceiver("to.micro.direct", "&sizeThreshold=900000");
        JsonNode firmware = received.get("payloads").get(1);
        assertEquals("direct", firmware.get("transport").asText());
        assertEquals(Sha256Hex.of(LARGE), firmware.get("sha256").asText());
    }

    @Test
    void withTheDefaultObjectStoreSuchAReceiverReportsTheLinkSchemeItCannotFollow() throws Exception {
        try (PeerProcess receiver = PeerProcess.python("python/micropeer.py", "receive", "--server", server(),
                "--subject", "to.micro.default", "--count", "1")) {
            receiver.awaitLine("ready", WAIT);
            template.sendBody("msghandler:to.micro.default?brokerUrl=" + nats.url(),
                    List.of(Payload.of("firmware.bin", LARGE, "binary")));
            String error = receiver.awaitError(WAIT);
            assertTrue(error.contains("unsupported link scheme 'nats-os'"), error);
        }
    }
}
