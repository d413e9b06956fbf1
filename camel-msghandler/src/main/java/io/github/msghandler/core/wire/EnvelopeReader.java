package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.github.msghandler.core.wire.WireFields.*;

/**
 * Reads and validates the JSON body of a NATS message as an {@link Envelope} (wire format section 2 and 3).
 *
 * <p>A missing string field reads as {@code ""} and a missing {@code metadata} as {@code {}}; unknown fields are
 * ignored. Everything else that breaks the contract is an {@link InvalidEnvelopeException} naming the field.
 *
 * <p>The body is read token by token, never as a tree: on the small-message path building a {@code JsonNode}
 * tree and converting it took most of the consumer's time. The tokens come from the body's bytes
 * ({@link PlainJsonTokens}) when the envelope keeps to the JSON that peers write; any envelope that does not, and
 * any envelope with a fault, is read again through Jackson's parser, so that every fault is named one way. A
 * direct payload whose {@code size} and {@code transport} come before its {@code data} (the contract's order) is
 * decoded as it is read when its base64 has the length the size implies; any other is decoded when asked.
 */
public final class EnvelopeReader {
    /** Marks a field of the envelope itself where a field's path takes the index of its payload. */
    private static final int NO_PAYLOAD = -1;

    private EnvelopeReader() {
    }

