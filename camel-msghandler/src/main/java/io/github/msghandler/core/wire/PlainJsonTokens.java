package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonToken;
import io.github.msghandler.core.api.WirePayload;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The JSON that msghandler peers write, tokenized straight from the body's bytes: objects and arrays, strings of
 * printable ASCII without escapes (ids, names, timestamps, URLs, base64), integers of up to 18 digits, {@code true},
 * {@code false} and {@code null}. Field names the wire format knows come back as the same String instances every
 * time, so no String is made for them.
 *
 * <p>Anything else, valid JSON or not (an escape, a non-ASCII character, a fraction, a syntax error), throws
 * {@link #OUTSIDE}: the reader then reads the whole envelope again with Jackson, which accepts every JSON text and
 * names every fault. This class therefore never decides that an envelope is invalid, only that it is simple.
 */
final class PlainJsonTokens implements JsonTokens {
    /** Thrown when the body leaves the plain subset; carries no stack trace, since it is not an error. */
    static final RuntimeException OUTSIDE = new RuntimeException("outside the plain JSON subset", null, false, false) {
    };

    private static final int MAX_DIGITS = 18;
    private static final String[] NAMES;
    private static final byte[][] NAME_BYTES;

    static {
        Set<String> names = new LinkedHashSet<>(WireFields.ENVELOPE_FIELDS);
        names.addAll(WireFields.PAYLOAD_FIELDS);
        names.add(WirePayload.SHA256);   // the key of the metadata ours writes on every payload
        NAMES = names.toArray(String[]::new);
        NAME_BYTES = Arrays.stream(NAMES).map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    private final byte[] body;
    private int position;
    private boolean started;
    private JsonToken current;
    private int tokenOffset;
    private String fieldName;
    private long integer;
    private int nameHint;
    /** Per open container, innermost last: whether it is an object, and whether it has had a member yet. */
    private final boolean[] isObject = new boolean[WireJson.MAX_NESTING_DEPTH + 1];
    private final boolean[] hasMember = new boolean[WireJson.MAX_NESTING_DEPTH + 1];
    private int depth;

    PlainJsonTokens(byte[] body) {
        this.body = body;
    }

    @Override
    public JsonToken nextToken() {
        int next = skipWhitespace();
        if (depth == 0) {
            if (started) {
                if (next >= 0) {
                    throw OUTSIDE;   // trailing content after the root value
                }
                return current = null;
            }
            started = true;
            if (next != '{') {
                throw OUTSIDE;
            }
            return value(next);
        }
        if (current == JsonToken.FIELD_NAME) {
            return value(next);
        }
        int top = depth - 1;
        if (next == (isObject[top] ? '}' : ']')) {
            depth--;
            tokenOffset = position++;
            return current = isObject[top] ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        }
        if (hasMember[top]) {
            if (next != ',') {
                throw OUTSIDE;
            }
            position++;
            next = skipWhitespace();
        }
        hasMember[top] = true;
        return isObject[top] ? name(next) : value(next);
    }

    @Override
    public JsonToken currentToken() {
        return current;
    }

    @Override
    public String nextFieldName() {
        return nextToken() == JsonToken.FIELD_NAME ? fieldName : null;
    }

    @Override
    public String text() {
        if (current == JsonToken.FIELD_NAME) {
            return fieldName;
        }
        if (current == JsonToken.VALUE_STRING) {
            return new String(body, tokenOffset + 1, position - tokenOffset - 2, StandardCharsets.ISO_8859_1);
        }
        return new String(body, tokenOffset, position - tokenOffset, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean isBeyondLong() {
        return false;
    }

    @Override
    public long longValue() {
        return integer;
    }

    @Override
    public Number numberValue() {
        if (integer == (int) integer) {   // not a conditional expression: that would widen the Integer to a Long
            return Integer.valueOf((int) integer);
        }
        return Long.valueOf(integer);
    }

    @Override
    public void skipChildren() {
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return;
        }
        int end = depth - 1;
        while (depth > end) {
            nextToken();
        }
    }

    @Override
    public int tokenOffset() {
        return tokenOffset;
    }

    @Override
    public int offsetAfter() {
        return position;
    }

    @Override
    public int plainStringLength() {
        return position - tokenOffset - 2;
    }

    /**
     * Decoding the 1,368 bytes of a 1 KB payload's base64 takes a fifth of the time finding the end of the string
     * took, and the payload is decoded on receipt anyway.
     */
    @Override
    public byte[] nextBase64OfSize(long size) {
        if (current != JsonToken.FIELD_NAME) {
            return null;
        }
        if (skipWhitespace() != '"') {
            return null;
        }
        byte[] decoded = base64OfSize(body, position + 1, size);
        if (decoded != null) {
            tokenOffset = position;
            position += (int) WirePayload.base64Length(size) + 2;
            current = JsonToken.VALUE_STRING;
        }
        return decoded;
    }

    /**
     * The {@code size} bytes of the padded base64 text at {@code start} that ends with a quote where that size puts
     * its end, or null when the text is not that (it may be longer, or not base64 at all): the JDK decoder refuses
     * every byte that could end or escape a JSON string, so the text needs no scan for its end.
     */
    static byte[] base64OfSize(byte[] body, int start, long size) {
        if (size > WireJson.MAX_STRING_LENGTH / 4 * 3) {
            return null;
        }
        int length = (int) WirePayload.base64Length(size);
        int end = start + length;
        if (end >= body.length || body[end] != '"') {
            return null;
        }
        try {
            ByteBuffer buffer = Base64.getDecoder().decode(ByteBuffer.wrap(body, start, length));
            if (buffer.remaining() != size || buffer.arrayOffset() != 0) {
                return null;
            }
            return buffer.remaining() == buffer.array().length ? buffer.array()
                    : Arrays.copyOf(buffer.array(), buffer.remaining());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The byte at the next non-whitespace position, or -1 at the end of the body. */
    private int skipWhitespace() {
        while (position < body.length) {
            byte b = body[position];
            if (b > ' ' || b != ' ' && b != '\n' && b != '\r' && b != '\t') {   // the first test decides most bytes
                return b;
            }
            position++;
        }
        return -1;
    }

    private JsonToken value(int first) {
        tokenOffset = position;
        switch (first) {
            case '{' -> {
                return open(true);
            }
            case '[' -> {
                return open(false);
            }
            case '"' -> {
                position = stringEnd(position);
                return current = JsonToken.VALUE_STRING;
            }
            case 't' -> {
                return literal("true", JsonToken.VALUE_TRUE);
            }
            case 'f' -> {
                return literal("false", JsonToken.VALUE_FALSE);
            }
            case 'n' -> {
                return literal("null", JsonToken.VALUE_NULL);
            }
            default -> {
                if (first != '-' && (first < '0' || first > '9')) {
                    throw OUTSIDE;
                }
                return integer();
            }
        }
    }

    private JsonToken open(boolean object) {
        if (depth == WireJson.MAX_NESTING_DEPTH) {
            throw OUTSIDE;
        }
        isObject[depth] = object;
        hasMember[depth] = false;
        depth++;
        position++;
        return current = object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
    }

    /** A field name and its colon. */
    private JsonToken name(int first) {
        if (first != '"') {
            throw OUTSIDE;
        }
        tokenOffset = position;
        int start = position + 1;
        int expected = nameHint % NAMES.length;
        int expectedEnd = start + NAME_BYTES[expected].length;
        if (expectedEnd < body.length && body[expectedEnd] == '"' && equalsName(start, expectedEnd,
                NAME_BYTES[expected])) {
            // the name peers write next, in the contract's order, and its closing quote: no scan for the end
            nameHint = expected + 1;
            fieldName = NAMES[expected];
            position = expectedEnd + 1;
        } else {
            position = stringEnd(position);
            fieldName = knownName(start, position - 1);
        }
        if (skipWhitespace() != ':') {
            throw OUTSIDE;
        }
        position++;
        return current = JsonToken.FIELD_NAME;
    }

    /** The position after the closing quote of the string whose opening quote is at {@code quote}. */
    private int stringEnd(int quote) {
        int limit = (int) Math.min(body.length, quote + 1L + WireJson.MAX_STRING_LENGTH);
        int special = JsonBytes.firstSpecial(body, quote + 1, limit, (byte) '"');
        if (special < 0 || body[special] != '"') {   // a control character, an escape, a non-ASCII character
            throw OUTSIDE;
        }
        return special + 1;
    }

    /** The wire format's own String for a field name it knows, else a new one. */
    private String knownName(int start, int end) {
        for (int tried = 0; tried < NAMES.length; tried++) {
            int index = (nameHint + tried) % NAMES.length;
            if (equalsName(start, end, NAME_BYTES[index])) {
                nameHint = index + 1;   // peers write fields in the contract's order, so the next is likely next
                return NAMES[index];
            }
        }
        return new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** A loop, not Arrays.equals: for names this short its range checks cost more than the comparison. */
    private boolean equalsName(int start, int end, byte[] name) {
        if (name.length != end - start) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (body[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private JsonToken literal(String word, JsonToken token) {
        int end = position + word.length();
        if (end > body.length) {
            throw OUTSIDE;
        }
        for (int i = 0; i < word.length(); i++) {
            if (body[position + i] != word.charAt(i)) {
                throw OUTSIDE;
            }
        }
        position = end;
        requireDelimiter();
        return current = token;
    }

    /** An integer without fraction or exponent, no leading zero, at most {@value #MAX_DIGITS} digits. */
    private JsonToken integer() {
        boolean negative = body[position] == '-';
        int start = negative ? position + 1 : position;
        int end = start;
        long value = 0;
        while (end < body.length && body[end] >= '0' && body[end] <= '9') {
            value = value * 10 + (body[end] - '0');
            end++;
        }
        int digits = end - start;
        if (digits == 0 || digits > MAX_DIGITS || (body[start] == '0' && digits > 1)) {
            throw OUTSIDE;
        }
        integer = negative ? -value : value;
        position = end;
        requireDelimiter();
        return current = JsonToken.VALUE_NUMBER_INT;
    }

    /** What follows a number or literal must end it: whitespace, a comma or a closing bracket. */
    private void requireDelimiter() {
        if (position < body.length) {
            byte b = body[position];
            if (b == ' ' || b == ',' || b == '}' || b == ']' || b == '\n' || b == '\r' || b == '\t') {
                return;
            }
        }
        throw OUTSIDE;
    }
}
