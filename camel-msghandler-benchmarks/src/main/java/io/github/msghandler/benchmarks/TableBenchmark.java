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
    private static final int RUNS = 9;
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
            // the two rows with a target run in turns, so that both see the same state of a noisy machine
            List<Row> pair = measureInTurns(List.of("arrow-vector IPC stream writer + reader",
                    "msghandler arrowtable codec (from the Arrow root)"), List.of(() -> {
                        byte[] ipc = writeIpc(root);
                        readIpc(ipc, allocator);
                        return ipc.length;
                    }, () -> {
                        PayloadContent encoded = arrowCodec.encode("table", root);
                        ((ArrowTable) arrowCodec.decode(encoded)).rowCount();
                        return encoded.size();
                    }));
            Row baseline = pair.get(0);
            Row arrowtable = pair.get(1);
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

    private Row measure(String name, Trip trip) throws Exception {
        return measureInTurns(List.of(name), List.of(trip)).get(0);
    }

    /**
     * Runs the trips one after another, {@value #RUNS} turns after two warm-up turns, and gives each its median.
     * Ratios compare rows per second, so tables of different encoded sizes compare fairly.
     */
    private List<Row> measureInTurns(List<String> names, List<Trip> trips) throws Exception {
        long[][] nanos = new long[trips.size()][RUNS];
        long[] bytes = new long[trips.size()];
        for (int turn = -2; turn < RUNS; turn++) {
            for (int t = 0; t < trips.size(); t++) {
                long start = System.nanoTime();
                bytes[t] = trips.get(t).run();
                if (turn >= 0) {
                    nanos[t][turn] = System.nanoTime() - start;
                }
            }
        }
        List<Row> result = new ArrayList<>();
        for (int t = 0; t < trips.size(); t++) {
            Arrays.sort(nanos[t]);
            result.add(row(names.get(t), nanos[t][RUNS / 2] / 1e9, bytes[t]));
        }
        return result;
    }

    private Row row(String name, double seconds, long bytes) {
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
