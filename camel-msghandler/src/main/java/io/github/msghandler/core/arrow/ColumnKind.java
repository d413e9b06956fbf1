package io.github.msghandler.core.arrow;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/** The Arrow column type inferred from the Java values of one column of row maps. */
enum ColumnKind {
    NULL(ArrowType.Null.INSTANCE),
    INT(new ArrowType.Int(64, true)),
    FLOAT(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
    BOOL(ArrowType.Bool.INSTANCE),
    STRING(ArrowType.Utf8.INSTANCE),
    TIMESTAMP_UTC(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
    TIMESTAMP_LOCAL(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
    DATE(new ArrowType.Date(DateUnit.DAY)),
    BINARY(ArrowType.Binary.INSTANCE);

    private final ArrowType arrowType;

    ColumnKind(ArrowType arrowType) {
        this.arrowType = arrowType;
    }

    ArrowType arrowType() {
        return arrowType;
    }

    static ColumnKind of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INT;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).bitLength() < 64 ? INT : STRING;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return FLOAT;
        }
        if (value instanceof Boolean) {
            return BOOL;
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof Date) {
            return TIMESTAMP_UTC;
        }
        if (value instanceof LocalDateTime) {
            return TIMESTAMP_LOCAL;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value instanceof byte[]) {
            return BINARY;
        }
        return STRING;
    }

    /** The kind that holds values of both: nulls fit anything, integers widen to floating point, else text. */
    ColumnKind merge(ColumnKind other) {
        if (this == other || other == NULL) {
            return this;
        }
        if (this == NULL) {
            return other;
        }
        if ((this == INT && other == FLOAT) || (this == FLOAT && other == INT)) {
            return FLOAT;
        }
        return STRING;
    }
}
