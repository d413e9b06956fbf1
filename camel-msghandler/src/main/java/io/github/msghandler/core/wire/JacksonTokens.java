package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Any JSON, through Jackson's streaming parser, whose errors name what is wrong. */
final class JacksonTokens implements JsonTokens {
    private final JsonParser parser;
    private final byte[] body;

    JacksonTokens(JsonParser parser, byte[] body) {
        this.parser = parser;
        this.body = body;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return parser.nextToken();
    }

    @Override
    public JsonToken currentToken() {
        return parser.currentToken();
    }

    @Override
    public String nextFieldName() throws IOException {
        return parser.nextFieldName();
    }

    @Override
    public String text() throws IOException {
        return parser.getText();
    }

    @Override
    public boolean isBeyondLong() throws IOException {
        // Jackson reports BIG_INTEGER only for integers outside the long range
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
    }

    @Override
    public long longValue() throws IOException {
        return parser.getLongValue();
    }

    @Override
    public Number numberValue() throws IOException {
        return parser.getNumberValue();
    }

    @Override
    public void skipChildren() throws IOException {
        parser.skipChildren();
    }

    @Override
    public int tokenOffset() {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    @Override
    public int offsetAfter() {
        return (int) parser.currentLocation().getByteOffset();
    }

    /** Never: Jackson reads every string itself, and names whatever is wrong with it. */
    @Override
    public byte[] nextBase64OfSize(long size) {
        return null;
    }

    @Override
    public int plainStringLength() {
        int quote = tokenOffset();
        if (quote < 0 || quote >= body.length || body[quote] != '"') {
            return -1;
        }
        for (int i = quote + 1; i < body.length; i++) {
            // no byte of a multi-byte UTF-8 character is a quote or a backslash
            if (body[i] == '"') {
                return i - quote - 1;   // the parser skips the string unread
            }
            if (body[i] == '\\') {
                return -1;
            }
        }
        return -1;
    }
}
