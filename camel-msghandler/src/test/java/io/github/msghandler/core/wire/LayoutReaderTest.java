package io.github.msghandler.core.wire;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An envelope laid out as our writer lays it out is read without tokens, to exactly what the general reader reads;
 * every other layout, and every fault, is left to the general reader.
 */
class LayoutReaderTest {

    private static EnvelopeHeader header(String senderName) {
        return EnvelopeHeader.builder().correlationId("c-1").msgId("m-1").timestamp("2026-12-07T00:00:00.000Z")
                .sendTo("chat.room1").msgPurpose("chat").senderName(senderName).senderId("s-1")
                .brokerUrl("nats://127.0.0.1:4222").build();
    }

    private static WirePayload direct(String dataname, byte[] bytes) {
        return WirePayload.builder().id("p-" + dataname).dataname(dataname).payloadType(PayloadType.BINARY)
                .transport(Transport.DIRECT).size(bytes.length).directBytes(bytes)
                .metadata(Map.of(WirePayload.SHA256, "ab" + bytes.length)).build();
    }

    private static WirePayload link(String url) {
        return WirePayload.builder().id("p-link").dataname("big.bin").payloadType(PayloadType.VIDEO)
                .transport(Transport.LINK).size(5_000_000).data(url).metadata(Map.of(WirePayload.SHA256, "cd"))
                .build();
    }

    /** What the general reader, token by token, reads of the body. */
    private static Envelope readByTokens(byte[] body) throws IOException {
        return EnvelopeReader.read(new PlainJsonTokens(body), body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ourEnvelopesReadWithoutTokensAsTheGeneralReaderReadsThem() throws IOException {
        List<Envelope> envelopes = new ArrayList<>();
        envelopes.add(new Envelope(header("msghandler"), List.of(direct("body", utf8("x".repeat(1024))))));
        // every base64 padding, a link between direct payloads, an empty payload
        envelopes.add(new Envelope(header("peer"), List.of(direct("zero", new byte[0]), direct("one", new byte[] {1}),
                link("http://files:8080/file/a/b/big.bin"), direct("two", new byte[] {1, 2}),
                direct("three", new byte[] {1, 2, 3}))));
        envelopes.add(new Envelope(EnvelopeHeader.EMPTY, List.of()));
        for (Envelope envelope : envelopes) {
            byte[] body = EnvelopeWriter.toBytes(envelope);

            Envelope withoutTokens = LayoutReader.read(body);

            assertNotNull(withoutTokens, new String(body, StandardCharsets.UTF_8));
            assertEquals(envelope, withoutTokens);
            assertEquals(readByTokens(body), withoutTokens);
            for (int i = 0; i < envelope.payloads().size(); i++) {
                WirePayload payload = envelope.payloads().get(i);
                if (payload.transport() == Transport.DIRECT) {
                    assertArrayEquals(payload.directBytes(), withoutTokens.payloads().get(i).directBytes());
                }
            }
        }
    }

    @Test
    void textsThatRepeatFromTheLastEnvelopeAreTakenOverOnlyWhenEqual() {
        Envelope first = new Envelope(header("alice"), List.of(direct("a.txt", new byte[] {1})));
        Envelope second = new Envelope(header("bob"), List.of(direct("b.txt", new byte[] {2})));
        Envelope longer = new Envelope(header("alice2"), List.of(direct("a.txt2", new byte[] {3})));
        for (Envelope envelope : List.of(first, second, first, longer, first)) {
            assertEquals(envelope, LayoutReader.read(EnvelopeWriter.toBytes(envelope)));
        }
    }

    @Test
    void everyOtherLayoutIsLeftToTheGeneralReader() {
        Envelope ours = new Envelope(header("msghandler"), List.of(direct("body", utf8("hello"))));
        String json = new String(EnvelopeWriter.toBytes(ours), StandardCharsets.UTF_8);
        List<String> sameEnvelope = List.of(
                json.replace(",\"", ", \""),                                  // whitespace between fields
                json + "\n",                                                  // a trailing line break
                json.replace("\"sender_name\":\"msghandler\"", "\"sender_name\":\"m\\u0073ghandler\""),  // escape
                json.replace("\"msg_id\":\"m-1\",", "")                       // another order
                        .replace("{\"correlation_id\"", "{\"msg_id\":\"m-1\",\"correlation_id\""),
                json.replace("\"encoding\"", "\"extra\":true,\"encoding\""));  // a field the contract does not know
        for (String other : sameEnvelope) {
            assertNull(LayoutReader.read(utf8(other)), other);
            assertEquals(ours, EnvelopeReader.read(utf8(other)), other);
        }
        List<String> otherEnvelopes = List.of(
                json.replace("\"dataname\":\"body\"", "\"dataname\":\"b\u00f6dy\""),   // beyond ASCII
                json.replace("\"metadata\":{},", "\"metadata\":{\"k\":1},"),   // metadata of the envelope's own
                json.replace("\"ab5\"}", "\"ab5\",\"content_type\":\"text/plain\"}"),   // more payload metadata
                json.replace("aGVsbG8=", "aGVsbG8"));                          // unpadded base64
        for (String other : otherEnvelopes) {
            assertNull(LayoutReader.read(utf8(other)), other);
            assertArrayEquals(utf8("hello"), EnvelopeReader.read(utf8(other)).payloads().get(0).directBytes(), other);
        }
        byte[] leadingZero = utf8(json.replace("\"size\":5,", "\"size\":05,"));   // not a JSON number
        assertNull(LayoutReader.read(leadingZero));
        assertThrows(InvalidEnvelopeException.class, () -> EnvelopeReader.read(leadingZero));
    }

    @Test
    void aFaultInOurLayoutIsNamedByTheGeneralReader() {
        String json = new String(EnvelopeWriter.toBytes(new Envelope(header("msghandler"),
                List.of(direct("body", utf8("hello"))))), StandardCharsets.UTF_8);
        byte[] unknownType = utf8(json.replace("\"payload_type\":\"binary\"", "\"payload_type\":\"hologram\""));
        byte[] noName = utf8(json.replace("\"dataname\":\"body\"", "\"dataname\":\"\""));
        byte[] wrongEncoding = utf8(json.replace("\"encoding\":\"base64\"", "\"encoding\":\"none\""));

        for (byte[] body : List.of(unknownType, noName, wrongEncoding)) {
            assertNull(LayoutReader.read(body));
        }
        assertEquals("payloads[0].payload_type",
                assertThrows(InvalidEnvelopeException.class, () -> EnvelopeReader.read(unknownType)).field());
        assertEquals("payloads[0].dataname",
                assertThrows(InvalidEnvelopeException.class, () -> EnvelopeReader.read(noName)).field());
        InvalidEnvelopeException encoding = assertThrows(InvalidEnvelopeException.class,
                () -> EnvelopeReader.read(wrongEncoding));
        assertTrue(encoding.getMessage().contains("'none'"), encoding.getMessage());
    }
}
