package io.github.msghandler.camel;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent consumers (four threads by default, one keeps the order), queue groups, and one shared connection per
 * set of connection options.
 */
class ConsumersAndConnectionsTest extends MsgHandlerTestSupport {
    private final Set<String> workerThreads = ConcurrentHashMap.newKeySet();
    private final CountDownLatch fourInTheRoute =
            new CountDownLatch(MsgHandlerConfiguration.DEFAULT_CORE_CONSUMER_THREADS);
    private final AtomicInteger inTheRoute = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("work.parallel", "concurrentConsumers=3"))
                        .process(exchange -> {
                            workerThreads.add(Thread.currentThread().getName());
                            Thread.sleep(20); // long enough for the workers to overlap
                        })
                        .to("mock:parallel");
                from(uri("work.default")).process(exchange -> {
                    mostAtOnce.accumulateAndGet(inTheRoute.incrementAndGet(), Math::max);
                    fourInTheRoute.countDown();
                    // the first four wait here for each other: only four threads get them all in at once
                    exchange.getMessage().setHeader("together", fourInTheRoute.await(10, TimeUnit.SECONDS));
                    Thread.sleep(5);
                    inTheRoute.decrementAndGet();
                }).to("mock:default");
                from(uri("work.ordered", "concurrentConsumers=1")).to("mock:ordered");
                // two members of one queue group, as two processes would be (distinct endpoints in one context)
                from(uri("work.shared", "queueName=workers&connectionName=member-a")).to("mock:shared");
                from(uri("work.shared", "queueName=workers&connectionName=member-b")).to("mock:shared");
            }
        };
    }

    @Test
    void concurrentConsumersProcessEveryMessage() throws Exception {
        MockEndpoint parallel = getMockEndpoint("mock:parallel");
        parallel.expectedMessageCount(60);

        IntStream.range(0, 60).forEach(i -> template.sendBody(uri("work.parallel", ""), "job " + i));

        parallel.assertIsSatisfied(20_000);
        Set<String> bodies = new HashSet<>();
        parallel.getReceivedExchanges().forEach(e -> bodies.add(e.getMessage().getBody(String.class)));
        assertEquals(60, bodies.size(), "every job once");
        assertTrue(workerThreads.size() > 1, "processed on several threads: " + workerThreads);
    }

    @Test
    void byDefaultACoreConsumerProcessesOnFourThreads() throws Exception {
        MockEndpoint routed = getMockEndpoint("mock:default");
        routed.expectedMessageCount(40);

        IntStream.range(0, 40).forEach(i -> template.sendBody(uri("work.default"), "job " + i));

        routed.assertIsSatisfied(20_000);
        assertTrue(routed.getReceivedExchanges().get(0).getMessage().getHeader("together", Boolean.class),
                "four messages were in the route at once");
        assertEquals(MsgHandlerConfiguration.DEFAULT_CORE_CONSUMER_THREADS, mostAtOnce.get());
    }

    @Test
    void oneConsumerThreadKeepsTheOrderOfArrival() throws Exception {
        MockEndpoint ordered = getMockEndpoint("mock:ordered");
        List<String> bodies = IntStream.range(0, 300).mapToObj(i -> "message " + i).toList();
        ordered.expectedBodiesReceived(bodies);

        bodies.forEach(body -> template.sendBody(uri("work.ordered"), body));

        ordered.assertIsSatisfied(20_000);
    }

    @Test
    void queueGroupDeliversEachMessageToOneMemberOnly() throws Exception {
        MockEndpoint shared = getMockEndpoint("mock:shared");
        shared.expectedMessageCount(20);

        IntStream.range(0, 20).forEach(i -> template.sendBody(uri("work.shared", ""), "task " + i));

        shared.assertIsSatisfied(10_000);
        Thread.sleep(300); // a duplicate would arrive within this time
        assertEquals(20, shared.getReceivedCounter());
        Set<String> bodies = new HashSet<>();
        shared.getReceivedExchanges().forEach(e -> bodies.add(e.getMessage().getBody(String.class)));
        assertEquals(20, bodies.size());
    }

    @Test
    void endpointsWithTheSameConnectionOptionsShareOneConnection() throws Exception {
        // a connection name of their own, so the routes' endpoints do not share their connection
        MsgHandlerEndpoint first = context.getEndpoint(uri("share.a", "connectionName=pair"), MsgHandlerEndpoint.class);
        MsgHandlerEndpoint second = context.getEndpoint(uri("share.b", "connectionName=pair&sizeThreshold=10"),
                MsgHandlerEndpoint.class);
        MsgHandlerEndpoint other = context.getEndpoint(uri("share.c", "connectionName=other"),
                MsgHandlerEndpoint.class);
        for (MsgHandlerEndpoint endpoint : List.of(first, second, other)) {
            endpoint.start();
        }

        assertSame(first.connection(), second.connection());
        assertNotSame(first.connection(), other.connection());

        io.nats.client.Connection otherConnection = other.connection();
        other.stop();
        assertEquals(io.nats.client.Connection.Status.CLOSED, otherConnection.getStatus(),
                "the last endpoint using a connection closes it");
        io.nats.client.Connection shared = first.connection();
        first.stop();
        assertEquals(io.nats.client.Connection.Status.CONNECTED, shared.getStatus(), "still used by the second");
        second.stop();
        assertEquals(io.nats.client.Connection.Status.CLOSED, shared.getStatus());
    }

    @Test
    void connectionBeanIsUsedAsItIsAndNeverClosedByTheComponent() throws Exception {
        try (io.nats.client.Connection own = nats.connect()) {
            context.getRegistry().bind("myConnection", own);
            MsgHandlerEndpoint endpoint = context.getEndpoint("msghandler:bean.subject?connection=#myConnection",
                    MsgHandlerEndpoint.class);
            endpoint.start();

            assertSame(own, endpoint.connection());
            endpoint.stop();
            assertEquals(io.nats.client.Connection.Status.CONNECTED, own.getStatus());
        }
    }
}
