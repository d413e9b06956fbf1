package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static io.github.msghandler.core.wire.WireFields.*;

/**
 * Writes an {@link Envelope} as the UTF-8 JSON body of a NATS message, fields in the contract's order, into one
 * buffer sized for the envelope: the bytes Jackson's generator writes for it, without the generator. A direct
 * payload's bytes are base64-encoded by the JDK straight from its array; text that needs no escaping (ids, names,
 * subjects, URLs, hex digests) is copied byte for byte, and only other text and metadata values other than text
 * go through the shared mapper.
 */
public final class EnvelopeWriter {
    private EnvelopeWriter() {
    }

    /** The envelope as UTF-8 JSON bytes. */
    public static byte[] toBytes(Envelope envelope) {
        Json json = new Json(initialCapacity(envelope));
        json.raw('{');
        EnvelopeHeader header = envelope.header();
        for (EnvelopeField field : EnvelopeField.values()) {
            json.name(field.wireName()).string(field.get(header)).raw(',');
        }
        json.name(METADATA).map(header.metadata()).raw(',');
        json.name(PAYLOADS).raw('[');
        boolean first = true;
        for (WirePayload payload : envelope.payloads()) {
            if (!first) {
                json.raw(',');
            }
            first = false;
            writePayload(json, payload);
        }
        return json.raw(']').raw('}').toBytes();
    }

    private static void writePayload(Json json, WirePayload payload) {
        json.raw('{')
                .name(ID).string(payload.id()).raw(',')
                .name(DATANAME).string(payload.dataname()).raw(',')
                .name(PAYLOAD_TYPE).string(payload.payloadType().wireName()).raw(',')
                .name(TRANSPORT).string(payload.transport().wireName()).raw(',')
                .name(ENCODING).string(payload.encoding()).raw(',')
                .name(SIZE).number(payload.size()).raw(',')
                .name(DATA);
        if (payload.transport() == Transport.DIRECT) {
            json.base64(payload.directBytes());
        } else {
            json.string(payload.data());
        }
        json.raw(',').name(METADATA).map(payload.metadata()).raw('}');
    }

    private static int initialCapacity(Envelope envelope) {
        long dataChars = 0;
        for (WirePayload payload : envelope.payloads()) {
            dataChars += payload.dataLength() + 512;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, 1024 + dataChars);
    }

    /** A growing byte buffer that writes JSON as Jackson's generator does with the wire configuration. */
    private static final class Json {
        private byte[] bytes;
        private int length;

        Json(int capacity) {
            bytes = new byte[capacity];
        }

        Json raw(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
            return this;
        }

        Json name(String name) {
            return string(name).raw(':');
        }

        /**
         * A JSON string: copied char for char while every char is printable ASCII other than quote and backslash,
         * else written again by the mapper, which escapes as the generator does (control characters, and characters
         * beyond the Basic Multilingual Plane as surrogate escapes).
         */
        Json string(String text) {
            int n = text.length();
            int start = length;
            ensure(n + 2);
            bytes[length++] = '"';
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    length = start;
                    return value(text);
                }
                bytes[length++] = (byte) c;
            }
            bytes[length++] = '"';
            return this;
        }

        Json number(long value) {
            return append(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        }

        /** Standard base64 with padding, as Jackson's default variant writes it. */
        Json base64(byte[] data) {
            return raw('"').append(Base64.getEncoder().encode(data)).raw('"');
        }

        /** An object: text values here, any other value (numbers, nested objects, lists) by the mapper. */
        Json map(Map<String, Object> map) {
            for (Object value : map.values()) {
                if (!(value instanceof String)) {
                    return value(map);
                }
            }
            raw('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                if (!first) {
                    raw(',');
                }
                first = false;
                name(entry.getKey()).string((String) entry.getValue());
            }
            return raw('}');
        }

        /** Any value as the shared mapper writes it. */
        Json value(Object value) {
            try {
                return append(WireJson.mapper().writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("a value that cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }

        Json append(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
            }
        }

        byte[] toBytes() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }
}
