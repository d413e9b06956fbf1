package io.github.msghandler.camel;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer completes exchanges from the server's answer without holding the sending thread: requests from
 * one thread are all in flight at once, and JetStream publishes complete from their own acks through a bounded
 * window.
 */
class AsyncProducerTest extends MsgHandlerTestSupport {
    private static final int IN_FLIGHT = 20;
    private static final int JETSTREAM_SENDS = 2_000;

    private final CountDownLatch allRequestsInside = new CountDownLatch(IN_FLIGHT);
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // each request waits here until all of them have arrived: only requests sent without waiting
                // for the previous reply can get in together
                from(uri("async.responder", "concurrentConsumers=" + IN_FLIGHT))
                        .process(e -> {
                            allRequestsInside.countDown();
                            allRequestsInside.await(20, TimeUnit.SECONDS);
                            e.getMessage().setBody("echo " + e.getMessage().getBody(String.class));
                        });
                from(uri("async.echo")).setBody(simple("echo ${body}"));
                from(uri("async.js", "jetstream=true&createStream=true"))
                        .process(e -> stored.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    @Test
    void requestsFromOneThreadAreAllInFlightAtOnceAndEachGetsItsOwnReply() throws Exception {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        template.setExecutorService(oneThread);
        try {
            List<Future<Object>> replies = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                replies.add(template.asyncRequestBody(uri("async.responder", "requestTimeout=30000"), "r" + i));
            }
            for (int i = 0; i < IN_FLIGHT; i++) {
                assertEquals("echo r" + i, template.extractFutureBody(replies.get(i), 30, TimeUnit.SECONDS,
                        String.class));
            }
            assertEquals(0, allRequestsInside.getCount(), "all requests were in the responder together");
        } finally {
            oneThread.shutdownNow();
        }
    }

    /**
     * Exchanges continue on the producer's reply threads. Here more continuations than there are reply threads each
     * wait there for another reply of the same producer: that reply must come to a thread that is not waiting, or
     * every one of them times out.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aContinuationWaitingForAnotherReplyOfTheSameProducerGetsIt() throws Exception {
        Endpoint echo = context.getEndpoint(uri("async.echo", "requestTimeout=5000"));
        AsyncProducer producer = echo.createAsyncProducer();
        producer.start();
        try {
            int outer = 2 * MsgHandlerConfiguration.DEFAULT_CORE_CONSUMER_THREADS;
            List<String> nestedReplies = new CopyOnWriteArrayList<>();
            CountDownLatch allDone = new CountDownLatch(outer);
            for (int i = 0; i < outer; i++) {
                Exchange exchange = echo.createExchange(ExchangePattern.InOut);
                exchange.getMessage().setBody("outer " + i);
                producer.process(exchange, doneSync -> {
                    Exchange nested = echo.createExchange(ExchangePattern.InOut);
                    nested.getMessage().setBody("nested");
                    try {
                        producer.process(nested);   // waits on the thread the outer reply continued on
                    } catch (Exception e) {
                        nested.setException(e);
                    }
                    nestedReplies.add(nested.getException() == null ? nested.getMessage().getBody(String.class)
                            : nested.getException().toString());
                    allDone.countDown();
                });
            }
            assertTrue(allDone.await(45, TimeUnit.SECONDS), "every continuation ended");
            assertEquals(Collections.nCopies(outer, "echo nested"), nestedReplies);
        } finally {
            producer.stop();
        }
    }

    @Test
    void aRequestThatGetsNoReplyTimesOutOnTime() throws Exception {
        nats.connection().subscribe("async.silent");   // takes requests, never answers
        nats.connection().flush(Duration.ofSeconds(5));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri("async.silent", "requestTimeout=300"), "hello?"));
        assertEquals(300, assertInstanceOf(ExchangeTimedOutException.class, e.getCause()).getTimeout());
    }

    @Test
    void jetStreamPublishesCompleteFromTheirOwnAcksThroughABoundedWindow() throws Exception {
        List<Future<Object>> sends = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < JETSTREAM_SENDS; i++) {
            String body = "js " + i;
            sent.add(body);
            sends.add(template.asyncSendBody(uri("async.js", "jetstream=true&maxPendingAcks=8"), body));
        }
        for (Future<Object> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("a JetStream publish failed", e.getCause());
            }
        }
        assertEquals(Set.of(), missingAfterWaiting(sent, stored, Duration.ofSeconds(30)));
        assertEquals(JETSTREAM_SENDS, nats.connection().jetStreamManagement()
                .getStreamInfo("MSGHANDLER_async_js").getStreamState().getMsgCount());
    }
}
