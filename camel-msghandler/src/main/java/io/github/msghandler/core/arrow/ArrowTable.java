package io.github.msghandler.core.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A received {@code arrowtable} payload: its schema, its rows as Java values, and on request an Arrow
 * {@link VectorSchemaRoot}. Immutable; it keeps the IPC bytes, not Arrow buffers, so it needs no closing.
 */
public final class ArrowTable {
    private final byte[] ipc;
    private final Schema schema;
    private final long rowCount;
    private volatile List<Map<String, Object>> rows;

    private ArrowTable(byte[] ipc, Schema schema, long rowCount) {
        this.ipc = ipc;
        this.schema = schema;
        this.rowCount = rowCount;
    }

    /**
     * Reads every record batch of Arrow IPC bytes (streaming or file format) once, so that corrupt bytes fail here
     * and not later.
     *
     * @throws IOException when the bytes are not Arrow IPC
     */
    public static ArrowTable fromIpc(byte[] ipc) throws IOException {
        try (BufferAllocator allocator = Allocators.newChild("arrowtable-read");
             ArrowReader reader = ArrowIpc.reader(ipc, allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            long count = 0;
            while (reader.loadNextBatch()) {
                count += batch.getRowCount();
            }
            return new ArrowTable(ipc, batch.getSchema(), count);
        } catch (RuntimeException e) {
            // Arrow reports some malformed input as runtime exceptions (bad flatbuffers, short buffers).
            throw new IOException("not Arrow IPC data: " + e.getMessage(), e);
        }
    }

    public Schema schema() {
        return schema;
    }

    /** Column names in schema order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(schema.getFields().size());
        for (Field field : schema.getFields()) {
            names.add(field.getName());
        }
        return names;
    }

    public long rowCount() {
        return rowCount;
    }

    /** The rows as maps from column name to Java value (see {@link ArrowValues}), in schema column order. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> result = rows;
        if (result == null) {
            result = Collections.unmodifiableList(readRows());
            rows = result;
        }
        return result;
    }

    private List<Map<String, Object>> readRows() {
        List<Map<String, Object>> result = new ArrayList<>((int) Math.min(rowCount, Integer.MAX_VALUE));
        try (BufferAllocator allocator = Allocators.newChild("arrowtable-rows");
             ArrowReader reader = ArrowIpc.reader(ipc, allocator)) {
            while (reader.loadNextBatch()) {
                ArrowValues.appendRows(reader.getVectorSchemaRoot(), reader, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Arrow IPC bytes already read once could not be read again", e);
        }
        return result;
    }

    /** The whole table in one Arrow root allocated from the library's root allocator; the caller closes it. */
    public VectorSchemaRoot toVectorSchemaRoot() {
        return toVectorSchemaRoot(Allocators.root());
    }

    /**
     * The whole table in one Arrow root allocated from {@code allocator}; the caller closes the root (before the
     * allocator).
     */
    public VectorSchemaRoot toVectorSchemaRoot(BufferAllocator allocator) {
        try (ArrowReader reader = ArrowIpc.reader(ipc, allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            VectorSchemaRoot table = VectorSchemaRoot.create(batch.getSchema(), allocator);
            try {
                boolean first = true;
                while (reader.loadNextBatch()) {
                    if (first) {
                        // The appender cannot grow an empty root: take over the first batch's buffers instead.
                        for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                            batch.getVector(i).makeTransferPair(table.getVector(i)).transfer();
                        }
                        table.setRowCount(batch.getRowCount());
                        first = false;
                    } else {
                        VectorSchemaRootAppender.append(false, table, batch);
                    }
                }
                return table;
            } catch (RuntimeException e) {
                table.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Arrow IPC bytes already read once could not be read again", e);
        }
    }

    /** The table in the Arrow IPC streaming format, as it travels. */
    public byte[] toIpcStream() {
        if (!ArrowIpc.isFileFormat(ipc)) {
            return ipc.clone();
        }
        try (BufferAllocator allocator = Allocators.newChild("arrowtable-restream");
             VectorSchemaRoot root = toVectorSchemaRoot(allocator)) {
            return ArrowIpc.writeStream(root);
        } catch (IOException e) {
            throw new UncheckedIOException("writing Arrow IPC to memory failed", e);
        }
    }

    @Override
    public String toString() {
        return "ArrowTable[columns=" + columnNames() + ", rows=" + rowCount + "]";
    }
}
