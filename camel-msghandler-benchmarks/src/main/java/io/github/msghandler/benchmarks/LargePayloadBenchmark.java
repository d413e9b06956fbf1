package io.github.msghandler.benchmarks;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.ObjectStore;
import io.nats.client.api.ObjectMeta;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Case 3: one large binary payload from a producer to a consumer, end to end (the consumer reads every byte): by
 * link through the JetStream Object Store and through a plain HTTP file server, against a raw jnats Object Store
 * put followed by a get of the same bytes. camel-nats is asked to send it too, and its error is recorded. A smaller
 * payload through the same msghandler route shows whether peak heap grows with the payload.
 */
final class LargePayloadBenchmark implements BenchmarkCase {
    private static final String CASE = "3. large payload by link, end to end";
    private static final int MB = 1024 * 1024;

    private final String brokerUrl;
    private final int megabytes;
    private final Path workDirectory;

    LargePayloadBenchmark(String brokerUrl, int megabytes, Path workDirectory) {
        this.brokerUrl = brokerUrl;
        this.megabytes = megabytes;
        this.workDirectory = workDirectory;
    }

    @Override
    public String key() {
        return "large";
    }

    @Override
    public List<Row> run() throws Exception {
        Path payload = randomFile("payload-" + megabytes + "mb.bin", megabytes);
        Path small = randomFile("payload-" + (megabytes / 10) + "mb.bin", megabytes / 10);
        Row raw = rawObjectStore(payload);
        Row smallRaw = rawObjectStore(small);
        Row objectStore = msghandler("msghandler, objectstore store, " + megabytes + " MB", payload,
                "msghandler:bench.large.os?brokerUrl=" + brokerUrl);
        Row smallObjectStore = msghandler("msghandler, objectstore store, " + megabytes / 10 + " MB", small,
                "msghandler:bench.large.small?brokerUrl=" + brokerUrl);
        Row http;
        try (StreamingFileServer files = new StreamingFileServer(Files.createDirectories(workDirectory.resolve("http")))) {
            http = msghandler("msghandler, http store, " + megabytes + " MB", payload,
                    "msghandler:bench.large.http?brokerUrl=" + brokerUrl + "&store=http&fileserverUrl=" + files.url());
        }
        Row camelNats = camelNats(payload);
        objectStore.target(raw, 0.9);
        smallObjectStore.target(smallRaw, 0.9);
        http.ratioTo(raw);
        return List.of(raw, objectStore, smallRaw, smallObjectStore, http, camelNats);
    }

    private Path randomFile(String name, int sizeMegabytes) throws IOException {
        Path file = workDirectory.resolve(name);
        if (Files.exists(file) && Files.size(file) == (long) sizeMegabytes * MB) {
            return file;
        }
        Random random = new Random(42);
        byte[] block = new byte[MB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < sizeMegabytes; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }

    private Row rawObjectStore(Path payload) throws Exception {
        try (Connection connection = Nats.connect(brokerUrl)) {
            if (!connection.objectStoreManagement().getBucketNames().contains("bench-raw")) {
                connection.objectStoreManagement().create(ObjectStoreConfiguration.builder("bench-raw")
                        .storageType(StorageType.File).build());
            }
            ObjectStore store = connection.objectStore("bench-raw");
            Timing timing = new Timing(payload);
            for (int round = 0; round <= timing.rounds; round++) {   // round 0 warms up
                try (HeapSampler heap = HeapSampler.start()) {
                    long start = System.nanoTime();
                    String name = payload.getFileName() + "-" + round;
                    try (InputStream in = Files.newInputStream(payload)) {
                        store.put(ObjectMeta.objectName(name), in);
                    }
                    CountingOutputStream sink = new CountingOutputStream();
                    store.get(name, sink);
                    timing.add(round, start, sink.count, heap);
                }
            }
            return timing.row("raw jnats Object Store put + get, " + Files.size(payload) / MB + " MB");
        }
    }

    private Row msghandler(String name, Path payload, String uri) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        AtomicReference<CompletableFuture<Long>> received = new AtomicReference<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                        received.get().complete(in.transferTo(OutputStream.nullOutputStream()));
                    }
                });
            }
        });
        camel.start();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            Timing timing = new Timing(payload);
            for (int round = 0; round <= timing.rounds; round++) {   // round 0 warms up
                received.set(new CompletableFuture<>());
                try (HeapSampler heap = HeapSampler.start()) {
                    long start = System.nanoTime();
                    template.sendBody(uri, payload);
                    long count = received.get().get(10, TimeUnit.MINUTES);
                    timing.add(round, start, count, heap);
                }
            }
            return timing.row(name);
        } finally {
            camel.stop();
        }
    }

    private Row camelNats(Path payload) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        String error;
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            template.sendBody("nats:bench.large.cn?servers=" + brokerUrl.replace("nats://", ""),
                    Files.readAllBytes(payload));
            error = "none: the send succeeded";
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } finally {
            camel.stop();
        }
        return new Row(CASE, "camel-nats route pair", 0, "MB/s")
                .figure("megabytes", megabytes)
                .figure("error", error);
    }

    /**
     * The timed rounds of one implementation: enough that each figure covers at least 200 MB (two rounds of 100 MB,
     * twenty of 10 MB), since a single 10 MB transfer takes a tenth of a second and the machine is noisy: with five
     * rounds of 10 MB the ratio moved between 0.79x and 0.94x from one run to the next.
     */
    private final class Timing {
        private final Path payload;
        private final long size;
        private final int rounds;
        private double seconds;
        private long peakHeapMb;

        Timing(Path payload) throws IOException {
            this.payload = payload;
            this.size = Files.size(payload);
            this.rounds = (int) Math.max(1, 200L * MB / size);
        }

        void add(int round, long start, long received, HeapSampler heap) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (received != size) {
                throw new IllegalStateException(payload + " delivered " + received + " of " + size + " bytes");
            }
            if (round > 0) {
                seconds += elapsed;
                peakHeapMb = Math.max(peakHeapMb, heap.peakMegabytes());
            }
        }

        Row row(String name) {
            return new Row(CASE, name, Math.round(size * rounds / (double) MB / seconds * 10) / 10.0, "MB/s")
                    .figure("megabytes", size / MB)
                    .figure("rounds", rounds)
                    .figure("seconds", Math.round(seconds * 100) / 100.0)
                    .figure("peakHeapMb", peakHeapMb);
        }
    }

    /** Counts what it is given and keeps none of it. */
    private static final class CountingOutputStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
