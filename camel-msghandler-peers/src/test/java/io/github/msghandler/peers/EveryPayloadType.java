package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.testsupport.Sha256Hex;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every payload type from Camel to a peer's responder and back, the round trip each peer test makes. */
final class EveryPayloadType {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private EveryPayloadType() {
    }

    static final List<Map<String, Object>> ROWS = List.of(row(1, "Alice", 0.5), row(2, "Bob", 0.75));

    private static Map<String, Object> row(int id, String name, double score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("score", score);
        return row;
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Every payload type; video and binary are over the 500 KB threshold and go by link. */
    static List<Payload> everyType() {
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

    /** Sends every type as a request to the peer's responder and checks the reply it packed itself. */
    static void assertRoundTrips(ProducerTemplate template, String endpointUri, PeerProcess responder,
                                 String peerName) throws Exception {
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
        assertEquals(peerName, reply.getMessage().getHeader(MsgHandlerConstants.SENDER_NAME));
        assertEquals(reply.getMessage().getHeader(MsgHandlerConstants.CORRELATION_ID),
                received.get("correlation_id").asText(), "the reply keeps the request's correlation id");

        assertEquals("Grüße aus Java ☕", byName.get("greeting").getBody(String.class));
        assertEquals(Map.of("peer", "camel", "numbers", List.of(1, 2, 3)), byName.get("settings").getBody(Map.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonRows = byName.get("scores-json").getBody(List.class);
        assertEquals(Interop.normalized(ROWS), Interop.normalized(jsonRows));
        assertEquals(Interop.normalized(ROWS),
                Interop.normalized(byName.get("scores-arrow").getBody(ArrowTable.class).rows()));
        for (int i = 4; i < 8; i++) {
            Message part = byName.get(sent.get(i).dataname());
            byte[] expected = (byte[]) sent.get(i).data();
            assertArrayEquals(expected, part.getBody(byte[].class), sent.get(i).dataname());
            assertEquals(sent.get(i).type().wireName(), part.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(expected.length >= 500_000 ? "link" : "direct", part.getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals(Sha256Hex.of(expected), received.get("payloads").get(i).get("sha256").asText());
        }
    }
}
