package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import static io.github.msghandler.core.wire.WireFields.*;

/**
 * Writes an {@link Envelope} as the UTF-8 JSON body of a NATS message, fields in the contract's order, streamed with
 * Jackson's generator.
 */
public final class EnvelopeWriter {
    private EnvelopeWriter() {
    }

    /** The envelope as UTF-8 JSON bytes. */
    public static byte[] toBytes(Envelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(initialCapacity(envelope));
        try {
            write(envelope, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Streams the envelope as UTF-8 JSON to {@code out}, leaving it open. */
    public static void write(Envelope envelope, OutputStream out) throws IOException {
        try (JsonGenerator gen = WireJson.mapper().getFactory().createGenerator(out)) {
            gen.writeStartObject();
            EnvelopeHeader header = envelope.header();
            for (EnvelopeField field : EnvelopeField.values()) {
                gen.writeStringField(field.wireName(), field.get(header));
            }
            writeMap(gen, METADATA, header.metadata());
            gen.writeArrayFieldStart(PAYLOADS);
            for (WirePayload payload : envelope.payloads()) {
                writePayload(gen, payload);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    private static void writePayload(JsonGenerator gen, WirePayload payload) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(ID, payload.id());
        gen.writeStringField(DATANAME, payload.dataname());
        gen.writeStringField(PAYLOAD_TYPE, payload.payloadType().wireName());
        gen.writeStringField(TRANSPORT, payload.transport().wireName());
        gen.writeStringField(ENCODING, payload.encoding());
        gen.writeNumberField(SIZE, payload.size());
        if (payload.transport() == Transport.DIRECT) {
            gen.writeFieldName(DATA);
            gen.writeBinary(payload.directBytes());   // Jackson's default variant is RFC 4648 base64, padded
        } else {
            gen.writeStringField(DATA, payload.data());
        }
        writeMap(gen, METADATA, payload.metadata());
        gen.writeEndObject();
    }

    private static void writeMap(JsonGenerator gen, String field, Map<String, Object> map) throws IOException {
        gen.writeFieldName(field);
        WireJson.mapper().writeValue(gen, map);
    }

    private static int initialCapacity(Envelope envelope) {
        long dataChars = 0;
        for (WirePayload payload : envelope.payloads()) {
            dataChars += payload.dataLength() + 512;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, 1024 + dataChars);
    }
}
