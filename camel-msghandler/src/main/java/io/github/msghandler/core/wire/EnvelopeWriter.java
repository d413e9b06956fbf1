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
    /** Each field name as written, quoted and with its colon: copying them was a third of writing an envelope. */
    private static final byte[][] ENVELOPE_FIELD_NAMES = Arrays.stream(EnvelopeField.values())
            .map(field -> nameBytes(field.wireName())).toArray(byte[][]::new);
    private static final byte[] METADATA_NAME = nameBytes(METADATA);
    private static final byte[] PAYLOADS_NAME = nameBytes(PAYLOADS);
    private static final byte[] ID_NAME = nameBytes(ID);
    private static final byte[] DATANAME_NAME = nameBytes(DATANAME);
    private static final byte[] PAYLOAD_TYPE_NAME = nameBytes(PAYLOAD_TYPE);
    private static final byte[] TRANSPORT_NAME = nameBytes(TRANSPORT);
    private static final byte[] ENCODING_NAME = nameBytes(ENCODING);
    private static final byte[] SIZE_NAME = nameBytes(SIZE);
    private static final byte[] DATA_NAME = nameBytes(DATA);

    private EnvelopeWriter() {
    }

    private static byte[] nameBytes(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Per text field, the text last written there and its bytes. Most fields hold the same String for every message
     * of a sender (its names, the subject, the broker, the payload's type): those are copied from here, not checked
     * for escapes again. A stale or lost entry, as threads race, only costs writing the text the long way.
     */
    private static final Written[] LAST_WRITTEN = new Written[TextSlots.COUNT];

    private record Written(String text, byte[] bytes) {
    }

    /** The envelope as UTF-8 JSON bytes. */
    public static byte[] toBytes(Envelope envelope) {
        Json json = new Json(initialCapacity(envelope));
        json.raw('{');
        EnvelopeHeader header = envelope.header();
        for (EnvelopeField field : EnvelopeField.ALL) {
            json.append(ENVELOPE_FIELD_NAMES[field.ordinal()])
                    .string(field.get(header), TextSlots.of(field)).raw(',');
        }
        json.append(METADATA_NAME).map(header.metadata()).raw(',');
        json.append(PAYLOADS_NAME).raw('[');
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
                .append(ID_NAME).string(payload.id()).raw(',')
                .append(DATANAME_NAME).string(payload.dataname(), TextSlots.DATANAME).raw(',')
                .append(PAYLOAD_TYPE_NAME).string(payload.payloadType().wireName(), TextSlots.PAYLOAD_TYPE).raw(',')
                .append(TRANSPORT_NAME).string(payload.transport().wireName(), TextSlots.TRANSPORT).raw(',')
                .append(ENCODING_NAME).string(payload.encoding(), TextSlots.ENCODING).raw(',')
                .append(SIZE_NAME).number(payload.size()).raw(',')
                .append(DATA_NAME);
        if (payload.transport() == Transport.DIRECT) {
            json.base64(payload.directBytes());
        } else {
            json.string(payload.data());
        }
        json.raw(',').append(METADATA_NAME).map(payload.metadata()).raw('}');
    }

    private static int initialCapacity(Envelope envelope) {
        long dataChars = 0;
        for (WirePayload payload : envelope.payloads()) {
            dataChars += payload.dataLength() + 512;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, 1024 + dataChars);
    }

    /**
     * Per thread, a buffer for writing a small envelope and one for its base64, reused: allocating and zeroing a
     * buffer, the base64 and the exact-size copy took 40% of writing a 1 KB envelope. Small, so that a thread
     * each (virtual threads too) costs little.
     */
    private static final int SCRATCH_BYTES = 8 * 1024;
    private static final ThreadLocal<byte[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[][] {new byte[SCRATCH_BYTES], new byte[SCRATCH_BYTES]});

    /** A growing byte buffer that writes JSON as Jackson's generator does with the wire configuration. */
    private static final class Json {
        private final byte[][] scratch;
        private byte[] bytes;
        private int length;

        Json(int capacity) {
            scratch = capacity <= SCRATCH_BYTES ? SCRATCH.get() : null;
            bytes = scratch != null ? scratch[0] : new byte[capacity];
        }

        Json raw(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
            return this;
        }

        /** A JSON string, copied from {@link #LAST_WRITTEN}'s slot when it holds the same String. */
        Json string(String text, int slot) {
            if (slot == TextSlots.NONE) {
                return string(text);
            }
            Written last = LAST_WRITTEN[slot];
            if (last != null && last.text() == text) {   // the same instance: equal text would need comparing
                return append(last.bytes());
            }
            int start = length;
            string(text);
            LAST_WRITTEN[slot] = new Written(text, Arrays.copyOfRange(bytes, start, length));
            return this;
        }

        Json name(String name) {
            return string(name).raw(':');
        }

        /**
         * A JSON string: copied as it is while every char is printable ASCII other than quote and backslash, else
         * written again by the mapper, which escapes as the generator does (control characters, and characters
         * beyond the Basic Multilingual Plane as surrogate escapes).
         */
        Json string(String text) {
            if (text.isEmpty()) {   // four of the envelope's fields, most of the time
                return raw('"').raw('"');
            }
            // the JDK copies a Latin-1 string's bytes in one step; a char loop was a tenth of the sender. A char
            // beyond Latin-1 comes out as '?', so text with a '?' is looked at char by char.
            byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
            int special = JsonBytes.firstSpecial(latin1, 0, latin1.length, (byte) '?');
            if (special >= 0) {
                return latin1[special] == '?' ? stringByChars(text) : value(text);
            }
            ensure(latin1.length + 2);
            bytes[length++] = '"';
            System.arraycopy(latin1, 0, bytes, length, latin1.length);
            length += latin1.length;
            bytes[length++] = '"';
            return this;
        }

        private Json stringByChars(String text) {
            int n = text.length();
            int start = length;
            ensure(n + 2);
            bytes[length++] = '"';
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7f || c == '"' || c == '\\') {
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
            raw('"');
            int encodedLength = (int) WirePayload.base64Length(data.length);
            if (scratch == null || encodedLength > SCRATCH_BYTES) {
                append(Base64.getEncoder().encode(data));
            } else {
                ensure(encodedLength);
                Base64.getEncoder().encode(data, scratch[1]);
                System.arraycopy(scratch[1], 0, bytes, length, encodedLength);
                length += encodedLength;
            }
            return raw('"');
        }

        /** An object: text values here, any other value (numbers, nested objects, lists) by the mapper. */
        Json map(Map<String, Object> map) {
            if (map.isEmpty()) {   // most envelopes and payloads: iterating an empty map's values was 5% of the sender
                return raw('{').raw('}');
            }
            int start = length;
            raw('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                if (!(entry.getValue() instanceof String text)) {
                    length = start;
                    return value(map);
                }
                if (!first) {
                    raw(',');
                }
                first = false;
                name(entry.getKey()).string(text);
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
            boolean own = scratch == null || bytes != scratch[0];
            return own && length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }
}
