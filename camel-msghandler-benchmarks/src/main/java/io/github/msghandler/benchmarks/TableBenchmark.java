package io.github.msghandler.benchmarks;

import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.core.arrow.ArrowTableCodec;
import io.github.msghandler.core.codec.JsonTableCodec;
import io.github.msghandler.core.codec.PayloadCodec;
import io.github.msghandler.core.codec.PayloadContent;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case 4: a table of 1,000,000 rows × 5 columns (long, text, double, int, boolean) encoded and decoded by the
 * payload codecs, against arrow-vector's own IPC stream writer and reader on the same Arrow root. Each figure is
 * the median of three timed runs after a warm-up.
 */
final class TableBenchmark implements BenchmarkCase {
    private static final String CASE = "4. table 1,000,000 rows x 5 columns, encode + decode";
    private static final int RUNS = 3;
    private static final double MB = 1024 * 1024;

    private final int rows;

    TableBenchmark(int rows) {
        this.rows = rows;
    }

    @Override
    public String key() {
        return "tables";
    }

    private interface Trip {
        /** Encodes and decodes once; returns the encoded size in bytes. */
        long run() throws Exception;
    }

    @Override
    public List<Row> run() throws Exception {
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = table(allocator)) {
            List<Map<String, Object>> rowMaps = rowMaps(root);
            ArrowTableCodec arrowCodec = new ArrowTableCodec();
            JsonTableCodec jsonCodec = new JsonTableCodec(null);
            Row baseline = measure("arrow-vector IPC stream writer + reader", () -> {
                byte[] ipc = writeIpc(root);
                readIpc(ipc, allocator);
                return ipc.length;
            });
            Row arrowtable = measure("msghandler arrowtable codec (from the Arrow root)", () -> {
                PayloadContent encoded = arrowCodec.encode("table", root);
                ((ArrowTable) arrowCodec.decode(encoded)).rowCount();
                return encoded.size();
            });
            Row arrowFromRows = measure("msghandler arrowtable codec (from row maps, types inferred)",
                    () -> roundTrip(arrowCodec, rowMaps));
            Row jsontable = measure("msghandler jsontable codec (row maps)", () -> roundTrip(jsonCodec, rowMaps));
            arrowtable.target(baseline, 0.8);
            arrowFromRows.ratioTo(baseline);
            jsontable.ratioTo(baseline);
            return List.of(baseline, arrowtable, arrowFromRows, jsontable);
        }
    }

    private static long roundTrip(PayloadCodec codec, List<Map<String, Object>> rowMaps) throws Exception {
        PayloadContent encoded = codec.encode("table", rowMaps);
        codec.decode(encoded);
        return encoded.size();
    }

    /** Ratios compare rows per second, so tables of different encoded sizes compare fairly. */
    private Row measure(String name, Trip trip) throws Exception {
        trip.run();   // warm-up
        long[] nanos = new long[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes = trip.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double seconds = nanos[RUNS / 2] / 1e9;
        return new Row(CASE, name, Math.round(rows / seconds), "rows/s")
                .figure("rows", rows)
                .figure("encodedMegabytes", Math.round(bytes / MB * 10) / 10.0)
                .figure("megabytesPerSecond", Math.round(bytes / MB / seconds * 10) / 10.0)
                .figure("medianSeconds", Math.round(seconds * 1000) / 1000.0);
    }

    private VectorSchemaRoot table(BufferAllocator allocator) {
        BigIntVector id = new BigIntVector("id", allocator);
        VarCharVector name = new VarCharVector("name", allocator);
        Float8Vector price = new Float8Vector("price", allocator);
        IntVector quantity = new IntVector("quantity", allocator);
        BitVector active = new BitVector("active", allocator);
        for (int i = 0; i < rows; i++) {
            id.setSafe(i, i);
            name.setSafe(i, ("item-" + i).getBytes(StandardCharsets.UTF_8));
            price.setSafe(i, i * 0.25);
            quantity.setSafe(i, i % 1000);
            active.setSafe(i, i % 2);
        }
        VectorSchemaRoot root = VectorSchemaRoot.of(id, name, price, quantity, active);
        root.setRowCount(rows);
        return root;
    }

    private static List<Map<String, Object>> rowMaps(VectorSchemaRoot root) {
        List<Map<String, Object>> result = new ArrayList<>(root.getRowCount());
        for (int i = 0; i < root.getRowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", ((BigIntVector) root.getVector("id")).get(i));
            row.put("name", root.getVector("name").getObject(i).toString());
            row.put("price", ((Float8Vector) root.getVector("price")).get(i));
            row.put("quantity", ((IntVector) root.getVector("quantity")).get(i));
            row.put("active", ((BitVector) root.getVector("active")).get(i) == 1);
            result.add(row);
        }
        return result;
    }

    private static byte[] writeIpc(VectorSchemaRoot root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return out.toByteArray();
    }

    private static long readIpc(byte[] ipc, BufferAllocator allocator) throws IOException {
        long count = 0;
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
            while (reader.loadNextBatch()) {
                count += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return count;
    }
}
