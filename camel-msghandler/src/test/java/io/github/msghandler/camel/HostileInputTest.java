package io.github.msghandler.camel;

import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.MsgHandlerException;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 10,000 malformed envelopes (generator {@link MalformedEnvelopes}, fixed seed) sent to a live consumer route in
 * batches of 1,000, each batch followed by a good message: every bad one fails only its own exchange and reaches
 * the dead letter channel with a typed exception, the consumer keeps going, every good message arrives. Surefire
 * runs this class in its own JVM with -Xmx256m.
 */
class HostileInputTest extends MsgHandlerTestSupport {
    private static final long SEED = 20261124L;
    private static final int BATCHES = 10;
    private static final int BATCH_SIZE = 1_000;

    @RegisterExtension
    static ServerExtension<FileTestServer> files = ServerExtension.of(FileTestServer::start);

    private final AtomicInteger good = new AtomicInteger();
    private final AtomicInteger dead = new AtomicInteger();
    private final List<String> untyped = new CopyOnWriteArrayList<>();
    private final List<String> invalidWithoutField = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> exceptionKinds = new ConcurrentHashMap<>();

    @BeforeAll
    static void startFileServer() {
        files.get().put("/oversize", new byte[100]);   // 100 bytes behind a link that declares 10
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead").disableRedelivery());
                from(uri("hostile.in", "maxRetries=1")).routeId("hostile").process(e -> good.incrementAndGet());
                from("direct:dead").process(this::recordDeadLetter);
            }

            private void recordDeadLetter(Exchange exchange) {
                dead.incrementAndGet();
                Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                exceptionKinds.computeIfAbsent(cause.getClass().getSimpleName(), k -> new AtomicInteger())
                        .incrementAndGet();
                if (!(cause instanceof MsgHandlerException)) {
                    untyped.add(cause.toString());
                } else if (cause instanceof InvalidEnvelopeException
                        && ((InvalidEnvelopeException) cause).field().isEmpty()) {
                    invalidWithoutField.add(cause.getMessage());
                }
            }
        };
    }

    @Test
    void tenThousandMalformedEnvelopesEachFailAloneWhileGoodOnesFlow() throws Exception {
        MalformedEnvelopes generator = new MalformedEnvelopes(SEED, files.get().url() + "/oversize");
        Map<String, Integer> sentKinds = new TreeMap<>();
        long start = System.nanoTime();
        for (int batch = 1; batch <= BATCHES; batch++) {
            for (int i = 0; i < BATCH_SIZE; i++) {
                MalformedEnvelopes.Sample sample = generator.next();
                sentKinds.merge(sample.kind(), 1, Integer::sum);
                nats.connection().publish("hostile.in", sample.body());
                if (i % 100 == 0) {
                    nats.connection().flush(Duration.ofSeconds(10));
                }
            }
            // the server has every bad envelope before the good one, which comes on another connection
            nats.connection().flush(Duration.ofSeconds(10));
            template.sendBody(uri("hostile.in"), "good message after batch " + batch);
            // the consumer's threads may finish the good message before the last bad ones
            awaitAtLeast(good, batch, Duration.ofSeconds(60));
            awaitAtLeast(dead, batch * BATCH_SIZE, Duration.ofSeconds(60));
            assertEquals(batch, good.get(), "the good message of batch " + batch + " arrived");
            assertEquals(batch * BATCH_SIZE, dead.get(), "every bad envelope so far reached the dead letter channel");
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("RELIABILITY hostile-input: sent=%d dead-lettered=%d good=%d/%d untyped=%d seconds=%.1f "
                        + "max-heap=%d MB peak-heap-used=%d MB%nRELIABILITY hostile-input kinds sent: %s%n"
                        + "RELIABILITY hostile-input exceptions: %s%n", BATCHES * BATCH_SIZE, dead.get(), good.get(),
                BATCHES, untyped.size(), seconds, Runtime.getRuntime().maxMemory() >> 20, peakHeapUsedMb(),
                sentKinds, new TreeMap<>(exceptionKinds));
        assertEquals(List.of(), untyped, "every failure is a typed msghandler exception");
        assertEquals(List.of(), invalidWithoutField, "every invalid-envelope error names its field");
    }

    private static void awaitAtLeast(AtomicInteger counter, int value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() < value && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
