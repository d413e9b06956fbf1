package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The one Jackson configuration for everything that crosses the wire: envelopes, dictionaries and JSON tables.
 *
 * <p>Read limits are set on purpose, since envelopes come from other programs: nesting depth
 * {@value #MAX_NESTING_DEPTH}, one string at most {@value #MAX_STRING_LENGTH} characters (room for the base64 of
 * the largest direct payload a NATS server allows, 64 MB). No polymorphic typing is ever enabled.
 */
public final class WireJson {
    /** Deepest nesting of arrays and objects accepted in an envelope, dictionary or table. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** Longest single string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 96 * 1024 * 1024;

    private static final ObjectMapper MAPPER = createMapper();
    /**
     * For envelopes, whose reader checks duplicate keys itself: Jackson's detection would hash every field name of
     * every message, since a parser's objects inherit it from the factory, whatever the parser is told later.
     */
    private static final JsonFactory ENVELOPE_FACTORY = MAPPER.getFactory().rebuild()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private WireJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A parser for an envelope, without Jackson's duplicate detection (the envelope reader checks keys itself). */
    static JsonParser envelopeParser(byte[] body) throws IOException {
        return ENVELOPE_FACTORY.createParser(body);
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                // java.time values travel as ISO-8601 text, which every peer language parses.
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }
}
