package io.github.msghandler.camel;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads share one producer with default options (confirmed publishes) while a route in the same
 * CamelContext consumes: every send either completes and arrives or fails loudly, and the shared confirmations keep
 * the connection healthy (no reconnect, which jnats's flush caused here every few ms).
 */
class ConcurrentConfirmedSendsTest extends MsgHandlerTestSupport {
    private static final int SENDERS = 8;
    private static final int SENDS_PER_SENDER = 12_500;
    private static final String PADDING = "x".repeat(1000);

    private final Set<String> received = ConcurrentHashMap.newKeySet();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri("load.confirmed", "confirmPublish=true"));
                // after a confirmed send the route goes on, and here sends again synchronously on the same connection
                from("direct:chain").to(uri("chain.first", "confirmPublish=true"))
                        .process(e -> e.getMessage().setHeader("second",
                                template.send(uri("chain.second", "confirmPublish=true"),
                                        x -> x.getMessage().setBody("second"))
                                        .getException()));
                // two threads: on a shared 2-core machine one may fall behind eight senders for a while
                from(uri("load.confirmed", "concurrentConsumers=2")).routeId("load-consumer")
                        .process(e -> received.add(idOf(e.getMessage().getBody(String.class))));
            }
        };
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aRouteContinuingAfterAConfirmedSendCanSendSynchronouslyAgain() {
        long start = System.nanoTime();
        Exchange result = template.send("direct:chain", e -> e.getMessage().setBody("first"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(null, result.getException());
        assertEquals(null, result.getMessage().getHeader("second"), "the inner send was confirmed");
        assertTrue(millis < 4_000, "not held until the 5 s confirm timeout: " + millis + " ms");
    }

    private static String idOf(String body) {
        return body.substring(0, body.length() - PADDING.length());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyConfirmedSendArrivesOrFailsLoudlyWithoutAReconnect() throws Exception {
        MsgHandlerEndpoint endpoint = context.getEndpoint(uri("load.confirmed", "confirmPublish=true"),
                MsgHandlerEndpoint.class);
        Connection connection = endpoint.connection();
        List<ConnectionListener.Events> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConnectionListener listener = (conn, event) -> events.add(event);
        connection.addConnectionListener(listener);
        long reconnectsBefore = connection.getStatistics().getReconnects();

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            done.add(senders.submit(() -> {
                for (int i = 0; i < SENDS_PER_SENDER; i++) {
                    String id = String.format("s%d-%08d", sender, i);
                    Exchange result = template.send("direct:send", e -> e.getMessage().setBody(id + PADDING));
                    if (result.getException() == null) {
                        confirmed.add(id);
                    } else {
                        failed.incrementAndGet();
                        if (failures.size() < 5) {
                            failures.add(result.getException().toString());
                        }
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        Set<String> silentlyLost = missingAfterWaiting(confirmed, received, Duration.ofSeconds(60));
        connection.removeConnectionListener(listener);

        long reconnects = connection.getStatistics().getReconnects() - reconnectsBefore;
        System.out.printf("RELIABILITY confirmed-8-senders: sent=%d confirmed=%d failed=%d received=%d "
                        + "silently-lost=%d reconnects=%d connection-events=%s send-seconds=%.1f rate=%.0f/s%n",
                SENDERS * SENDS_PER_SENDER, confirmed.size(), failed.get(), received.size(), silentlyLost.size(),
                reconnects, events, sendSeconds, SENDERS * SENDS_PER_SENDER / sendSeconds);
        assertEquals(SENDERS * SENDS_PER_SENDER, confirmed.size() + failed.get());
        assertTrue(silentlyLost.isEmpty(), "confirmed but never arrived: " + silentlyLost.size());
        assertEquals(0, reconnects, "reconnects during the run");
        assertTrue(events.isEmpty(), "connection events during the run: " + events);
        assertEquals(0, failed.get(), "with a healthy connection no send fails: " + failures);
    }
}
