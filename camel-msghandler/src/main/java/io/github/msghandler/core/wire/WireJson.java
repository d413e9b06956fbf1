package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Map;

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
    // Reads one object out of a parser that goes on, so what follows the object is not "trailing".
    private static final ObjectReader NESTED_MAP_READER = MAPPER.readerFor(Map.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WireJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads the JSON object at a parser's current token as a {@code Map}, leaving the parser after it. */
    static ObjectReader nestedMapReader() {
        return NESTED_MAP_READER;
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
