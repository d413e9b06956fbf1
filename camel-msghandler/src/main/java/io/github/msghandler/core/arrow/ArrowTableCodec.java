package io.github.msghandler.core.arrow;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.codec.MalformedPayloadException;
import io.github.msghandler.core.codec.PayloadCodec;
import io.github.msghandler.core.codec.PayloadContent;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * {@code arrowtable}: Arrow IPC streaming format. Send takes a {@link VectorSchemaRoot} (its current rows), an
 * {@link ArrowTable}, or a collection of row maps, records or beans whose column types are inferred; receive gives
 * an {@link ArrowTable}.
 */
public final class ArrowTableCodec implements PayloadCodec {
    private static final String EXPECTED = "expected an Arrow VectorSchemaRoot, an ArrowTable or a List of row Maps";

    @Override
    public PayloadType type() {
        return PayloadType.ARROWTABLE;
    }

    @Override
    public PayloadContent encode(String dataname, Object value) {
        try {
            if (value instanceof VectorSchemaRoot) {
                return PayloadContent.ofBytes(ArrowIpc.writeStream((VectorSchemaRoot) value));
            }
            if (value instanceof ArrowTable) {
                return PayloadContent.ofBytes(((ArrowTable) value).toIpcStream());
            }
            if (value instanceof Collection) {
                return PayloadContent.ofBytes(encodeRows(dataname, (Collection<?>) value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing Arrow IPC to memory failed", e);
        }
        throw new PayloadValueException(dataname, type().wireName(), value, EXPECTED);
    }

    private byte[] encodeRows(String dataname, Collection<?> rows) throws IOException {
        try (BufferAllocator allocator = Allocators.newChild("arrowtable-write");
             VectorSchemaRoot root = RowsToArrow.toRoot(RowsToArrow.asRowMaps(rows), allocator)) {
            return ArrowIpc.writeStream(root);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new PayloadValueException(dataname, type().wireName(), rows, EXPECTED + "; " + e.getMessage(), e);
        }
    }

    @Override
    public Object decode(PayloadContent content) throws IOException, MalformedPayloadException {
        byte[] ipc = content.bytes();
        try {
            return ArrowTable.fromIpc(ipc);
        } catch (IOException e) {
            throw new MalformedPayloadException("arrowtable payload is not Arrow IPC: " + e.getMessage(), e);
        }
    }
}
