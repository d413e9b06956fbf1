package io.github.msghandler.core;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hand-written envelopes (see src/test/resources/golden/README.md) decode to the values the contract promises. */
class GoldenVectorTest {
    private static final List<String> SERVED = List.of("text-link.bin", "dictionary.bin", "jsontable.bin",
            "arrow-file.bin", "image.bin", "audio.bin", "video.bin", "binary.bin");
    @RegisterExtension
    static ServerExtension<FileTestServer> server = ServerExtension.of(FileTestServer::start);

    @BeforeAll
    static void serveFiles() {
        SERVED.forEach(name -> server.get().put("/golden/" + name, resource("golden/files/" + name)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = GoldenVectorTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UnpackedEnvelope unpackGolden(String name) {
        String json = new String(resource("golden/" + name), StandardCharsets.UTF_8)
                .replace("{{fileserver}}", server.get().url());
        return MsgHandler.smartunpack(json.getBytes(StandardCharsets.UTF_8), UnpackOptions.defaults());
    }

    @ParameterizedTest(name = "{0}-{1}.json")
    @CsvSource({
            "text,direct", "text,link", "dictionary,direct", "dictionary,link", "jsontable,direct", "jsontable,link",
            "arrowtable,direct", "arrowtable,link", "image,direct", "image,link", "audio,direct", "audio,link",
            "video,direct", "video,link", "binary,direct", "binary,link"})
    void goldenEnvelopeDecodesToTheContractValue(String type, String transport) {
        UnpackedEnvelope unpacked = unpackGolden(type + "-" + transport + ".json");

        Envelope envelope = unpacked.envelope();
        assertEquals("7f0c2a4e-9b1d-4c3e-8f5a-0d6b7c8e9f01", envelope.header().correlationId());
        assertEquals("2026-11-24T19:48:12.123Z", envelope.header().timestamp());
        assertEquals("golden." + type, envelope.header().sendTo());
        assertEquals("chat", envelope.header().msgPurpose());
        assertEquals("golden-writer", envelope.header().senderName());
        assertEquals("", envelope.header().receiverName());
        assertEquals("nats://localhost:4222", envelope.header().brokerUrl());
        assertEquals(Map.of("origin", "hand-written from wire-format-v1.md"), envelope.header().metadata());

        ReceivedPayload payload = unpacked.payloads().get(0);
        assertEquals(type + "_payload", payload.dataname());
        assertEquals(PayloadType.fromWireName(type), payload.type());
        assertEquals(Transport.fromWireName(transport), payload.transport());
        assertEquals("yes", payload.metadata().get("kept_by_receiver"), "unknown payload metadata is kept");
        assertGoldenValue(type, transport, payload.value());
    }

    private static void assertGoldenValue(String type, String transport, Object value) {
        switch (type) {
            case "text":
                assertEquals(transport.equals("direct") ? "Hello!" : "Grüße aus Köln — 日本語テキスト 🚀", value);
                break;
            case "dictionary":
                Map<String, Object> expected = new LinkedHashMap<>();
                expected.put("wifi_ssid", "MyNetwork");
                expected.put("wifi_password", "password123");
                expected.put("update_interval", 60);
                expected.put("ratio", 0.5);
                expected.put("enabled", true);
                expected.put("tags", List.of("a", "b"));
                expected.put("none", null);
                assertEquals(expected, value);
                assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) value).keySet()));
                break;
            case "jsontable":
                List<?> rows = assertInstanceOf(List.class, value);
                assertEquals(3, rows.size());
                assertEquals(List.of("id", "name", "score"), List.copyOf(((Map<?, ?>) rows.get(0)).keySet()));
                assertEquals(Map.of("id", 3, "name", "Charlie", "score", 92), rows.get(2));
                break;
            case "arrowtable":
                assertGoldenArrowTable(assertInstanceOf(ArrowTable.class, value));
                break;
            default:
                String file = type + ".bin";
                assertArrayEquals(resource("golden/files/" + file), (byte[]) value,
                        () -> type + " bytes differ: " + Arrays.toString((byte[]) value));
        }
    }

    private static void assertGoldenArrowTable(ArrowTable table) {
        assertEquals(List.of("id", "name", "score", "passed"), table.columnNames());
        assertEquals(3, table.rowCount());
        List<Map<String, Object>> rows = table.rows();
        assertEquals(Arrays.asList(1, 2, 3), rows.stream().map(r -> r.get("id")).toList());
        assertEquals(Arrays.asList("Alice", "Bob", null), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(Arrays.asList(95.5, null, 92.25), rows.stream().map(r -> r.get("score")).toList());
        assertEquals(Arrays.asList(true, false, null), rows.stream().map(r -> r.get("passed")).toList());
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = table.toVectorSchemaRoot(allocator)) {
            assertEquals(3, root.getRowCount());
            assertEquals("Bob", root.getVector("name").getObject(1).toString());
            assertNull(root.getVector("score").getObject(1));
        }
    }

    @Test
    void missingOptionalFieldsReadAsEmptyAndUnknownFieldsAreIgnored() {
        UnpackedEnvelope unpacked = unpackGolden("minimal-forward-compatible.json");

        assertEquals("only-this-one", unpacked.envelope().header().msgId());
        assertEquals("", unpacked.envelope().header().correlationId());
        assertEquals("", unpacked.envelope().header().replyTo());
        assertEquals(Map.of(), unpacked.envelope().header().metadata());
        assertEquals("hi", unpacked.payloads().get(0).value());
        assertEquals("", unpacked.payloads().get(0).id());
    }

    @Test
    void contractExampleWithMixedTransportsDecodesInOrder() throws IOException {
        UnpackedEnvelope unpacked = unpackGolden("mixed.json");

        assertEquals(List.of("message_text", "user_avatar", "large_document"),
                unpacked.payloads().stream().map(ReceivedPayload::dataname).toList());
        assertEquals("Hello!", unpacked.payloads().get(0).value());
        assertEquals("image/png", unpacked.payloads().get(1).metadata().get("content_type"));
        assertArrayEquals(resource("golden/files/image.bin"), unpacked.payloads().get(1).bytes());
        assertEquals(Transport.LINK, unpacked.payloads().get(2).transport());
        assertArrayEquals(resource("golden/files/video.bin"), unpacked.payloads().get(2).bytes());
        assertEquals("chat.replies", unpacked.envelope().header().replyTo());
        assertEquals("prev", unpacked.envelope().header().replyToMsgId());
    }
}
