package io.github.msghandler.camel;

import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.ServerExtension;
import io.github.msghandler.testsupport.Sha256Hex;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.nats.client.api.ConsumerInfo;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who answers JetStream, and when: the route with manualAck, and the consumer while a slow link downloads. */
class JetStreamAcksTest extends MsgHandlerTestSupport {
    private static final byte[] SLOW_FILE = new byte[100_000];
    @RegisterExtension
    static ServerExtension<FileTestServer> files = ServerExtension.of(FileTestServer::start);

    private final List<JetStreamAck> handles = new CopyOnWriteArrayList<>();
    private final AtomicInteger slowDeliveries = new AtomicInteger();

    @BeforeAll
    static void startFileServer() {
        new Random(5).nextBytes(SLOW_FILE);
        files.get().put("/slow.bin", SLOW_FILE);
        files.get().slow("/slow.bin", 10, 500);   // 5 s in all, more than twice the ackWait below
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("acks.manual", "jetstream=true&createStream=true&manualAck=true"))
                        .process(e -> handles.add(e.getMessage().getHeader(MsgHandlerConstants.ACK_HANDLE,
                                JetStreamAck.class)));
                // two pullers: a message JetStream took for lost would go to the idle one at once
                from(uri("acks.slow", "jetstream=true&createStream=true&ackWait=2000&concurrentConsumers=2"
                        + "&allowedLinkHosts=127.0.0.1&linkReadTimeout=3000"))
                        .process(e -> {
                            slowDeliveries.incrementAndGet();
                            assertEquals(SLOW_FILE.length, e.getMessage().getBody(byte[].class).length);
                        });
            }
        };
    }

    @Test
    void withManualAckTheRouteAnswersAndTheConsumerDoesNot() throws Exception {
        template.sendBody(uri("acks.manual", "jetstream=true"), "finish me later");

        ConsumerInfo pending = awaitConsumer("MSGHANDLER_acks_manual", "msghandler-acks_manual",
                info -> info.getDelivered().getConsumerSequence() == 1 && !handles.isEmpty());
        assertEquals(1, pending.getNumAckPending(), "the consumer left the answer to the route");
        assertEquals(1, handles.get(0).deliveryCount());

        handles.get(0).ack();
        ConsumerInfo done = awaitConsumer("MSGHANDLER_acks_manual", "msghandler-acks_manual",
                info -> info.getNumAckPending() == 0);
        assertEquals(0, done.getNumAckPending(), "the route's ack counted");
        assertEquals(1, handles.size(), "and nothing came again");
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aLinkThatTakesLongerThanAckWaitIsDeliveredOnce() throws Exception {
        String sha256 = Sha256Hex.of(SLOW_FILE);
        String envelope = "{\"msg_id\":\"slow-1\",\"payloads\":[{\"id\":\"p\",\"dataname\":\"slow.bin\","
                + "\"payload_type\":\"binary\",\"transport\":\"link\",\"encoding\":\"none\",\"size\":"
                + SLOW_FILE.length + ",\"data\":\"" + files.get().url() + "/slow.bin\",\"metadata\":{\"sha256\":\""
                + sha256 + "\"}}]}";
        nats.connection().jetStream().publish("acks.slow", envelope.getBytes(StandardCharsets.UTF_8));

        ConsumerInfo info = awaitConsumer("MSGHANDLER_acks_slow", "msghandler-acks_slow",
                i -> slowDeliveries.get() >= 1 && i.getNumAckPending() == 0);
        assertEquals(1, slowDeliveries.get(), "processed once");
        assertEquals(0, info.getRedelivered(), "JetStream never took it for lost");
        assertEquals(1, files.get().getCount(), "the file was fetched once");
    }

    /** Polls the consumer's info until the condition holds, for at most 30 s; returns the last info. */
    private static ConsumerInfo awaitConsumer(String stream, String consumer, Predicate<ConsumerInfo> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ConsumerInfo info = nats.connection().jetStreamManagement().getConsumerInfo(stream, consumer);
        while (!condition.test(info) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            info = nats.connection().jetStreamManagement().getConsumerInfo(stream, consumer);
        }
        assertTrue(condition.test(info), "the consumer did not get there: " + info);
        return info;
    }
}
