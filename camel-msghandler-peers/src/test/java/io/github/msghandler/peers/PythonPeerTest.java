package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.arrow.ArrowTable;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A live Python peer (python/peer.py: nats-py, pandas and pyarrow, written from docs/wire-format.md) against the
 * component on a real nats-server: every payload type both ways through the Object Store and through an HTTP file
 * server, and an envelope of its own, with an Arrow table of edge types and metadata keys no route knows, through a
 * forwarding route back to Python, where pandas finds the table equal and every key kept.
 */
@Timeout(180)
class PythonPeerTest extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:from.python?brokerUrl=" + nats.url())
                        .to("mock:fromPython")
                        .to("msghandler:back.to.python?brokerUrl=" + nats.url());
            }
        };
    }

    @Test
    void everyPayloadTypeGoesToPythonAndBackByRequestAndReplyThroughTheObjectStore() throws Exception {
        try (PeerProcess responder = PeerProcess.python("python/peer.py", "responder", "--server", nats.url(),
                "--subject", "python.echo")) {
            EveryPayloadType.assertRoundTrips(template, "msghandler:python.echo?requestTimeout=60000&brokerUrl="
                    + nats.url(), responder, "python-peer");
        }
    }

    @Test
    void everyPayloadTypeGoesToPythonAndBackByRequestAndReplyThroughAnHttpFileServer() throws Exception {
        try (FileTestServer files = FileTestServer.start();
             PeerProcess responder = PeerProcess.python("python/peer.py", "responder", "--server", nats.url(),
                     "--subject", "python.echo.http", "--store", "http", "--fileserver", files.url())) {
            EveryPayloadType.assertRoundTrips(template, "msghandler:python.echo.http?requestTimeout=60000"
                    + "&store=http&fileserverUrl=" + files.url() + "&brokerUrl=" + nats.url(), responder,
                    "python-peer");
        }
    }

    @Test
    void whatPythonSendsArrivesInARouteAndComesBackThroughItUnchanged() throws Exception {
        MockEndpoint fromPython = getMockEndpoint("mock:fromPython");
        fromPython.expectedMessageCount(1);
        JsonNode sent;
        try (PeerProcess receiver = PeerProcess.python("python/peer.py", "expect", "--server", nats.url(),
                "--subject", "back.to.python")) {
            receiver.awaitLine("ready", WAIT);
            try (PeerProcess sender = PeerProcess.python("python/peer.py", "send", "--server", nats.url(),
                    "--subject", "from.python")) {
                sent = sender.sentAndEnded(WAIT);
            }
            // the peer checks in pandas that the table is equal and every metadata key kept; it fails otherwise
            JsonNode arrived = receiver.awaitJson("received", WAIT);
            assertEquals(sent.get("metadata"), arrived.get("metadata"), "the envelope's metadata");
            for (int i = 0; i < 8; i++) {
                assertEquals(sent.get("payloads").get(i).get("sha256"), arrived.get("payloads").get(i).get("sha256"));
            }
        }
        fromPython.assertIsSatisfied(WAIT.toMillis());

        List<Message> parts = Interop.payloadsOfTheOnlyEnvelope(fromPython);
        assertEquals(8, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            JsonNode expected = sent.get("payloads").get(i);
            Message part = parts.get(i);
            assertEquals(expected.get("dataname").asText(), part.getHeader(MsgHandlerConstants.DATA_NAME));
            assertEquals(expected.get("type").asText(), part.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(expected.get("transport").asText(), part.getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals(expected.get("sha256").asText(), Sha256Hex.of(part.getBody(byte[].class)));
        }
        // the route reads the edge table too: the instant of a zoned timestamp, a date, a long beyond 2^53, nulls
        List<Map<String, Object>> edge = parts.get(3).getBody(ArrowTable.class).rows();
        assertEquals(Instant.parse("2026-12-07T07:30:00.123456Z"), edge.get(0).get("at"));
        assertEquals(LocalDate.of(2026, 12, 7), edge.get(0).get("day"));
        assertEquals((1L << 53) + 1, edge.get(0).get("big"));
        assertEquals("Grüße", edge.get(0).get("name"));
        assertEquals(Arrays.asList(null, null, null, null), new ArrayList<>(edge.get(1).values()));
        assertEquals(-(1L << 62), edge.get(2).get("big"));
        assertEquals("Grüße aus Python 🐍", parts.get(0).getBody(String.class));
        assertEquals(Map.of("peer", "python", "numbers", List.of(1, 2, 3), "nested", Map.of("ok", true)),
                parts.get(1).getBody(Map.class));
    }
}
