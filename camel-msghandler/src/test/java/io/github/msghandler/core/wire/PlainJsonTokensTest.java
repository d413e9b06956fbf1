package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonParser;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte tokenizer reads envelopes exactly as Jackson's parser does whenever it reads them at all: the golden
 * vectors and what our writer writes take the byte path and read equal to Jackson's reading, and of 30,000 envelopes
 * broken at random, every one the byte path accepts Jackson accepts as the same envelope.
 */
class PlainJsonTokensTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** Long enough that the data's base64 is scanned eight bytes at a time too. */
    private static final String TEXT = "Hello! A payload whose base64 runs over many eight-byte words of the envelope.";
    private static final String WRITTEN = "{\"correlation_id\":\"c-1\",\"msg_id\":\"m-1\",\"timestamp\":"
            + "\"2026-12-07T00:00:00.000Z\",\"send_to\":\"a.b\",\"msg_purpose\":\"chat\",\"sender_name\":\"s\","
            + "\"sender_id\":\"i\",\"receiver_name\":\"\",\"receiver_id\":\"\",\"reply_to\":\"\",\"reply_to_msg_id\":\"\","
            + "\"broker_url\":\"nats://localhost:4222\",\"metadata\":{\"n\":-12,\"big\":123456789012,\"ok\":true,"
            + "\"no\":false,\"none\":null,\"list\":[1,{\"x\":[]}]},\"payloads\":[{\"id\":\"p\",\"dataname\":\"t.txt\","
            + "\"payload_type\":\"text\",\"transport\":\"direct\",\"encoding\":\"base64\",\"size\":" + TEXT.length()
            + ",\"data\":\"" + Base64.getEncoder().encodeToString(TEXT.getBytes(StandardCharsets.US_ASCII))
            + "\",\"metadata\":{\"sha256\":\"ab\"},\"later\":[1, 2]}, "
            + "{\"id\":\"q\",\"dataname\":"
            + "\"u\",\"payload_type\":\"binary\",\"transport\":\"link\",\"encoding\":\"none\",\"size\":0,"
            + "\"data\":\"http://h/x\",\"metadata\":{}}]}";

    @Test
    void goldenVectorsAndOurOwnEnvelopesTakeTheBytePathAndReadAsJacksonReadsThem() throws IOException {
        List<Path> vectors;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            vectors = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(vectors.size() >= 17, "golden vectors found: " + vectors);
        for (Path vector : vectors) {
            byte[] body = Files.readAllBytes(vector);
            Envelope plain = assertDoesNotThrow(() -> EnvelopeReader.read(new PlainJsonTokens(body), body),
                    vector + " left the byte path");
            assertEquals(readWithJackson(body), plain, vector.toString());
        }
        byte[] written = WRITTEN.getBytes(StandardCharsets.US_ASCII);
        assertEquals(readWithJackson(written), EnvelopeReader.read(new PlainJsonTokens(written), written));
        byte[] again = EnvelopeWriter.toBytes(readWithJackson(written));
        assertEquals(readWithJackson(again), EnvelopeReader.read(new PlainJsonTokens(again), again));
    }

    @Test
    void whatTheBytePathAcceptsJacksonAcceptsAsTheSameEnvelope() {
        Random random = new Random(20261207);
        byte[] original = WRITTEN.getBytes(StandardCharsets.US_ASCII);
        byte[] alphabet = "{}[]\":,\\ \t0123456789-+.eEtrufalsn\u00e9x".getBytes(StandardCharsets.UTF_8);
        int acceptedByBoth = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] body = mutate(original, random, alphabet);
            Envelope plain;
            try {
                plain = EnvelopeReader.read(new PlainJsonTokens(body), body);
            } catch (InvalidEnvelopeException | IOException e) {
                continue;
            } catch (RuntimeException e) {
                assertTrue(e == PlainJsonTokens.OUTSIDE, () -> "unexpected " + e + " for " + text(body));
                continue;
            }
            Envelope jackson = assertDoesNotThrow(() -> readWithJackson(body), () -> "Jackson refuses what the "
                    + "byte path accepted: " + text(body));
            assertEquals(jackson, plain, () -> text(body));
            acceptedByBoth++;
        }
        assertTrue(acceptedByBoth > 1_000, "mutations both read: " + acceptedByBoth);
    }

    private static byte[] mutate(byte[] original, Random random, byte[] alphabet) {
        byte[] body = original.clone();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(body.length);
            byte replacement = alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(3)) {
                case 0 -> body[at] = replacement;
                case 1 -> body = splice(body, at, 1, new byte[0]);
                default -> body = splice(body, at, 0, new byte[] {replacement});
            }
        }
        return body;
    }

    private static byte[] splice(byte[] body, int at, int remove, byte[] insert) {
        byte[] result = new byte[body.length - remove + insert.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(body, at + remove, result, at + insert.length, body.length - at - remove);
        return result;
    }

    private static Envelope readWithJackson(byte[] body) {
        try (JsonParser parser = WireJson.envelopeParser(body)) {
            return EnvelopeReader.read(new JacksonTokens(parser, body), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
