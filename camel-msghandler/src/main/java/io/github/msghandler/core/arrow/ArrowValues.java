package io.github.msghandler.core.arrow;

import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.util.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arrow values as plain Java values: integers as {@link Long}/{@link Integer}/..., floating point as
 * {@link Double}/{@link Float}, strings as {@link String}, timestamps with a time zone as {@link Instant} and without
 * as {@link LocalDateTime}, dates as {@link LocalDate}, binary as {@code byte[]}. Dictionary-encoded columns (a
 * pandas categorical, say) are decoded to their values.
 */
public final class ArrowValues {
    private static final long DAY_MILLIS = 86_400_000L;

    private ArrowValues() {
    }

    /**
     * The rows of an Arrow table value ({@link VectorSchemaRoot} or {@link ArrowTable}), or null for any other
     * value.
     */
    public static List<Map<String, Object>> rowsOfArrowValue(Object value) {
        if (value instanceof VectorSchemaRoot) {
            return rows((VectorSchemaRoot) value, null);
        }
        if (value instanceof ArrowTable) {
            return ((ArrowTable) value).rows();
        }
        return null;
    }

    /** Appends the root's current rows, column order kept, to a new list. */
    static List<Map<String, Object>> rows(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        List<Map<String, Object>> rows = new ArrayList<>(root.getRowCount());
        appendRows(root, dictionaries, rows);
        return rows;
    }

    static void appendRows(VectorSchemaRoot root, DictionaryProvider dictionaries, List<Map<String, Object>> rows) {
        List<FieldVector> vectors = root.getFieldVectors();
        List<ValueVector> decoded = new ArrayList<>(vectors.size());
        try {
            for (FieldVector vector : vectors) {
                decoded.add(decodeDictionary(vector, dictionaries));
            }
            for (int row = 0; row < root.getRowCount(); row++) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int column = 0; column < vectors.size(); column++) {
                    values.put(vectors.get(column).getName(), value(decoded.get(column), row));
                }
                rows.add(values);
            }
        } finally {
            for (int i = 0; i < decoded.size(); i++) {
                if (decoded.get(i) != vectors.get(i)) {
                    decoded.get(i).close();
                }
            }
        }
    }

    private static ValueVector decodeDictionary(FieldVector vector, DictionaryProvider dictionaries) {
        DictionaryEncoding encoding = vector.getField().getDictionary();
        if (encoding == null || dictionaries == null) {
            return vector;
        }
        Dictionary dictionary = dictionaries.lookup(encoding.getId());
        return dictionary == null ? vector : DictionaryEncoder.decode(vector, dictionary);
    }

    /** The Java value of one cell. */
    static Object value(ValueVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        if (vector instanceof TimeStampVector) {
            ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
            Instant instant = toInstant(((TimeStampVector) vector).get(index), type.getUnit());
            return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
        }
        if (vector instanceof DateDayVector) {
            return LocalDate.ofEpochDay(((DateDayVector) vector).get(index));
        }
        if (vector instanceof DateMilliVector) {
            return LocalDate.ofEpochDay(Math.floorDiv(((DateMilliVector) vector).get(index), DAY_MILLIS));
        }
        Object value = vector.getObject(index);
        return value instanceof Text ? value.toString() : value;
    }

    private static Instant toInstant(long value, TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return Instant.ofEpochSecond(value);
            case MILLISECOND:
                return Instant.ofEpochMilli(value);
            case MICROSECOND:
                return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000L);
            default:
                return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                        Math.floorMod(value, 1_000_000_000L));
        }
    }
}
