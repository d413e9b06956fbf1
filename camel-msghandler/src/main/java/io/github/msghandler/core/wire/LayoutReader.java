package io.github.msghandler.core.wire;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.msghandler.core.wire.WireFields.*;

/**
 * Reads an envelope laid out byte for byte as {@link EnvelopeWriter} writes one, with no metadata of its own and
 * only a {@code sha256} in each payload's: every field in the contract's order, no whitespace, plain ASCII strings.
 * The text between the values is then known in advance and compared as a whole, with no token read; a 1 KB
 * message's envelope took a third of the consumer's time as 55 tokens. Anything else, and any fault, returns null
 * and is read by the general reader, so this class never decides what is valid: the values it finds go through the
 * same checks ({@link EnvelopeReader#payload}).
 */
final class LayoutReader {
    /** Before each text field of the envelope: {@code {"correlation_id":"}, then {@code ","msg_id":"}, and so on. */
    private static final byte[][] HEADER_OPENINGS;
    /** The recent-text slot of each text field of the envelope. */
    private static final int[] HEADER_SLOTS;
    private static final byte[] PAYLOADS_OPENING = ascii("\",\"" + METADATA + "\":{},\"" + PAYLOADS + "\":[");
    private static final byte[] FIRST_PAYLOAD = ascii("{\"" + ID + "\":\"");
    private static final byte[] NEXT_PAYLOAD = ascii(",{\"" + ID + "\":\"");
    private static final byte[] DATANAME_OPENING = stringOpening(DATANAME);
    private static final byte[] PAYLOAD_TYPE_OPENING = stringOpening(PAYLOAD_TYPE);
    private static final byte[] TRANSPORT_OPENING = stringOpening(TRANSPORT);
    private static final byte[] ENCODING_OPENING = stringOpening(ENCODING);
    private static final byte[] SIZE_OPENING = ascii("\",\"" + SIZE + "\":");
    private static final byte[] DATA_OPENING = ascii(",\"" + DATA + "\":\"");
    private static final byte[] SHA256_OPENING = ascii("\",\"" + METADATA + "\":{\"" + WirePayload.SHA256 + "\":\"");
    private static final byte[] PAYLOAD_END = ascii("\"}}");
    private static final byte[] ENVELOPE_END = ascii("]}");
    private static final int MAX_SIZE_DIGITS = 18;

    private static final ThreadLocal<RecentTexts> RECENT = ThreadLocal.withInitial(RecentTexts::new);

