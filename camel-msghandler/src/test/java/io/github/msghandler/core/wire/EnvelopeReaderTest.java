package io.github.msghandler.core.wire;

import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.WirePayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A direct payload's base64 text is decoded straight from the envelope's bytes; text written with JSON escapes
 * (legal JSON, though no peer writes base64 so) still reads as the text it stands for, and text that is not base64
 * still fails, named.
 */
class EnvelopeReaderTest {
    private static byte[] envelope(String data) {
        return envelope(6, data);
    }

    private static byte[] envelope(int size, String data) {
        return ("{\"msg_id\":\"m\",\"payloads\":[{\"id\":\"p\",\"dataname\":\"t\",\"payload_type\":\"text\","
                + "\"transport\":\"direct\",\"encoding\":\"base64\",\"size\":" + size + ",\"data\":\"" + data
                + "\",\"metadata\":{}}]}").getBytes(StandardCharsets.UTF_8);
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

    /**
     * The reader takes the text its size implies when a quote stands where that text would end; these are the
     * cases where that guess is wrong, and each must read as a reader that scans for the end reads it.
     */
    @Test
    void base64WhoseLengthTheSizeDoesNotPredictReadsAsScanned() {
        // unpadded (JSON-legal, and the JDK decodes it): two characters short, so the predicted end is the quote
        // that opens "metadata"
        WirePayload unpadded = EnvelopeReader.read(envelope(4, "SGVsbA")).payloads().get(0);
        assertArrayEquals("Hell".getBytes(StandardCharsets.UTF_8), unpadded.directBytes());
        assertEquals("SGVsbA", unpadded.data());

        // a size that lies: the text is read whole, and smartunpack refuses the byte count
        WirePayload longer = EnvelopeReader.read(envelope(3, "SGVsbG8h")).payloads().get(0);
        assertArrayEquals("Hello!".getBytes(StandardCharsets.UTF_8), longer.directBytes());
        WirePayload shorter = EnvelopeReader.read(envelope(9, "SGVsbG8h")).payloads().get(0);
        assertEquals(6, shorter.directBytes().length);
    }

    @Test
    void aQuoteOrBackslashWhereTheSizePredictsBase64IsNamedAsJson() {
        // eight characters where the size predicts them, one of them a quote that ends the string early
        InvalidEnvelopeException quote = assertThrows(InvalidEnvelopeException.class,
                () -> EnvelopeReader.read(envelope("SGVs\"G8h")));
        assertTrue(quote.getMessage().contains("not valid JSON"), quote.getMessage());
        // a stray backslash: not a JSON escape
        InvalidEnvelopeException backslash = assertThrows(InvalidEnvelopeException.class,
                () -> EnvelopeReader.read(envelope("SGVs\\G8h")));
        assertTrue(backslash.getMessage().contains("not valid JSON"), backslash.getMessage());
    }
}
