package io.github.msghandler.camel;

import io.github.msghandler.core.PayloadType;
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
    static void assertReceived(PayloadType type, Object sent, Object body) {
        if (type == PayloadType.ARROWTABLE) {
            assertEquals(sent, assertInstanceOf(ArrowTable.class, body).rows());
        } else if (type.isRawBytes()) {
            assertArrayEquals((byte[]) sent, (byte[]) body);
        } else {
            assertEquals(sent, body);
        }
    }
}