    static {
        EnvelopeField[] fields = EnvelopeField.values();
        HEADER_OPENINGS = new byte[fields.length][];
        HEADER_SLOTS = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            HEADER_OPENINGS[i] = ascii((i == 0 ? "{\"" : "\",\"") + fields[i].wireName() + "\":\"");
            HEADER_SLOTS[i] = TextSlots.of(fields[i]);
        }
    }

    private final byte[] body;
    private final RecentTexts recent;
    private int position;

    private LayoutReader(byte[] body, RecentTexts recent) {
        this.body = body;
        this.recent = recent;
    }

    /** The envelope, or null when the body is not laid out as ours are or holds a fault. */
    static Envelope read(byte[] body) {
        try {
            return new LayoutReader(body, RECENT.get()).envelope();
        } catch (InvalidEnvelopeException e) {
            return null;   // the general reader names the fault
        }
    }

    private Envelope envelope() {
        EnvelopeHeader.Builder header = EnvelopeHeader.builder();
        for (int i = 0; i < HEADER_OPENINGS.length; i++) {
            String value = literalThenText(HEADER_OPENINGS[i], HEADER_SLOTS[i]);
            if (value == null) {
                return null;
            }
            EnvelopeField.ALL.get(i).set(header, value);
        }
        if (!literal(PAYLOADS_OPENING)) {
            return null;
        }
        List<WirePayload> payloads = new ArrayList<>(1);
        if (!literal(ENVELOPE_END)) {
            do {
                WirePayload payload = payload(payloads.size(), payloads.isEmpty() ? FIRST_PAYLOAD : NEXT_PAYLOAD);
                if (payload == null) {
                    return null;
                }
                payloads.add(payload);
            } while (!literal(ENVELOPE_END));
        }
        return position == body.length ? new Envelope(header.build(), payloads) : null;
    }

    private WirePayload payload(int index, byte[] opening) {
        String id = literalThenText(opening, TextSlots.NONE);
        String dataname = id == null ? null : literalThenText(DATANAME_OPENING, TextSlots.DATANAME);
        String payloadType = dataname == null ? null : literalThenText(PAYLOAD_TYPE_OPENING, TextSlots.PAYLOAD_TYPE);
        String transport = payloadType == null ? null : literalThenText(TRANSPORT_OPENING, TextSlots.TRANSPORT);
        String encoding = transport == null ? null : literalThenText(ENCODING_OPENING, TextSlots.ENCODING);
        if (encoding == null || !literal(SIZE_OPENING)) {
            return null;
        }
        long size = size();
        if (size < 0 || !literal(DATA_OPENING)) {
            return null;
        }
        EnvelopeReader.DataText data = data(size, Transport.DIRECT.wireName().equals(transport));
        String sha256 = data == null ? null : literalThenText(SHA256_OPENING, TextSlots.NONE);
        if (sha256 == null || !literal(PAYLOAD_END)) {
            return null;
        }
        return EnvelopeReader.payload(index, id, dataname, payloadType, transport, encoding, size, data,
                Map.of(WirePayload.SHA256, sha256), body);
    }

    /** A direct payload's bytes decoded as its size implies, a link's text; null for anything else. */
    private EnvelopeReader.DataText data(long size, boolean direct) {
        if (direct) {
            byte[] decoded = PlainJsonTokens.base64OfSize(body, position, size);
            if (decoded == null) {
                return null;
            }
            position += (int) WirePayload.base64Length(size);
            return new EnvelopeReader.DataText(null, decoded, 0, 0);
        }
        int end = stringEnd();
        if (end < 0) {
            return null;
        }
        EnvelopeReader.DataText link = new EnvelopeReader.DataText(
                new String(body, position, end - position, StandardCharsets.ISO_8859_1), null, 0, 0);
        position = end;
        return link;
    }

    /** A byte count as JSON writes an integer (no sign, no leading zero), or -1. */
    private long size() {
        int start = position;
        long value = 0;
        while (position < body.length && body[position] >= '0' && body[position] <= '9'
                && position - start < MAX_SIZE_DIGITS) {
            value = value * 10 + (body[position++] - '0');
        }
        int digits = position - start;
        return digits == 0 || body[start] == '0' && digits > 1 ? -1 : value;
    }

    /** Whether {@code expected} stands at the position; steps over it if it does. */
    private boolean literal(byte[] expected) {
        int end = position + expected.length;
        if (end > body.length || !Arrays.equals(body, position, end, expected, 0, expected.length)) {
            return false;
        }
        position = end;
        return true;
    }

    /** After {@code opening}, a plain string's text up to its closing quote (not stepped over); else null. */
    private String literalThenText(byte[] opening, int slot) {
        if (!literal(opening)) {
            return null;
        }
        if (slot != TextSlots.NONE) {
            String repeated = recent.repeated(slot, body, position);
            if (repeated != null) {   // text seen plain before, and its closing quote: no scan
                position += repeated.length();
                return repeated;
            }
        }
        int end = stringEnd();
        if (end < 0) {
            return null;
        }
        String text = slot == TextSlots.NONE ? new String(body, position, end - position, StandardCharsets.ISO_8859_1)
                : recent.remember(slot, body, position, end);
        position = end;
        return text;
    }

    /** Where the string from the position ends: its closing quote, or -1 for an escape, a control or non-ASCII. */
    private int stringEnd() {
        int limit = (int) Math.min(body.length, position + (long) WireJson.MAX_STRING_LENGTH);
        int special = JsonBytes.firstSpecial(body, position, limit, (byte) '"');
        return special >= 0 && body[special] == '"' ? special : -1;
    }

    private static byte[] stringOpening(String field) {
        return ascii("\",\"" + field + "\":\"");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The text each field had in the last envelope this thread read: a sender's name, subject, broker, payload type
     * and the like repeat from one message to the next, and need no new String when they do.
     */
    private static final class RecentTexts {
        private final byte[][] bytes;
        private final String[] texts;

        RecentTexts() {
            bytes = new byte[TextSlots.COUNT][];
            texts = new String[TextSlots.COUNT];
        }

        /** The slot's last text if the body repeats it at {@code from}, up to a closing quote; else null. */
        String repeated(int slot, byte[] body, int from) {
            byte[] last = bytes[slot];
            if (last == null) {
                return null;
            }
            int end = from + last.length;
            return end < body.length && body[end] == '"' && Arrays.equals(body, from, end, last, 0, last.length)
                    ? texts[slot] : null;
        }

        /** The text at {@code [from, to)} as a new String, remembered as the slot's last. */
        String remember(int slot, byte[] body, int from, int to) {
            String text = new String(body, from, to - from, StandardCharsets.ISO_8859_1);
            bytes[slot] = Arrays.copyOfRange(body, from, to);
            texts[slot] = text;
            return text;
        }
    }
}
