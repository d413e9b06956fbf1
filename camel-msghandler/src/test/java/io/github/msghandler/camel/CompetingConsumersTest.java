package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsTestCluster;
import io.github.msghandler.testsupport.ServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three CamelContexts compete for one flow on a real 3-node NATS cluster: on one durable JetStream consumer, on
 * one core NATS queue group, and on a durable consumer while one of them loses its connection mid-flow.
 */
class CompetingConsumersTest {
    private static final int MESSAGES = 1_500;
    private static final int MEMBERS = 3;

    @RegisterExtension
    static ServerExtension<NatsTestCluster> cluster = ServerExtension.of(() -> NatsTestCluster.start(3));

    /** What the members processed: per body, how often, and per member, how many. */
    private static final class Tally {
        final Map<String, AtomicInteger> perBody = new ConcurrentHashMap<>();
        final List<AtomicInteger> perMember = new ArrayList<>();

        Tally() {
            for (int i = 0; i < MEMBERS; i++) {
                perMember.add(new AtomicInteger());
            }
        }

        void processed(int member, String body) {
            perBody.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
            perMember.get(member).incrementAndGet();
        }

        int duplicates() {
            return perBody.values().stream().mapToInt(count -> count.get() - 1).sum();
        }

        List<Integer> spread() {
            return perMember.stream().map(AtomicInteger::get).toList();
        }
    }

    private static String clusterUri(String subject, String options) {
        return "msghandler:" + subject + "?servers=" + cluster.get().urls() + "&maxReconnects=-1&reconnectWait=200&"
                + options;
    }

    /** A CamelContext whose route consumes {@code uri} and records what it processed. */
    private static CamelContext member(int index, String uri, Tally tally, long pauseMillis) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                    tally.processed(index, e.getMessage().getBody(String.class));
                });
            }
        });
        camel.start();
        return camel;
    }

    /** Sends "job from" to "job to - 1", each after the previous one's exchange completed. */
    private static Set<String> send(String uri, int from, int to) throws Exception {
        Set<String> sent = new TreeSet<>();
        try (CamelContext sender = new DefaultCamelContext()) {
            sender.start();
            try (ProducerTemplate template = sender.createProducerTemplate()) {
                for (int i = from; i < to; i++) {
                    String body = "job " + i;
                    template.sendBody(uri, body);
                    sent.add(body);
                }
            }
        }
        return sent;
    }

    /** The three competing CamelContexts; closing closes them all. */
    private record Members(List<CamelContext> contexts) implements AutoCloseable {
        static Members start(String uri, Tally tally, long pauseMillis) throws Exception {
            Members members = new Members(new ArrayList<>());
            try {
                for (int i = 0; i < MEMBERS; i++) {
                    members.contexts.add(member(i, uri, tally, pauseMillis));
                }
                return members;
            } catch (Exception e) {
                members.close();
                throw e;
            }
        }

        @Override
        public void close() {
            contexts.forEach(CamelContext::stop);
        }
    }

    /** Three members share a flow: every message arrives, each is processed once, each member takes part. */
    private static void assertEachMessageProcessedOnce(String label, String consumer, String producer,
                                                       long pauseMillis) throws Exception {
        Tally tally = new Tally();
        try (Members members = Members.start(consumer, tally, pauseMillis)) {
            Set<String> sent = send(producer, 0, MESSAGES);
            Set<String> missing = MsgHandlerTestSupport.missingAfterWaiting(sent, tally.perBody.keySet(),
                    Duration.ofMinutes(1));
            System.out.printf("RELIABILITY %s: sent=%d lost=%d duplicates=%d spread=%s%n", label, MESSAGES,
                    missing.size(), tally.duplicates(), tally.spread());
            assertEquals(Set.of(), missing);
            assertEquals(0, tally.duplicates(), "each message processed once between the three");
            tally.spread().forEach(share -> assertTrue(share > 0, "every member took part: " + tally.spread()));
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void threeContextsOnOneDurableConsumerProcessEveryMessageOnce() throws Exception {
        assertEachMessageProcessedOnce("cluster-competing-jetstream",
                clusterUri("compete.durable", "jetstream=true&createStream=true&streamReplicas=3"
                        + "&durableName=shared&fetchBatchSize=10"),
                clusterUri("compete.durable", "jetstream=true"), 1);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void threeContextsInOneQueueGroupProcessEveryMessageOnce() throws Exception {
        // confirmed sends: the sender goes no faster than the cluster takes the messages, so nobody overflows
        assertEachMessageProcessedOnce("cluster-competing-queue-group",
                clusterUri("compete.queue", "queueName=workers"),
                clusterUri("compete.queue", "confirmPublish=true"), 0);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void messagesOfAMemberThatDiesMidFlowAreRedeliveredToTheOthers() throws Exception {
        Tally tally = new Tally();
        String consumer = clusterUri("compete.abrupt", "jetstream=true&createStream=true&streamReplicas=3"
                + "&durableName=abrupt&fetchBatchSize=20&ackWait=2000");
        // each message takes a while, so the dying member holds fetched, unacknowledged messages
        try (Members members = Members.start(consumer, tally, 5)) {
            String producer = clusterUri("compete.abrupt", "jetstream=true");
            Set<String> sent = new TreeSet<>(send(producer, 0, MESSAGES / 3));
            // no graceful stop: the member's connection is gone under it, its acks can no longer reach JetStream
            members.contexts().get(2).getEndpoint(consumer, MsgHandlerEndpoint.class).connection().close();
            sent.addAll(send(producer, MESSAGES / 3, MESSAGES));
            Set<String> missing = MsgHandlerTestSupport.missingAfterWaiting(sent, tally.perBody.keySet(),
                    Duration.ofMinutes(1));
            System.out.printf("RELIABILITY cluster-member-dies: sent=%d lost=%d redelivered-and-processed-again=%d "
                    + "spread=%s%n", MESSAGES, missing.size(), tally.duplicates(), tally.spread());
            assertEquals(Set.of(), missing, "what the dead member had not acked went to the others");
        }
    }
}
