package io.github.msghandler.benchmarks;

import io.github.msghandler.core.RandomIds;
import io.github.msghandler.core.api.WirePayload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The least work wire format v1 asks for one text payload, done by hand at its cheapest: on sending, four new ids,
 * the time, the text's UTF-8 bytes in base64 and their sha256, copied around constant text into one array; on
 * receiving, the size and data found where this class put them, the base64 decoded and the sha256 checked. It reads
 * only envelopes it wrote and checks nothing else a receiver must (field names, types, order, escapes, unknown
 * fields), so no conforming implementation does less per message: around camel-nats it is the floor under our 1 KB
 * rows, what the contract's own work leaves of camel-nats's rate.
 */
final class LeastWorkEnvelope {
    private static final byte[] CORRELATION_ID = ascii("{\"correlation_id\":\"");
    private static final byte[] MSG_ID = ascii("\",\"msg_id\":\"");
    private static final byte[] TIMESTAMP = ascii("\",\"timestamp\":\"");
    private static final byte[] SEND_TO = ascii("\",\"send_to\":\"");
    private static final byte[] SENDER = ascii("\",\"msg_purpose\":\"chat\",\"sender_name\":\"least-work\","
            + "\"sender_id\":\"");
    private static final byte[] RECEIVER = ascii("\",\"receiver_name\":\"\",\"receiver_id\":\"\",\"reply_to\":\"\","
            + "\"reply_to_msg_id\":\"\",\"broker_url\":\"nats://localhost:4222\",\"metadata\":{},"
            + "\"payloads\":[{\"id\":\"");
    private static final byte[] SIZE = ascii("\",\"dataname\":\"body\",\"payload_type\":\"text\","
            + "\"transport\":\"direct\",\"encoding\":\"base64\",\"size\":");
    private static final byte[] DATA = ascii(",\"data\":\"");
    private static final byte[] SHA256 = ascii("\",\"metadata\":{\"sha256\":\"");
    private static final byte[] END = ascii("\"}}]}");
    private static final int SHA256_HEX_LENGTH = 64;
    private static final int UUID_LENGTH = 36;
    /** Where the size's opening text begins at the earliest: after the constant text and the four ids. */
    private static final int SIZE_EARLIEST = CORRELATION_ID.length + MSG_ID.length + TIMESTAMP.length
            + SEND_TO.length + SENDER.length + RECEIVER.length + 4 * UUID_LENGTH;
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(LeastWorkEnvelope::sha256);
    /** The time as text, written again only when the millisecond changes, as the component does. */
    private static final ThreadLocal<Timestamp> TIME = ThreadLocal.withInitial(() -> new Timestamp(-1, null));

    private record Timestamp(long epochMilli, byte[] text) {
    }

    private LeastWorkEnvelope() {
    }

    /** An envelope to {@code subject} holding {@code text} as one direct text payload, as ours lays it out. */
    static byte[] write(String subject, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] base64 = Base64.getEncoder().encode(bytes);
        byte[] sha256 = ascii(HexFormat.of().formatHex(DIGEST.get().digest(bytes)));
        byte[][] parts = {CORRELATION_ID, ascii(RandomIds.uuid()), MSG_ID, ascii(RandomIds.uuid()), TIMESTAMP,
                timestampNow(), SEND_TO, ascii(subject), SENDER, ascii(RandomIds.uuid()), RECEIVER,
                ascii(RandomIds.uuid()), SIZE, ascii(Integer.toString(bytes.length)), DATA, base64, SHA256, sha256,
                END};
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] envelope = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, envelope, at, part.length);
            at += part.length;
        }
        return envelope;
    }

    /** The text of an envelope {@link #write} wrote, its size and sha256 checked. */
    static String read(byte[] envelope) throws IOException {
        int size = 0;
        int at = indexOf(envelope, SIZE, SIZE_EARLIEST) + SIZE.length;
        while (envelope[at] != ',') {
            size = size * 10 + envelope[at++] - '0';
        }
        int dataStart = at + DATA.length;
        int dataLength = (int) WirePayload.base64Length(size);
        ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(envelope, dataStart, dataLength));
        byte[] bytes = decoded.array();
        int shaStart = dataStart + dataLength + SHA256.length;
        byte[] expected = HexFormat.of().parseHex(new String(envelope, shaStart, SHA256_HEX_LENGTH,
                StandardCharsets.ISO_8859_1));
        if (bytes.length != size || !Arrays.equals(DIGEST.get().digest(bytes), expected)) {
            throw new IOException("payload does not match its size and sha256");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] timestampNow() {
        long now = System.currentTimeMillis();
        Timestamp last = TIME.get();
        if (last.epochMilli() != now) {
            last = new Timestamp(now, ascii(Instant.ofEpochMilli(now).toString()));
            TIME.set(last);
        }
        return last.text();
    }

    /** Where {@code part} begins, looking from {@code from} on (the subject and the time come before it). */
    private static int indexOf(byte[] envelope, byte[] part, int from) {
        for (int i = from; i <= envelope.length - part.length; i++) {
            if (Arrays.equals(envelope, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an envelope LeastWorkEnvelope wrote");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
