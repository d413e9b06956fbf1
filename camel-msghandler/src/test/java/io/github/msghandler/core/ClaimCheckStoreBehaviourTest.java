package io.github.msghandler.core;

import io.github.msghandler.core.api.ClaimCheckStoreException;
import io.github.msghandler.core.api.LinkFetchException;
import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.core.store.ClaimCheckKey;
import io.github.msghandler.core.store.NatsObjectLink;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.github.msghandler.core.store.PlikClaimCheckStore;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.testsupport.NatsTestServer;
import io.github.msghandler.testsupport.PlikTestServer;
import io.github.msghandler.testsupport.Sha256Hex;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each claim-check store promises beyond a round trip: TTL and one-shot, clear errors, spooling. */
class ClaimCheckStoreBehaviourTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final byte[] DATA = "claim-check payload".getBytes(StandardCharsets.UTF_8);

    @Test
    void plikUploadsDefaultToTtlAndCanBeFetchedTwice() throws Exception {
        try (PlikTestServer plik = PlikTestServer.start()) {
            PlikClaimCheckStore store = PlikClaimCheckStore.builder(URI.create(plik.url())).build();

            URI link = store.upload(new ClaimCheckKey("id-1", "report final.pdf"), DATA);

            assertFalse(plik.lastUploadRequest().get("oneShot").asBoolean());
            assertEquals(86_400, plik.lastUploadRequest().get("ttl").asLong());
            assertTrue(link.toString().startsWith(plik.url() + "/file/"), link.toString());
            assertTrue(link.toString().endsWith("/report%20final.pdf"), link.toString());
            assertArrayEquals(DATA, store.download(link));
            assertArrayEquals(DATA, store.download(link), "a TTL upload survives a second download");
        }
    }

    @Test
    void plikOneShotLinkIsGoneAfterItsFirstDownload() throws Exception {
        try (PlikTestServer plik = PlikTestServer.start()) {
            PackOptions options = PackOptions.builder().publish(false).sizeThreshold(1)
                    .store(PlikClaimCheckStore.builder(URI.create(plik.url())).oneShot(true)
                            .ttl(Duration.ofMinutes(5)).build()).build();
            byte[] json = MsgHandler.smartpack("s", List.of(Payload.of("once", DATA, "binary")), options).jsonBytes();

            assertTrue(plik.lastUploadRequest().get("oneShot").asBoolean());
            assertEquals(300, plik.lastUploadRequest().get("ttl").asLong());
            assertArrayEquals(DATA, MsgHandler.smartunpack(json, UnpackOptions.defaults()).payloads().get(0).bytes());
            LinkFetchException second = assertThrows(LinkFetchException.class,
                    () -> MsgHandler.smartunpack(json, UnpackOptions.defaults()));
            assertTrue(second.getMessage().contains("404"), second.getMessage());
        }
    }

    @Test
    void objectStoreWithoutJetStreamSaysHowToFixIt() {
        try (NatsTestServer plain = NatsTestServer.start(false); Connection connection = plain.connect()) {
            ClaimCheckStoreException e = assertThrows(ClaimCheckStoreException.class, () -> MsgHandler.smartpack(
                    "s", List.of(Payload.of("big", DATA, "binary")),
                    PackOptions.builder().connection(connection).sizeThreshold(1).build()));

            assertTrue(e.getMessage().contains("-js") && e.getMessage().contains("fileserverUrl"), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void objectStoreCreatesItsBucketAndNamesObjectsByIdAndDataname() throws Exception {
        ObjectStoreClaimCheckStore store = ObjectStoreClaimCheckStore.builder(nats.connection())
                .bucket("fresh-bucket").build();

        URI link = store.upload(new ClaimCheckKey("0b1c", "notes/2026 ü.txt"), DATA);

        assertEquals("nats-os://fresh-bucket/0b1c%2Fnotes%2F2026%20%C3%BC.txt", link.toString());
        assertEquals(new NatsObjectLink("fresh-bucket", "0b1c/notes/2026 ü.txt"), NatsObjectLink.parse(link));
        assertTrue(nats.connection().objectStoreManagement().getBucketNames().contains("fresh-bucket"));
        assertArrayEquals(DATA, store.download(link));
    }

    @Test
    void missingBucketOrObjectIsAFinalErrorNotAHang() throws Exception {
        ObjectStoreClaimCheckStore.builder(nats.connection()).bucket("existing").build()
                .upload(new ClaimCheckKey("x", "y"), DATA);
        for (String link : List.of("nats-os://no-such-bucket/x", "nats-os://existing/never-uploaded")) {
            String json = "{\"payloads\":[{\"dataname\":\"gone\",\"payload_type\":\"binary\",\"transport\":"
                    + "\"link\",\"size\":3,\"data\":\"" + link + "\"}]}";
            LinkFetchException e = assertThrows(LinkFetchException.class, () -> MsgHandler.smartunpack(
                    json.getBytes(StandardCharsets.UTF_8),
                    UnpackOptions.builder().connection(nats.connection()).build()));

            assertEquals(1, e.attempts(), e.getMessage());
            assertTrue(e.getMessage().contains(link.contains("no-such") ? "no Object Store bucket" : "no object"),
                    e.getMessage());
        }
    }

    @Test
    void largeLinkPayloadIsSpooledToAVerifiedFile(@TempDir Path spool) throws Exception {
        byte[] big = new byte[2_000_000];
        new Random(42).nextBytes(big);
        byte[] json = MsgHandler.smartpack("s", List.of(Payload.of("video", big, "video")),
                PackOptions.builder().connection(nats.connection()).publish(false).build()).jsonBytes();

        UnpackedEnvelope unpacked = MsgHandler.smartunpack(json, UnpackOptions.builder()
                .connection(nats.connection()).spoolThreshold(1_000_000).spoolDirectory(spool).build());

        ReceivedPayload video = unpacked.payloads().get(0);
        assertTrue(video.isSpooled());
        Path file = video.value(Path.class);
        assertEquals(spool, file.getParent());
        assertArrayEquals(big, Files.readAllBytes(file));
        unpacked.deleteSpooledFiles();
        assertFalse(Files.exists(file));
    }

    @Test
    void objectStoreLinksCarryTheSha256OfTheirBytesAndAReplacedObjectIsRefused() throws Exception {
        byte[] bytes = new byte[700_000];
        new Random(7).nextBytes(bytes);
        EncodedEnvelope sent = MsgHandler.smartpack("s", List.of(Payload.of("doc", bytes, "binary")),
                PackOptions.builder().connection(nats.connection()).publish(false).build());
        WirePayload wire = sent.envelope().payloads().get(0);
        String sha256 = Sha256Hex.of(bytes);

        // the sender took the digest jnats computed while storing: it must be the bytes' own sha256
        assertEquals(sha256, wire.sha256());
        ObjectStoreClaimCheckStore store = ObjectStoreClaimCheckStore.builder(nats.connection()).build();
        assertEquals(sha256, store.verifiedSha256(URI.create(wire.data())));
        assertArrayEquals(bytes, MsgHandler.smartunpack(sent.jsonBytes(), UnpackOptions.builder()
                .connection(nats.connection()).build()).payloads().get(0).bytes());

        // other bytes under the same name: the receiver refuses them before fetching
        NatsObjectLink object = NatsObjectLink.parse(URI.create(wire.data()));
        byte[] other = bytes.clone();
        other[0] ^= 1;
        nats.connection().objectStore(object.bucket()).put(object.objectName(), new java.io.ByteArrayInputStream(other));
        PayloadIntegrityException refused = assertThrows(PayloadIntegrityException.class, () ->
                MsgHandler.smartunpack(sent.jsonBytes(), UnpackOptions.builder().connection(nats.connection()).build()));
        assertTrue(refused.getMessage().contains("stored object"), refused.getMessage());
    }

    @Test
    void spoolFileOfARefusedPayloadIsDeleted(@TempDir Path spool) throws Exception {
        byte[] big = new byte[1_500_000];
        byte[] json = MsgHandler.smartpack("s", List.of(Payload.of("doc", big, "binary")),
                PackOptions.builder().connection(nats.connection()).publish(false).build()).jsonBytes();
        String tampered = new String(json, StandardCharsets.UTF_8).replaceFirst("\"sha256\":\"[0-9a-f]{4}",
                "\"sha256\":\"ffff");

        assertThrows(PayloadIntegrityException.class, () -> MsgHandler.smartunpack(
                tampered.getBytes(StandardCharsets.UTF_8), UnpackOptions.builder().connection(nats.connection())
                        .spoolThreshold(1).spoolDirectory(spool).build()));
        try (var left = Files.list(spool)) {
            assertEquals(0, left.count(), "no spool file is left behind");
        }
    }

    /** A user's own store: here one that keeps payloads in a map and serves them from its own HTTP server. */
    private static final class MapBackedStore implements io.github.msghandler.core.store.ClaimCheckStore {
        private final io.github.msghandler.testsupport.FileTestServer server;
        private int uploads;

        MapBackedStore(io.github.msghandler.testsupport.FileTestServer server) {
            this.server = server;
        }

        @Override
        public URI upload(ClaimCheckKey key, java.io.InputStream content, long size) throws java.io.IOException {
            uploads++;
            server.put("/custom/" + key.id(), content.readAllBytes());
            return URI.create(server.url() + "/custom/" + key.id());
        }

        @Override
        public void download(URI link, java.io.OutputStream target) throws java.io.IOException {
            new io.github.msghandler.core.store.HttpLinkDownloader().download(link, target);
        }
    }

    @Test
    void userStoreTakesUploadsAndServesAsDownloadHandler() throws Exception {
        try (var server = io.github.msghandler.testsupport.FileTestServer.start()) {
            MapBackedStore store = new MapBackedStore(server);
            byte[] json = MsgHandler.smartpack("s", List.of(Payload.of("doc", DATA, "binary")),
                    PackOptions.builder().publish(false).sizeThreshold(1).store(store).build()).jsonBytes();

            UnpackedEnvelope unpacked = MsgHandler.smartunpack(json,
                    UnpackOptions.builder().downloadHandler(store).build());

            assertEquals(1, store.uploads);
            assertEquals(1, server.getCount());
            assertArrayEquals(DATA, unpacked.payloads().get(0).bytes());
            assertTrue(unpacked.payloads().get(0).wire().data().startsWith(server.url() + "/custom/"));
        }
    }
}
