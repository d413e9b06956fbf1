package io.github.msghandler.core.codec;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code dictionary}: a JSON object or array. Send takes a {@link Map}, a {@link java.util.Collection}, an array,
 * a record or a bean; receive gives a {@link Map} (key order kept) or a {@link List}.
 */
public final class DictionaryCodec implements PayloadCodec {
    private static final String EXPECTED = "expected a Map, a List, an array, a record or a bean";

    @Override
    public PayloadType type() {
        return PayloadType.DICTIONARY;
    }

    @Override
    public PayloadContent encode(String dataname, Object value) {
        if (JsonValues.isScalarOrBytes(value)) {
            throw new PayloadValueException(dataname, type().wireName(), value, EXPECTED);
        }
        byte[] json = JsonValues.write(dataname, type().wireName(), value, EXPECTED);
        if (json.length == 0 || (json[0] != '{' && json[0] != '[')) {
            throw new PayloadValueException(dataname, type().wireName(), value,
                    EXPECTED + " (it serialises to a JSON scalar)");
        }
        return PayloadContent.ofBytes(json);
    }

    @Override
    public Object decode(PayloadContent content) throws IOException, MalformedPayloadException {
        Object value = JsonValues.read(content, type().wireName());
        if (!(value instanceof Map) && !(value instanceof List)) {
            throw new MalformedPayloadException("dictionary payload must be a JSON object or array");
        }
        return value;
    }
}
