package io.github.msghandler.camel;

import io.github.msghandler.testsupport.Sha256Hex;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 2 GiB file crosses file → msghandler → NATS (Object Store claim-check) → msghandler → file in a JVM with a
 * 256 MB heap (surefire runs this class alone with -Xmx256m): the payload never sits whole in the heap, and the
 * bytes that land are the bytes that left.
 */
class LargeFileStreamingTest extends MsgHandlerTestSupport {
    private static final long SIZE = 2L * 1024 * 1024 * 1024;

    private Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() throws IOException {
        dir = Files.createTempDirectory("large-file");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("outbox") + "?initialDelay=0&delay=200&noop=true")
                        .to(uri("large.files", "bucket=large&spoolDirectory=" + dir.resolve("spool")));
                from(uri("large.files", "bucket=large&spoolDirectory=" + dir.resolve("spool")))
                        .routeId("large-receiver")
                        .to("file:" + dir.resolve("inbox"));
            }
        };
    }

    @AfterEach
    void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void twoGibibyteFileCrossesWithABoundedHeap() throws Exception {
        Files.createDirectories(dir.resolve("spool"));
        Path staging = Files.createDirectories(dir.resolve("staging")).resolve("huge.bin");
        String sentSha = writeRandomFile(staging, SIZE);
        NotifyBuilder landed = new NotifyBuilder(context).fromRoute("large-receiver").whenDone(1).create();
        long start = System.nanoTime();

        Files.move(staging, Files.createDirectories(dir.resolve("outbox")).resolve("huge.bin"));

        assertTrue(landed.matches(30, TimeUnit.MINUTES), "the file did not land");
        double seconds = (System.nanoTime() - start) / 1e9;
        Path received = dir.resolve("inbox").resolve("huge.bin");
        assertEquals(SIZE, Files.size(received));
        assertEquals(sentSha, Sha256Hex.of(received), "the bytes that landed are the bytes that left");
        try (Stream<Path> spool = Files.list(dir.resolve("spool"))) {
            assertEquals(0, spool.count(), "the spool file is gone once the exchange completed");
        }
        System.out.printf("PERFORMANCE large-file: %d MiB in %.1f s (%.0f MB/s end to end), max heap %d MB, "
                        + "peak heap used %d MB%n", SIZE >> 20, seconds, SIZE / 1e6 / seconds,
                Runtime.getRuntime().maxMemory() >> 20, peakHeapUsedMb());
    }

    private static String writeRandomFile(Path file, long size) throws Exception {
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(2);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return Sha256Hex.of(file);
    }
}
