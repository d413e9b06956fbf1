package io.github.msghandler.core.codec;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code jsontable}: a JSON array of row objects. Send takes a collection of row maps, records or beans, or an
 * Arrow table when Arrow is on the classpath; receive gives a {@code List<Map<String, Object>>} with each row's
 * column order kept.
 */
public final class JsonTableCodec implements PayloadCodec {
    private static final String EXPECTED = "expected a List of row Maps (or records/beans)";

    /** Rows of an Arrow table value, or null for anything else; absent when Arrow is not on the classpath. */
    private final Function<Object, List<Map<String, Object>>> arrowRows;

    public JsonTableCodec(Function<Object, List<Map<String, Object>>> arrowRows) {
        this.arrowRows = arrowRows;
    }

    @Override
    public PayloadType type() {
        return PayloadType.JSONTABLE;
    }

    @Override
    public PayloadContent encode(String dataname, Object value) {
        List<Map<String, Object>> rows = arrowRows == null ? null : arrowRows.apply(value);
        if (rows != null) {
            return PayloadContent.ofBytes(JsonValues.write(dataname, type().wireName(), rows, EXPECTED));
        }
        if (!(value instanceof Collection)) {
            throw new PayloadValueException(dataname, type().wireName(), value,
                    arrowRows == null ? EXPECTED : EXPECTED + " or an Arrow VectorSchemaRoot");
        }
        int index = 0;
        for (Object row : (Collection<?>) value) {
            if (JsonValues.isScalarOrBytes(row) || row instanceof Collection || row.getClass().isArray()) {
                throw new PayloadValueException(dataname, type().wireName(), value,
                        EXPECTED + "; row " + index + " is " + (row == null ? "null" : row.getClass().getName()));
            }
            index++;
        }
        return PayloadContent.ofBytes(JsonValues.write(dataname, type().wireName(), value, EXPECTED));
    }

    @Override
    public Object decode(PayloadContent content) throws IOException, MalformedPayloadException {
        Object value = JsonValues.read(content, type().wireName());
        if (!(value instanceof List)) {
            throw new MalformedPayloadException("jsontable payload must be a JSON array of row objects");
        }
        List<?> list = (List<?>) value;
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw new MalformedPayloadException("jsontable row " + i + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) list.get(i);
            rows.add(row instanceof LinkedHashMap ? row : new LinkedHashMap<>(row));
        }
        return rows;
    }

}
