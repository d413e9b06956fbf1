package io.github.msghandler.core.codec;

import com.fasterxml.jackson.core.JacksonException;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.wire.WireJson;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/** JSON reading and writing shared by the dictionary and JSON table codecs. */
final class JsonValues {
    private JsonValues() {
    }

    /** True for values that JSON would write as a scalar or that are really byte sources. */
    static boolean isScalarOrBytes(Object value) {
        return value == null || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Character || value instanceof Enum
                || value instanceof byte[] || value instanceof ByteBuffer || value instanceof InputStream
                || value instanceof Path || value instanceof File || value instanceof TemporalAccessor
                || value instanceof Date;
    }

    static byte[] write(String dataname, String type, Object value, String expected) {
        try {
            return WireJson.mapper().writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new PayloadValueException(dataname, type, value, expected + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    static Object read(PayloadContent content, String type) throws IOException, MalformedPayloadException {
        try (InputStream in = content.openStream()) {
            return WireJson.mapper().readValue(in, Object.class);
        } catch (JacksonException e) {
            throw new MalformedPayloadException(type + " payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
