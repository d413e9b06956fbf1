package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsTestCluster;
import io.github.msghandler.testsupport.ServerExtension;
import io.github.msghandler.testsupport.Sha256Hex;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JetStream flow through a real 3-node NATS cluster, with an R3 stream and an R3 Object Store bucket, while the
 * node that leads the stream is killed with SIGKILL and restarted, and then the node the component is connected to:
 * nothing is lost, each msg id is processed once (JetStream de-duplication plus Camel's idempotent consumer), and
 * every payload that went by link arrives byte for byte.
 */
class ClusterFailoverTest extends CamelTestSupport {
    private static final int MESSAGES = 10_000;
    /** Every this many messages one carries a 1 MB binary, which goes by link into the R3 bucket (1 GB in all). */
    private static final int LINK_EVERY = 10;
    private static final int MB = 1024 * 1024;
    private static final String STREAM = "MSGHANDLER_cluster_orders";

    @RegisterExtension
    static ServerExtension<NatsTestCluster> cluster = ServerExtension.of(() -> NatsTestCluster.start(3));

    private final Map<String, String> processed = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger processings = new AtomicInteger();

    private static String clusterUri(String options) {
        return "msghandler:cluster.orders?servers=" + cluster.get().urls() + "&jetstream=true&maxReconnects=-1"
                + "&reconnectWait=200&bucket=cluster-links&bucketReplicas=3&" + options;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("cluster-publisher")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(200)
                                .retryAttemptedLogLevel(LoggingLevel.DEBUG).logRetryAttempted(false))
                        .to(clusterUri("confirmTimeout=3000"));
                from(clusterUri("createStream=true&streamReplicas=3&ackWait=10000&nakDelay=200&fetchBatchSize=100"))
                        .routeId("cluster-consumer")
                        .process(e -> deliveries.incrementAndGet())
                        .idempotentConsumer(header(MsgHandlerConstants.MSG_ID),
                                MemoryIdempotentRepository.memoryIdempotentRepository(2 * MESSAGES))
                        .process(e -> {
                            processings.incrementAndGet();
                            String name = e.getMessage().getHeader(MsgHandlerConstants.DATA_NAME, String.class);
                            processed.put(name, Sha256Hex.of(e.getMessage().getBody(byte[].class)));
                        });
            }
        };
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nothingIsLostWhenTheStreamLeaderAndThenTheConnectedNodeAreKilled() throws Exception {
        Map<String, String> sent = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        double leaderFailover = 0;
        double connectedFailover = 0;
        for (int i = 0; i < MESSAGES; i++) {
            Integer killed = null;
            if (i == MESSAGES / 3) {
                killed = cluster.get().streamLeader(STREAM);
            } else if (i == 2 * MESSAGES / 3) {
                killed = cluster.get().indexOfUrl(context.getEndpoint(clusterUri("confirmTimeout=3000"),
                        MsgHandlerEndpoint.class).connection().getConnectedUrl());
            }
            if (killed != null) {
                cluster.get().kill(killed);
                int node = killed;
                new Thread(() -> {
                    sleep(Duration.ofSeconds(2));
                    cluster.get().restart(node);
                }).start();
            }
            long sendStart = System.nanoTime();
            byte[] body = i % LINK_EVERY == 0 ? bytes(i) : ("order " + i).getBytes();
            String name = "order-" + i + (i % LINK_EVERY == 0 ? ".bin" : ".txt");
            sent.put(name, Sha256Hex.of(body));
            template.sendBodyAndHeader("direct:send", body, MsgHandlerConstants.DATA_NAME, name);
            if (killed != null) {
                double seconds = (System.nanoTime() - sendStart) / 1e9;
                if (i == MESSAGES / 3) {
                    leaderFailover = seconds;
                } else {
                    connectedFailover = seconds;
                }
            }
        }
        Set<String> missing = MsgHandlerTestSupport.missingAfterWaiting(sent.keySet(), processed.keySet(),
                Duration.ofMinutes(2));
        System.out.printf("RELIABILITY cluster-failover: sent=%d received=%d lost=%d deliveries=%d "
                        + "duplicates-filtered=%d first-send-after-leader-kill=%.2fs "
                        + "first-send-after-connected-node-kill=%.2fs seconds=%.1f%n", MESSAGES, processed.size(),
                missing.size(), deliveries.get(), deliveries.get() - processings.get(), leaderFailover,
                connectedFailover, (System.nanoTime() - start) / 1e9);
        assertEquals(Set.of(), missing, "every message arrived");
        assertEquals(MESSAGES, processings.get(), "each msg id was processed once");
        assertEquals(sent, processed, "every payload arrived byte for byte");
    }

    private static byte[] bytes(int seed) {
        byte[] bytes = new byte[MB];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }



    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
