package io.github.msghandler.core;

import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.testsupport.NatsServerExtension;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** arrowtable and jsontable payloads: type inference, nulls, IPC formats, Arrow roots, large tables. */
class ArrowTablePayloadTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Instant WHEN = Instant.parse("2026-11-24T19:48:12.123456Z");

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    private static ArrowTable sendAsArrow(Object table) throws Exception {
        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(),
                List.of(Payload.of("table", table, "arrowtable")), PackOptions.builder());
        return received.payloads().get(0).value(ArrowTable.class);
    }

    @Test
    void rowMapsKeepTypesAndNullsAcrossNineColumnKinds() throws Exception {
        byte[] blob = {1, 2, 3};
        List<Map<String, Object>> rows = List.of(
                row("id", 1, "score", 1.5, "ok", true, "name", "Ann", "at", WHEN,
                        "local", LocalDateTime.of(2026, 1, 2, 3, 4, 5), "day", LocalDate.of(2026, 11, 24),
                        "blob", blob, "empty", null),
                row("id", 2L, "score", null, "ok", null, "name", null, "at", null, "local", null, "day", null,
                        "blob", null, "empty", null),
                row("id", null, "score", 3, "ok", false, "name", "Ünïcødé", "at", WHEN.plusSeconds(60),
                        "local", null, "day", LocalDate.of(1969, 12, 31), "blob", new byte[0], "empty", null));

        ArrowTable table = sendAsArrow(rows);

        assertEquals(List.of("id", "score", "ok", "name", "at", "local", "day", "blob", "empty"),
                table.columnNames());
        assertEquals(new ArrowType.Int(64, true), table.schema().findField("id").getType());
        assertEquals(ArrowType.Null.INSTANCE, table.schema().findField("empty").getType());
        List<Map<String, Object>> got = table.rows();
        assertEquals(Arrays.asList(1L, 2L, null), column(got, "id"));
        assertEquals(Arrays.asList(1.5, null, 3.0), column(got, "score"), "integers widen to floating point");
        assertEquals(Arrays.asList(true, null, false), column(got, "ok"));
        assertEquals(Arrays.asList("Ann", null, "Ünïcødé"), column(got, "name"));
        assertEquals(Arrays.asList(WHEN, null, WHEN.plusSeconds(60)), column(got, "at"));
        assertEquals(Arrays.asList(LocalDateTime.of(2026, 1, 2, 3, 4, 5), null, null), column(got, "local"));
        assertEquals(Arrays.asList(LocalDate.of(2026, 11, 24), null, LocalDate.of(1969, 12, 31)), column(got, "day"));
        assertArrayEquals(blob, (byte[]) got.get(0).get("blob"));
        assertEquals(Arrays.asList(null, null, null), column(got, "empty"));
    }

    @Test
    void columnOfMixedTypesBecomesText() throws Exception {
        ArrowTable table = sendAsArrow(List.of(row("v", 1), row("v", "two"), row("v", true), row("v", Map.of("k", 1))));

        assertEquals(ArrowType.Utf8.INSTANCE, table.schema().findField("v").getType());
        assertEquals(List.of("1", "two", "true", "{\"k\":1}"), column(table.rows(), "v"));
    }

    record Reading(String sensor, double value, Instant at) {
    }

    @Test
    void recordsAreRowsWithTypedColumns() throws Exception {
        ArrowTable table = sendAsArrow(List.of(new Reading("t1", 21.5, WHEN), new Reading("t2", 19.0, WHEN)));

        assertEquals(List.of("sensor", "value", "at"), table.columnNames());
        assertEquals(List.of(WHEN, WHEN), column(table.rows(), "at"));
    }

    @Test
    void vectorSchemaRootIsSentAndReceivedAsARoot() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = sampleRoot(allocator, 0, 4)) {
            ArrowTable table = sendAsArrow(root);

            assertEquals(4, table.rowCount());
            try (VectorSchemaRoot back = table.toVectorSchemaRoot(allocator)) {
                assertEquals(root.getSchema(), back.getSchema());
                assertEquals(root.contentToTSVString(), back.contentToTSVString());
            }
        }
    }

    @Test
    void ipcFileFormatAndMultiBatchStreamsAreAccepted() throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            try (VectorSchemaRoot root = sampleRoot(allocator, 0, 3);
                 ArrowFileWriter fileWriter = new ArrowFileWriter(root, null, Channels.newChannel(file));
                 ArrowStreamWriter streamWriter = new ArrowStreamWriter(root, null, Channels.newChannel(stream))) {
                fileWriter.start();
                streamWriter.start();
                fileWriter.writeBatch();
                streamWriter.writeBatch();
                fillRoot(root, 3, 2);
                fileWriter.writeBatch();
                streamWriter.writeBatch();
                fileWriter.end();
                streamWriter.end();
            }
            for (byte[] ipc : List.of(file.toByteArray(), stream.toByteArray())) {
                ArrowTable table = unpackDirect(ipc);
                assertEquals(5, table.rowCount());
                assertEquals(List.of(0L, 1L, 2L, 3L, 4L), column(table.rows(), "n"));
                try (VectorSchemaRoot whole = table.toVectorSchemaRoot(allocator)) {
                    assertEquals(5, whole.getRowCount());
                    assertEquals("row 4", whole.getVector("label").getObject(4).toString());
                }
                // a received table goes out again as the streaming format
                assertEquals(5, unpackDirect(table.toIpcStream()).rowCount());
            }
        }
    }

    private static ArrowTable unpackDirect(byte[] ipc) {
        String json = "{\"payloads\":[{\"dataname\":\"t\",\"payload_type\":\"arrowtable\",\"transport\":\"direct\","
                + "\"size\":" + ipc.length + ",\"data\":\"" + Base64.getEncoder().encodeToString(ipc) + "\"}]}";
        return MsgHandler.smartunpack(json.getBytes(StandardCharsets.UTF_8), UnpackOptions.defaults())
                .payloads().get(0).value(ArrowTable.class);
    }

    @Test
    void arrowRootSentAsJsonTableArrivesAsRowMaps() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = sampleRoot(allocator, 0, 2)) {
            UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(),
                    List.of(Payload.of("rows", root, "jsontable")), PackOptions.builder());

            assertEquals(List.of(row("n", 0, "label", "row 0"), row("n", 1, "label", "row 1")),
                    received.payloads().get(0).value());
        }
    }

    @Test
    void tenThousandRowJsonTableRoundTripsInOrder() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row("id", i, "name", "user-" + i, "score", i / 4.0, "active", i % 3 == 0));
        }

        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(),
                List.of(Payload.of("users", rows, "jsontable")), PackOptions.builder());

        List<?> got = received.payloads().get(0).value(List.class);
        assertEquals(rows, got);
        assertEquals(List.of("id", "name", "score", "active"),
                List.copyOf(((Map<?, ?>) got.get(9_999)).keySet()));
    }

    @Test
    void receivedArrowTableCanBeForwardedAsJsonTable() throws Exception {
        ArrowTable table = sendAsArrow(List.of(row("id", 1, "name", "Ann")));

        UnpackedEnvelope forwarded = NatsRoundTrip.roundTrip(nats.connection(),
                List.of(Payload.of("rows", table, "jsontable")), PackOptions.builder());

        assertEquals(List.of(row("id", 1, "name", "Ann")), forwarded.payloads().get(0).value());
        assertNull(table.schema().findField("name").getDictionary());
    }

    private static List<Object> column(List<Map<String, Object>> rows, String name) {
        List<Object> values = new ArrayList<>();
        rows.forEach(r -> values.add(r.get(name)));
        return values;
    }

    private static VectorSchemaRoot sampleRoot(BufferAllocator allocator, int from, int count) {
        Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(64, true)),
                Field.nullable("label", ArrowType.Utf8.INSTANCE)));
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        fillRoot(root, from, count);
        return root;
    }

    private static void fillRoot(VectorSchemaRoot root, int from, int count) {
        root.allocateNew();
        BigIntVector n = (BigIntVector) root.getVector("n");
        VarCharVector label = (VarCharVector) root.getVector("label");
        for (int i = 0; i < count; i++) {
            n.setSafe(i, from + i);
            label.setSafe(i, ("row " + (from + i)).getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(count);
    }
}
