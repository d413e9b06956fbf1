package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written writer puts on the wire exactly the bytes Jackson's generator writes for the same envelope, with
 * text that needs escaping (quotes, backslashes, control characters, non-ASCII, emoji), metadata of every JSON
 * type, direct and link payloads; and what it writes reads back equal.
 */
class EnvelopeWriterTest {

    @Test
    void writesTheBytesJacksonsGeneratorWrites() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, 2.5, "three", true));
        nested.put("none", null);
        Map<String, Object> envelopeMetadata = new LinkedHashMap<>();
        envelopeMetadata.put("trace \"id\"", "a\\b\n\tc\u0001\u007f");
        envelopeMetadata.put("nested", nested);
        envelopeMetadata.put("count", 12_345_678_901L);
        EnvelopeHeader header = EnvelopeHeader.builder()
                .correlationId("c-1").msgId("m-\u00e9t\u00e9").timestamp("2026-12-07T00:00:00.000Z")
                .sendTo("chat.room1").msgPurpose("chat").senderName("Grüße 🐪").senderId("s\"1")
                .receiverName("").receiverId("r/1").replyTo("reply.to?").replyToMsgId("")
                .brokerUrl("nats://h:4222/?name=a&b=\u00e9?")
                .metadata(envelopeMetadata).build();
        byte[] bytes = new byte[1000];
        Arrays.fill(bytes, (byte) 7);
        WirePayload direct = WirePayload.builder().id("p1").dataname("a file \u00e9.bin").payloadType(PayloadType.BINARY)
                .transport(Transport.DIRECT).size(bytes.length).directBytes(bytes)
                .metadata(Map.of("sha256", "ab12", "content_type", "application/octet-stream")).build();
        WirePayload link = WirePayload.builder().id("p2").dataname("big").payloadType(PayloadType.VIDEO)
                .transport(Transport.LINK).size(5_000_000).data("http://files:8080/a b?x=1&y=\"2\"")
                .metadata(Map.of()).build();
        WirePayload oddSize = WirePayload.builder().id("p3").dataname("t").payloadType(PayloadType.TEXT)
                .transport(Transport.DIRECT).size(2).directBytes("hi".getBytes(StandardCharsets.UTF_8))
                .metadata(Map.of("sha256", "cd34")).build();
        Envelope envelope = new Envelope(header, List.of(direct, link, oddSize));

        byte[] written = EnvelopeWriter.toBytes(envelope);

        byte[] expected = withJacksonsGenerator(envelope);
        assertArrayEquals(expected, written, () -> "expected " + new String(expected, StandardCharsets.UTF_8)
                + "\nbut was  " + new String(written, StandardCharsets.UTF_8));
        assertEquals(envelope, EnvelopeReader.read(written));
    }

    /**
     * A field's text is copied from its last bytes only when it is the same String: senders that alternate, text
     * that is equal but another String, envelopes larger than the per-thread buffer and threads writing at once all
     * get exactly Jackson's bytes.
     */
    @Test
    void rememberedFieldsAndTheReusedBufferNeverLeakIntoAnotherEnvelope() throws Exception {
        List<Envelope> envelopes = List.of(
                envelope("sender-one", "chat", 10),
                envelope("sender-two", "reply", 10),
                envelope(new String("sender-one"), new String("chat"), 10),   // equal text, other Strings
                envelope("sender-one", "chat", 20_000),                         // beyond the reused buffer
                envelope("sender-\"three\"", "chat", 3));
        for (int round = 0; round < 3; round++) {
            for (Envelope envelope : envelopes) {
                assertArrayEquals(withJacksonsGenerator(envelope), EnvelopeWriter.toBytes(envelope));
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Envelope envelope = envelopes.get((first + i) % envelopes.size());
                        assertArrayEquals(withJacksonsGenerator(envelope), EnvelopeWriter.toBytes(envelope));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Envelope envelope(String senderName, String purpose, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) size);
        EnvelopeHeader header = EnvelopeHeader.builder().correlationId("c").msgId("m-" + size)
                .timestamp("2026-12-07T00:00:00.000Z").sendTo("chat.room1").msgPurpose(purpose)
                .senderName(senderName).senderId("s-1").brokerUrl("nats://h:4222").build();
        return new Envelope(header, List.of(WirePayload.builder().id("p").dataname("body")
                .payloadType(PayloadType.BINARY).transport(Transport.DIRECT).size(size).directBytes(bytes)
                .metadata(Map.of("sha256", "ab" + size)).build()));
    }

    /** The envelope written field by field with Jackson's generator, as this library wrote it before. */
    private static byte[] withJacksonsGenerator(Envelope envelope) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = WireJson.mapper().getFactory().createGenerator(out)) {
            gen.writeStartObject();
            for (EnvelopeField field : EnvelopeField.values()) {
                gen.writeStringField(field.wireName(), field.get(envelope.header()));
            }
            gen.writeFieldName("metadata");
            WireJson.mapper().writeValue(gen, envelope.header().metadata());
            gen.writeArrayFieldStart("payloads");
            for (WirePayload payload : envelope.payloads()) {
                gen.writeStartObject();
                gen.writeStringField("id", payload.id());
                gen.writeStringField("dataname", payload.dataname());
                gen.writeStringField("payload_type", payload.payloadType().wireName());
                gen.writeStringField("transport", payload.transport().wireName());
                gen.writeStringField("encoding", payload.encoding());
                gen.writeNumberField("size", payload.size());
                if (payload.transport() == Transport.DIRECT) {
                    gen.writeFieldName("data");
                    gen.writeBinary(payload.directBytes());
                } else {
                    gen.writeStringField("data", payload.data());
                }
                gen.writeFieldName("metadata");
                WireJson.mapper().writeValue(gen, payload.metadata());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        return out.toByteArray();
    }
}
