package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The JSON tokens of one envelope as {@link EnvelopeReader} walks them: from {@link PlainJsonTokens} for the shape
 * peers write, from Jackson's parser ({@link JacksonTokens}) for everything else.
 */
interface JsonTokens {
    JsonToken nextToken() throws IOException;

    JsonToken currentToken();

    /** The next field's name, or null when the next token is not a field name (the object ends). */
    String nextFieldName() throws IOException;

    /** The text of the current string, field name, number or literal. */
    String text() throws IOException;

    /** Whether the current integer is beyond the range of a long. */
    boolean isBeyondLong() throws IOException;

    long longValue() throws IOException;

    /** The current number as Jackson's untyped binding gives it: Integer, Long, BigInteger or Double. */
    Number numberValue() throws IOException;

    /** Skips the current object or array to its end token; nothing for any other token. */
    void skipChildren() throws IOException;

    /** Where in the body the current token begins. */
    int tokenOffset();

    /** Where in the body the bytes after the current token begin. */
    int offsetAfter();

    /**
     * The byte count of the current string's text in the body (it begins at {@code tokenOffset() + 1}) when it
     * holds no escape, so that its bytes are its text; -1 when it holds one.
     */
    int plainStringLength();

    /**
     * The next value decoded, when it is a string of exactly the padded base64 length of {@code size} bytes that
     * decodes to {@code size} bytes; the decoder refuses every byte outside the base64 alphabet (quotes, escapes,
     * control characters, anything beyond ASCII), which proves those are the string's bytes with no byte scanned
     * for its end. Otherwise null, and nothing is read.
     */
    byte[] nextBase64OfSize(long size) throws IOException;
}
