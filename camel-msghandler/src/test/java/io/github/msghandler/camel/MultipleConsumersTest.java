package io.github.msghandler.camel;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two routes consuming one msghandler URI in one CamelContext, as two subscriptions on one subject are in NATS. */
class MultipleConsumersTest extends MsgHandlerTestSupport {
    private static final int MESSAGES = 200;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String fanOut = uri("multi.fanout");
                String queue = uri("multi.queue", "queueName=workers");
                String durable = uri("multi.durable", "jetstream=true&createStream=true&durableName=shared"
                        + "&fetchBatchSize=10");
                from(fanOut).routeId("fanout-a").to("mock:fanout-a");
                from(fanOut).routeId("fanout-b").to("mock:fanout-b");
                from(queue).routeId("queue-a").to("mock:queue-a");
                from(queue).routeId("queue-b").to("mock:queue-b");
                // a little work per message, so that neither route can take the whole flow before the other asks
                from(durable).routeId("durable-a").delay(2).to("mock:durable-a");
                from(durable).routeId("durable-b").delay(2).to("mock:durable-b");
            }
        };
    }

    @Test
    @Timeout(60)
    void onCoreNatsEachRouteGetsEveryMessage() throws Exception {
        Set<String> sent = send(uri("multi.fanout", "confirmPublish=true"));
        for (String route : List.of("mock:fanout-a", "mock:fanout-b")) {
            MockEndpoint mock = getMockEndpoint(route);
            mock.expectedMessageCount(MESSAGES);
            mock.assertIsSatisfied(20_000);
            assertEquals(sent, bodies(mock.getReceivedExchanges()), route);
        }
    }

    @Test
    @Timeout(60)
    void withAQueueNameTheRoutesShareTheMessages() throws Exception {
        Set<String> sent = send(uri("multi.queue", "confirmPublish=true"));
        assertSharedOnce(sent, "mock:queue-a", "mock:queue-b");
    }

    @Test
    @Timeout(60)
    void onOneDurableJetStreamConsumerTheRoutesShareTheWork() throws Exception {
        Set<String> sent = send(uri("multi.durable", "jetstream=true"));
        assertSharedOnce(sent, "mock:durable-a", "mock:durable-b");
    }

    private Set<String> send(String uri) {
        Set<String> sent = new TreeSet<>();
        IntStream.range(0, MESSAGES).mapToObj(i -> "message " + i).forEach(body -> {
            template.sendBody(uri, body);
            sent.add(body);
        });
        return sent;
    }

    /** Every message arrived once in one of the two routes, and both took part. */
    private void assertSharedOnce(Set<String> sent, String first, String second) throws Exception {
        MockEndpoint a = getMockEndpoint(first);
        MockEndpoint b = getMockEndpoint(second);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (a.getReceivedCounter() + b.getReceivedCounter() < MESSAGES && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);   // a duplicate would arrive within this time
        List<Exchange> all = new ArrayList<>(a.getReceivedExchanges());
        all.addAll(b.getReceivedExchanges());
        assertEquals(MESSAGES, all.size(), "each message once: " + a.getReceivedCounter() + " + "
                + b.getReceivedCounter());
        assertEquals(sent, bodies(all));
        assertTrue(a.getReceivedCounter() > 0 && b.getReceivedCounter() > 0,
                "both routes took part: " + a.getReceivedCounter() + " + " + b.getReceivedCounter());
    }

    private static Set<String> bodies(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getBody(String.class))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
