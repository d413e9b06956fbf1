package io.github.msghandler.camel;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.arrow.ArrowTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** One sample value per payload type, and the check that a received body is that value again. */
final class PayloadSamples {
    private PayloadSamples() {
    }

    static Object sample(PayloadType type) {
        switch (type) {
            case TEXT:
                return "Grüße — 世界";
            case DICTIONARY:
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("interval", 60);
                config.put("tags", List.of("a", "b"));
                return config;
            case JSONTABLE:
                return List.of(Map.of("id", 1, "name", "Ann"), Map.of("id", 2, "name", "Bob"));
            case ARROWTABLE:
                // Arrow infers 64-bit integers, so Long reads back equal
                return List.of(Map.of("id", 1L, "name", "Ann"), Map.of("id", 2L, "name", "Bob"));
            default:
                byte[] bytes = new byte[20_000];
                new Random(type.ordinal()).nextBytes(bytes);
                return bytes;
        }
    }

    /** Tables come back as an {@link ArrowTable} or rows, raw types as bytes, the rest as equal values. */
    /** The body is the received payload, and Camel's type converters give the value sent. */
    static void assertReceived(PayloadType type, Object sent, org.apache.camel.Message message) {
        assertEquals(type, assertInstanceOf(ReceivedPayload.class, message.getBody()).type());
        switch (type) {
            case ARROWTABLE -> {
                assertEquals(sent, message.getBody(ArrowTable.class).rows());
                try (org.apache.arrow.vector.VectorSchemaRoot root =
                             message.getBody(org.apache.arrow.vector.VectorSchemaRoot.class)) {
                    assertEquals(((java.util.List<?>) sent).size(), root.getRowCount());
                }
            }
            case TEXT -> assertEquals(sent, message.getBody(String.class));
            case DICTIONARY -> assertEquals(sent, message.getBody(java.util.Map.class));
            case JSONTABLE -> assertEquals(sent, message.getBody(java.util.List.class));
            default -> assertArrayEquals((byte[]) sent, message.getBody(byte[].class));
        }
    }
}
