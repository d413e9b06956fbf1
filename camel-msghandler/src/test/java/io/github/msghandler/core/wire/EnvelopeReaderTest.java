package io.github.msghandler.core.wire;

import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.WirePayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A direct payload's base64 text is decoded straight from the envelope's bytes; text written with JSON escapes
 * (legal JSON, though no peer writes base64 so) still reads as the text it stands for, and text that is not base64
 * still fails, named.
 */
class EnvelopeReaderTest {
    private static byte[] envelope(String data) {
        return ("{\"msg_id\":\"m\",\"payloads\":[{\"id\":\"p\",\"dataname\":\"t\",\"payload_type\":\"text\","
                + "\"transport\":\"direct\",\"encoding\":\"base64\",\"size\":6,\"data\":\"" + data + "\","
                + "\"metadata\":{}}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void base64TextReadsTheSameWithOrWithoutJsonEscapes() {
        WirePayload plain = EnvelopeReader.read(envelope("SGVsbG8h")).payloads().get(0);
        WirePayload escaped = EnvelopeReader.read(envelope("SGVsbG8\\u0068")).payloads().get(0);

        assertArrayEquals("Hello!".getBytes(StandardCharsets.UTF_8), plain.directBytes());
        assertArrayEquals(plain.directBytes(), escaped.directBytes());
        assertEquals("SGVsbG8h", plain.data());
        assertEquals(plain, escaped);
    }

    @Test
    void textThatIsNotBase64FailsWhenDecoded() {
        WirePayload broken = EnvelopeReader.read(envelope("SGVs*G8h")).payloads().get(0);
        assertThrows(IllegalArgumentException.class, broken::directBytes);
        assertThrows(InvalidEnvelopeException.class, () -> EnvelopeReader.read(envelope("SGVs\"G8h")));
    }
}
