package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.testsupport.Sha256Hex;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A live Node.js peer (the official {@code nats} client and {@code apache-arrow}, js/msghandler.mjs written from
 * the wire format) and the component exchange every payload type in both directions: direct and by link, through
 * the Object Store and through an HTTP file server, by request and reply and by plain publish.
 */
@Timeout(120)
class NodePeerTest extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    static final List<Map<String, Object>> ROWS = List.of(row(1, "Alice", 0.5), row(2, "Bob", 0.75));

    private static Map<String, Object> row(int id, String name, double score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("score", score);
        return row;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:from.node?brokerUrl=" + nats.url()).to("mock:fromNode");
            }
        };
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Every payload type; video and binary are over the 500 KB threshold and go by link. */
    private static List<Payload> everyType() {
        return List.of(
                Payload.of("greeting", "Grüße aus Java ☕", "text"),
                Payload.of("settings", Map.of("peer", "camel", "numbers", List.of(1, 2, 3)), "dictionary"),
                Payload.of("scores-json", ROWS, "jsontable"),
                Payload.of("scores-arrow", ROWS, "arrowtable"),
                Payload.of("avatar.png", bytes(3_000, 1), "image"),
                Payload.of("voice.wav", bytes(5_000, 2), "audio"),
                Payload.of("clip.mp4", bytes(800_000, 3), "video"),
                Payload.of("archive.bin", bytes(600_000, 4), "binary"));
    }

    /** Sends every type as a request to the Node responder and checks the reply it packed itself. */
    private void assertEveryTypeRoundTrips(String endpointUri, PeerProcess responder) throws Exception {
        responder.awaitLine("ready", WAIT);
        List<Payload> sent = everyType();
        Exchange reply = template.request(endpointUri, e -> e.getMessage().setBody(sent));
        assertNull(reply.getException());

        JsonNode received = responder.awaitJson("received", WAIT);
        for (int i = 0; i < sent.size(); i++) {
            JsonNode seen = received.get("payloads").get(i);
            assertEquals(sent.get(i).dataname(), seen.get("dataname").asText());
            assertEquals(i >= 6 ? "link" : "direct", seen.get("transport").asText(), sent.get(i).dataname());
        }

        @SuppressWarnings("unchecked")
        List<Message> parts = reply.getMessage().getBody(List.class);
        assertEquals(8, parts.size());
        Map<String, Message> byName = new HashMap<>();
        parts.forEach(part -> byName.put(part.getHeader(MsgHandlerConstants.DATA_NAME, String.class), part));
        assertEquals("node-peer", reply.getMessage().getHeader(MsgHandlerConstants.SENDER_NAME));
        assertEquals(reply.getMessage().getHeader(MsgHandlerConstants.CORRELATION_ID),
                received.get("correlation_id").asText(), "the reply keeps the request's correlation id");

        assertEquals("Grüße aus Java ☕", byName.get("greeting").getBody(String.class));
        assertEquals(Map.of("peer", "camel", "numbers", List.of(1, 2, 3)), byName.get("settings").getBody(Map.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonRows = byName.get("scores-json").getBody(List.class);
        assertEquals(Interop.normalized(ROWS), Interop.normalized(jsonRows));
        assertEquals(Interop.normalized(ROWS), Interop.normalized(byName.get("scores-arrow").getBody(ArrowTable.class).rows()));
        for (int i = 4; i < 8; i++) {
            Message part = byName.get(sent.get(i).dataname());
            byte[] expected = (byte[]) sent.get(i).data();
            assertArrayEquals(expected, part.getBody(byte[].class), sent.get(i).dataname());
            assertEquals(sent.get(i).type().wireName(), part.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(expected.length >= 500_000 ? "link" : "direct", part.getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals(Sha256Hex.of(expected), received.get("payloads").get(i).get("sha256").asText());
        }
    }

    @Test
    void everyPayloadTypeGoesToNodeAndBackByRequestAndReplyThroughTheObjectStore() throws Exception {
        try (PeerProcess responder = PeerProcess.node("js/peer.mjs", "responder", "--server", nats.url(),
                "--subject", "node.echo")) {
            assertEveryTypeRoundTrips("msghandler:node.echo?requestTimeout=30000&brokerUrl=" + nats.url(),
                    responder);
        }
    }

    @Test
    void everyPayloadTypeGoesToNodeAndBackByRequestAndReplyThroughAnHttpFileServer() throws Exception {
        try (FileTestServer files = FileTestServer.start();
             PeerProcess responder = PeerProcess.node("js/peer.mjs", "responder", "--server", nats.url(),
                     "--subject", "node.echo.http", "--store", "http", "--fileserver", files.url())) {
            assertEveryTypeRoundTrips("msghandler:node.echo.http?requestTimeout=30000&store=http&fileserverUrl="
                    + files.url() + "&brokerUrl=" + nats.url(), responder);
        }
    }

    @Test
    void everyPayloadTypePublishedByNodeArrivesInARoute() throws Exception {
        MockEndpoint fromNode = getMockEndpoint("mock:fromNode");
        fromNode.expectedMessageCount(1);
        JsonNode sent;
        try (PeerProcess sender = PeerProcess.node("js/peer.mjs", "send", "--server", nats.url(),
                "--subject", "from.node")) {
            sent = sender.sentAndEnded(WAIT);
        }
        fromNode.assertIsSatisfied(WAIT.toMillis());

        List<Message> parts = Interop.payloadsOfTheOnlyEnvelope(fromNode);
        assertEquals(8, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Message part = parts.get(i);
            JsonNode expected = sent.get("payloads").get(i);
            assertEquals(expected.get("dataname").asText(), part.getHeader(MsgHandlerConstants.DATA_NAME));
            assertEquals(expected.get("type").asText(), part.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(expected.get("transport").asText(), part.getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals(expected.get("sha256").asText(), Sha256Hex.of(part.getBody(byte[].class)));
        }
        assertEquals("Grüße aus Node.js 🚀", parts.get(0).getBody(String.class));
        assertEquals(Map.of("peer", "node", "numbers", List.of(1, 2, 3), "nested", Map.of("ok", true)),
                parts.get(1).getBody(Map.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonRows = parts.get(2).getBody(List.class);
        assertEquals(Interop.normalized(ROWS), Interop.normalized(jsonRows));
        assertEquals(Interop.normalized(ROWS), Interop.normalized(parts.get(3).getBody(ArrowTable.class).rows()));
        assertEquals("link", parts.get(6).getHeader(MsgHandlerConstants.TRANSPORT), "700 KB went by link");
        assertEquals(700_000, parts.get(6).getBody(byte[].class).length);
    }
}
