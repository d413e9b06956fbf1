package io.github.msghandler.camel;

import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.arrow.ArrowTable;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.camel.spi.TypeConverterRegistry;

/** The arrowtable conversions of {@link ReceivedPayloadConverters}; loaded only when Arrow is on the class path. */
final class ArrowConverters {
    private ArrowConverters() {
    }

    static void register(TypeConverterRegistry registry) {
        ReceivedPayloadConverters.add(registry, ArrowTable.class, ArrowConverters::table);
        ReceivedPayloadConverters.add(registry, VectorSchemaRoot.class, p -> {
            ArrowTable table = table(p);
            return table == null ? null : table.toVectorSchemaRoot();
        });
    }

    private static ArrowTable table(ReceivedPayload payload) {
        return payload.value() instanceof ArrowTable table ? table : null;
    }
}
