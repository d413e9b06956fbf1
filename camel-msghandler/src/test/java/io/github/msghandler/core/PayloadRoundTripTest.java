package io.github.msghandler.core;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.HttpClaimCheckStore;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.github.msghandler.core.store.PlikClaimCheckStore;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.testsupport.PlikTestServer;
import io.github.msghandler.testsupport.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every payload type, direct and by link, through every claim-check store, over a real nats-server. */
class PayloadRoundTripTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    @RegisterExtension
    static ServerExtension<PlikTestServer> plik = ServerExtension.of(PlikTestServer::start);
    @RegisterExtension
    static ServerExtension<FileTestServer> files = ServerExtension.of(FileTestServer::start);

    static Stream<Arguments> typesTransportsAndStores() {
        List<Arguments> cases = new ArrayList<>();
        for (String store : List.of("objectstore", "plik", "http")) {
            for (PayloadType type : PayloadType.values()) {
                cases.add(Arguments.of(type, Transport.DIRECT, store));
                cases.add(Arguments.of(type, Transport.LINK, store));
            }
        }
        return cases.stream();
    }

    private static ClaimCheckStore store(String name) {
        switch (name) {
            case "plik":
                return PlikClaimCheckStore.builder(URI.create(plik.get().url())).build();
            case "http":
                return new HttpClaimCheckStore(URI.create(files.get().url() + "/payloads"));
            default:
                return ObjectStoreClaimCheckStore.builder(nats.connection()).bucket("roundtrip").build();
        }
    }

    @ParameterizedTest(name = "{0} {1} via {2}")
    @MethodSource("typesTransportsAndStores")
    void payloadArrivesWithItsValueTypeAndTransport(PayloadType type, Transport transport, String storeName)
            throws Exception {
        Object sent = sampleValue(type);
        long threshold = transport == Transport.LINK ? 1 : PackOptions.DEFAULT_SIZE_THRESHOLD;

        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(),
                List.of(Payload.of("sample", sent, type)),
                PackOptions.builder().sizeThreshold(threshold).store(store(storeName)));

        ReceivedPayload payload = received.payloads().get(0);
        assertEquals("sample", payload.dataname());
        assertEquals(type, payload.type());
        assertEquals(transport, payload.transport());
        assertExpectedValue(type, sent, payload.value());
    }

    static Object sampleValue(PayloadType type) {
        switch (type) {
            case TEXT:
                return "Grüße, 世界 🌍 — line one\nline two, and U+FFFD as sent: \uFFFD";
            case DICTIONARY:
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("wifi_ssid", "MyNetwork");
                config.put("update_interval", 60);
                config.put("ratio", 0.25);
                config.put("enabled", true);
                config.put("nothing", null);
                config.put("tags", List.of("a", "b"));
                config.put("nested", Map.of("depth", 2));
                return config;
            case JSONTABLE:
            case ARROWTABLE:
                return List.of(row(1, "Alice", 95.5), row(2, "Bob", 88.0), row(3, "Charlie", 92.25));
            default:
                byte[] bytes = new byte[4096];
                new Random(type.ordinal()).nextBytes(bytes);
                return bytes;
        }
    }

    private static Map<String, Object> row(int id, String name, double score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("score", score);
        return row;
    }

    @SuppressWarnings("unchecked")
    static void assertExpectedValue(PayloadType type, Object sent, Object received) {
        switch (type) {
            case TEXT:
            case DICTIONARY:
            case JSONTABLE:
                assertEquals(sent, received);
                break;
            case ARROWTABLE:
                ArrowTable table = assertInstanceOf(ArrowTable.class, received);
                assertEquals(List.of("id", "name", "score"), table.columnNames());
                List<Map<String, Object>> rows = table.rows();
                List<Map<String, Object>> expected = (List<Map<String, Object>>) sent;
                assertEquals(expected.size(), rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    // integers are widened to 64-bit by inference
                    assertEquals(((Number) expected.get(i).get("id")).longValue(), rows.get(i).get("id"));
                    assertEquals(expected.get(i).get("name"), rows.get(i).get("name"));
                    assertEquals(expected.get(i).get("score"), rows.get(i).get("score"));
                }
                break;
            default:
                assertTrue(received instanceof byte[], "expected byte[] but got " + received.getClass());
                assertArrayEquals((byte[]) sent, (byte[]) received,
                        () -> "bytes differ: " + Arrays.hashCode((byte[]) received));
        }
    }
}
