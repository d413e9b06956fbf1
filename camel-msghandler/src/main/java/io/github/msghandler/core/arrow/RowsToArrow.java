package io.github.msghandler.core.arrow;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.msghandler.core.wire.WireJson;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an Arrow table from row maps (or records and beans), inferring each column's type from its values: see
 * {@link ColumnKind}. Columns come in the first row's key order, then any key first seen in a later row.
 */
final class RowsToArrow {
    private RowsToArrow() {
    }

    /** The rows as row maps; throws {@link IllegalArgumentException} naming the first row that is not a row. */
    static List<Map<String, Object>> asRowMaps(Collection<?> rows) {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        int index = 0;
        for (Object row : rows) {
            maps.add(asRowMap(row, index++));
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asRowMap(Object row, int index) {
        if (row instanceof Map) {
            return (Map<String, Object>) row;
        }
        if (row == null || row instanceof CharSequence || row instanceof Number || row instanceof Boolean
                || row instanceof Collection || row.getClass().isArray()) {
            throw new IllegalArgumentException("row " + index + " is "
                    + (row == null ? "null" : row.getClass().getName()) + ", not a row Map, record or bean");
        }
        if (row.getClass().isRecord()) {
            Map<String, Object> map = recordComponents(row);
            if (map != null) {
                return map;
            }
        }
        return WireJson.mapper().convertValue(row, LinkedHashMap.class);
    }

    /**
     * A record's components read directly, so that java.time values keep their column types (Jackson would turn
     * them into text); null when the record's accessors cannot be reached, and Jackson reads it instead.
     */
    private static Map<String, Object> recordComponents(Object record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Method accessor = component.getAccessor();
            try {
                if (!accessor.trySetAccessible()) {
                    return null;
                }
                map.put(component.getName(), accessor.invoke(record));
            } catch (IllegalAccessException e) {
                return null;
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("record accessor " + component.getName() + " failed", e.getCause());
            }
        }
        return map;
    }

    /** A new root holding the rows; the caller closes it. */
    static VectorSchemaRoot toRoot(List<Map<String, Object>> rows, BufferAllocator allocator) {
        Map<String, ColumnKind> columns = inferColumns(rows);
        List<Field> fields = new ArrayList<>(columns.size());
        columns.forEach((name, kind) -> fields.add(new Field(name, FieldType.nullable(kind.arrowType()), null)));
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        try {
            root.allocateNew();
            for (Map.Entry<String, ColumnKind> column : columns.entrySet()) {
                FieldVector vector = root.getVector(column.getKey());
                for (int i = 0; i < rows.size(); i++) {
                    Object value = rows.get(i).get(column.getKey());
                    if (value == null) {
                        if (column.getValue() != ColumnKind.NULL) {
                            vector.setNull(i);
                        }
                    } else {
                        set(vector, column.getValue(), i, value);
                    }
                }
                vector.setValueCount(rows.size());
            }
            root.setRowCount(rows.size());
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static Map<String, ColumnKind> inferColumns(List<Map<String, Object>> rows) {
        Map<String, ColumnKind> columns = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> cell : row.entrySet()) {
                ColumnKind kind = ColumnKind.of(cell.getValue());
                columns.merge(String.valueOf(cell.getKey()), kind, ColumnKind::merge);
            }
        }
        return columns;
    }

    private static void set(FieldVector vector, ColumnKind kind, int index, Object value) {
        switch (kind) {
            case INT:
                ((BigIntVector) vector).setSafe(index, ((Number) value).longValue());
                break;
            case FLOAT:
                ((Float8Vector) vector).setSafe(index, ((Number) value).doubleValue());
                break;
            case BOOL:
                ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
                break;
            case TIMESTAMP_UTC:
            case TIMESTAMP_LOCAL:
                ((TimeStampVector) vector).setSafe(index, epochMicros(value));
                break;
            case DATE:
                ((DateDayVector) vector).setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
                break;
            case BINARY:
                ((VarBinaryVector) vector).setSafe(index, (byte[]) value);
                break;
            case STRING:
                ((VarCharVector) vector).setSafe(index, asText(value).getBytes(StandardCharsets.UTF_8));
                break;
            default:
                throw new IllegalStateException("a column of nulls holds no values");
        }
    }

    private static long epochMicros(Object value) {
        Instant instant;
        if (value instanceof Instant) {
            instant = (Instant) value;
        } else if (value instanceof OffsetDateTime) {
            instant = ((OffsetDateTime) value).toInstant();
        } else if (value instanceof ZonedDateTime) {
            instant = ((ZonedDateTime) value).toInstant();
        } else if (value instanceof Date) {
            instant = ((Date) value).toInstant();
        } else {
            instant = ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
    }

    /** Text of a value in a column of mixed types: decimals plainly, maps and lists as JSON, bytes as base64. */
    private static String asText(Object value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof Map || value instanceof Collection) {
            try {
                return WireJson.mapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a " + value.getClass().getName() + " cell cannot be written as JSON", e);
            }
        }
        return value.toString();
    }
}