    /**
     * @throws InvalidEnvelopeException when the body is not a v1 envelope
     */
    public static Envelope read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidEnvelopeException("$", "the message body is empty, expected a JSON envelope");
        }
        Envelope asOursLaysItOut = LayoutReader.read(body);
        if (asOursLaysItOut != null) {
            return asOursLaysItOut;
        }
        try {
            return read(new PlainJsonTokens(body), body);
        } catch (InvalidEnvelopeException | IOException e) {
            // read again below, so that the fault is named as Jackson names it
        } catch (RuntimeException e) {
            if (e != PlainJsonTokens.OUTSIDE) {
                throw e;
            }
        }
        try (JsonParser parser = WireJson.envelopeParser(body)) {
            return read(new JacksonTokens(parser, body), body);
        } catch (JacksonException e) {
            throw new InvalidEnvelopeException("$", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEnvelopeException("$", "not readable: " + e.getMessage(), e);
        }
    }

    static Envelope read(JsonTokens tokens, byte[] body) throws IOException {
        JsonToken first = tokens.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new InvalidEnvelopeException("$", "expected a JSON object, found " + describe(tokens));
        }
        Envelope envelope = readEnvelope(tokens, body);
        if (tokens.nextToken() != null) {
            throw new InvalidEnvelopeException("$", "not valid JSON: trailing content after the envelope");
        }
        return envelope;
    }

    private static Envelope readEnvelope(JsonTokens tokens, byte[] body) throws IOException {
        EnvelopeHeader.Builder envelope = EnvelopeHeader.builder();
        List<WirePayload> payloads = null;
        FieldsSeen seen = new FieldsSeen(ENVELOPE_FIELDS);
        String field;
        while ((field = tokens.nextFieldName()) != null) {
            seen.add(field, NO_PAYLOAD);
            tokens.nextToken();
            EnvelopeField text = EnvelopeField.ofWireName(field);
            if (text != null) {
                text.set(envelope, optionalString(tokens, NO_PAYLOAD, field));
                continue;
            }
            switch (field) {
                case METADATA -> envelope.metadata(optionalObject(tokens, NO_PAYLOAD, field, body));
                case PAYLOADS -> payloads = readPayloads(tokens, body);
                default -> tokens.skipChildren();
            }
        }
        if (payloads == null) {
            throw new InvalidEnvelopeException(PAYLOADS, "required field is missing");
        }
        return new Envelope(envelope.build(), payloads);
    }

    /** @return null when the field is {@code null}, which counts as missing */
    private static List<WirePayload> readPayloads(JsonTokens tokens, byte[] body) throws IOException {
        if (tokens.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (tokens.currentToken() != JsonToken.START_ARRAY) {
            throw new InvalidEnvelopeException(PAYLOADS, "expected an array, found " + describe(tokens));
        }
        List<WirePayload> payloads = new ArrayList<>(1);
        int index = 0;
        while (tokens.nextToken() != JsonToken.END_ARRAY) {
            if (tokens.currentToken() != JsonToken.START_OBJECT) {
                throw new InvalidEnvelopeException(payloadPath(index),
                        "expected a payload object, found " + describe(tokens));
            }
            payloads.add(readPayload(tokens, index++, body));
        }
        return payloads;
    }

    /** Where a fault is, as the exception names it; made only for a fault, since most envelopes have none. */
    private static String path(int payload, String field) {
        return payload == NO_PAYLOAD ? field : payloadPath(payload) + "." + field;
    }

    private static String payloadPath(int payload) {
        return PAYLOADS + "[" + payload + "]";
    }

    private static WirePayload readPayload(JsonTokens tokens, int index, byte[] body) throws IOException {
        String id = "";
        String dataname = null;
        String payloadType = null;
        String transport = null;
        String encoding = "";
        Long size = null;
        DataText data = null;
        Map<String, Object> metadata = Map.of();
        FieldsSeen seen = new FieldsSeen(PAYLOAD_FIELDS);
        String field;
        while ((field = tokens.nextFieldName()) != null) {
            seen.add(field, index);
            if (field.equals(DATA) && size != null && Transport.DIRECT.wireName().equals(transport)) {
                byte[] decoded = tokens.nextBase64OfSize(size);
                if (decoded != null) {
                    data = new DataText(null, decoded, 0, 0);
                    continue;
                }
            }
            tokens.nextToken();
            switch (field) {
                case ID -> id = optionalString(tokens, index, field);
                case DATANAME -> dataname = nullableString(tokens, index, field);
                case PAYLOAD_TYPE -> payloadType = nullableString(tokens, index, field);
                case TRANSPORT -> transport = nullableString(tokens, index, field);
                case ENCODING -> encoding = optionalString(tokens, index, field);
                case SIZE -> size = nullableSize(tokens, index, field);
                case DATA -> data = dataText(tokens, index, field);
                case METADATA -> metadata = optionalObject(tokens, index, field, body);
                default -> tokens.skipChildren();
            }
        }
        return payload(index, id, dataname, payloadType, transport, encoding, size, data, metadata, body);
    }

    /**
     * A payload from its fields as read (null: missing), validated: the rules every reader of a payload keeps.
     *
     * @throws InvalidEnvelopeException naming the payload's field
     */
    static WirePayload payload(int index, String id, String dataname, String payloadType, String transport,
                               String encoding, Long size, DataText data, Map<String, Object> metadata, byte[] body) {
        if (required(dataname, index, DATANAME).isEmpty()) {
            throw new InvalidEnvelopeException(path(index, DATANAME), "must not be empty");
        }
        PayloadType type = parse(index, PAYLOAD_TYPE, required(payloadType, index, PAYLOAD_TYPE),
                PayloadType::fromWireName);
        Transport parsedTransport = parse(index, TRANSPORT, required(transport, index, TRANSPORT),
                Transport::fromWireName);
        if (!encoding.isEmpty() && !encoding.equals(parsedTransport.encoding())) {
            throw new InvalidEnvelopeException(path(index, ENCODING), "'" + encoding + "' does not go with transport "
                    + parsedTransport + ", expected '" + parsedTransport.encoding() + "'");
        }
        WirePayload.Builder payload = WirePayload.builder()
                .id(id)
                .dataname(dataname)
                .payloadType(type)
                .transport(parsedTransport)
                .size(required(size, index, SIZE))
                .metadata(metadata);
        required(data, index, DATA);
        if (data.decoded() != null) {
            payload.directBytes(data.decoded());
        } else if (data.text() == null && parsedTransport == Transport.DIRECT) {
            payload.base64(body, data.offset(), data.length());   // decoded from the body when asked, no String
        } else {
            payload.data(data.text() != null ? data.text()
                    : new String(body, data.offset(), data.length(), StandardCharsets.UTF_8));
        }
        return payload.build();
    }

    /**
     * The data field: a direct payload's bytes when they were decoded as they were read, else where its text stands
     * in {@code body} when it holds no escape (a base64 text never does), else the text itself.
     */
    record DataText(String text, byte[] decoded, int offset, int length) {
    }

    /** @return null for JSON {@code null}, which counts as missing */
    private static DataText dataText(JsonTokens tokens, int payload, String field) throws IOException {
        if (tokens.currentToken() == JsonToken.VALUE_STRING) {
            int length = tokens.plainStringLength();
            if (length >= 0) {
                return new DataText(null, null, tokens.tokenOffset() + 1, length);
            }
        }
        String text = nullableString(tokens, payload, field);
        return text == null ? null : new DataText(text, null, 0, 0);
    }

    private static <T> T required(T value, int payload, String field) {
        if (value == null) {
            throw new InvalidEnvelopeException(path(payload, field), "required field is missing");
        }
        return value;
    }

    private static <T> T parse(int payload, String field, String name, Function<String, T> parser) {
        try {
            return parser.apply(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException(path(payload, field), e.getMessage());
        }
    }

    /** The byte count, or null for JSON {@code null}. */
    private static Long nullableSize(JsonTokens tokens, int payload, String field) throws IOException {
        if (tokens.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (tokens.currentToken() != JsonToken.VALUE_NUMBER_INT || tokens.isBeyondLong()) {
            throw new InvalidEnvelopeException(path(payload, field),
                    "expected an integer byte count, found " + describe(tokens));
        }
        long size = tokens.longValue();
        if (size < 0) {
            throw new InvalidEnvelopeException(path(payload, field), "must not be negative, found " + size);
        }
        return size;
    }

    /** The text, or null for JSON {@code null}. */
    private static String nullableString(JsonTokens tokens, int payload, String field) throws IOException {
        JsonToken token = tokens.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidEnvelopeException(path(payload, field), "expected a string, found " + describe(tokens));
        }
        return tokens.text();
    }

    private static String optionalString(JsonTokens tokens, int payload, String field) throws IOException {
        String value = nullableString(tokens, payload, field);
        return value == null ? "" : value;
    }

    private static Map<String, Object> optionalObject(JsonTokens tokens, int payload, String field, byte[] body)
            throws IOException {
        JsonToken token = tokens.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw new InvalidEnvelopeException(path(payload, field), "expected an object, found " + describe(tokens));
        }
        String firstKey = tokens.nextFieldName();
        if (firstKey == null) {
            return Map.of();
        }
        Object firstValue = scalarOrNested(tokens, tokens.nextToken(), payload, field, body);
        String key = tokens.nextFieldName();
        if (key == null && firstValue != null) {
            return Map.of(firstKey, firstValue);   // a payload's sha256 alone, mostly: kept as it is, not copied
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(firstKey, firstValue);
        for (; key != null; key = tokens.nextFieldName()) {
            Object value = scalarOrNested(tokens, tokens.nextToken(), payload, field, body);
            if (map.containsKey(key)) {
                throw new InvalidEnvelopeException(path(payload, field),
                        "not valid JSON: Duplicate field '" + key + "'");
            }
            map.put(key, value);
        }
        return map;
    }

    /**
     * A metadata value as Jackson's untyped binding gives it (String, Integer/Long/BigInteger, Double, Boolean,
     * null, and for an object or array a LinkedHashMap or ArrayList). Scalars, what metadata mostly holds, are
     * taken from the parser; an object or array is read again from its bytes by the shared mapper, which refuses a
     * key that appears twice anywhere inside it.
     */
    private static Object scalarOrNested(JsonTokens tokens, JsonToken token, int payload, String field, byte[] body)
            throws IOException {
        return switch (token) {
            case VALUE_STRING -> tokens.text();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> tokens.numberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> {
                int start = tokens.tokenOffset();
                tokens.skipChildren();
                int end = tokens.offsetAfter();
                try {
                    yield WireJson.mapper().readValue(body, start, end - start, Object.class);
                } catch (JacksonException e) {
                    throw new InvalidEnvelopeException(path(payload, field),
                            "not valid JSON: " + e.getOriginalMessage(), e);
                }
            }
        };
    }

    /** The field names of one JSON object so far, to refuse a key that appears twice. */
    private static final class FieldsSeen {
        private final List<String> known;
        /** Where the next known name is looked for first: peers write the fields in the contract's order. */
        private int next;
        private long knownSeen;
        private Set<String> others;

        FieldsSeen(List<String> known) {
            this.known = known;
        }

        void add(String field, int payload) {
            int index = next < known.size() && known.get(next).equals(field) ? next : known.indexOf(field);
            boolean first;
            if (index >= 0) {
                next = index + 1;
                first = (knownSeen & 1L << index) == 0;
                knownSeen |= 1L << index;
            } else {
                others = others != null ? others : new HashSet<>();
                first = others.add(field);
            }
            if (!first) {
                throw new InvalidEnvelopeException(path(payload, field), "the key appears more than once");
            }
        }
    }

    /** The current token as the error messages name it. */
    private static String describe(JsonTokens tokens) throws IOException {
        JsonToken token = tokens.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + tokens.text();
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + tokens.text();
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
