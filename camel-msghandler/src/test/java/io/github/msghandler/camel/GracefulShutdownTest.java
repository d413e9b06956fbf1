package io.github.msghandler.camel;

import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.Payload;
import io.nats.client.api.ConsumerInfo;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping a consumer lets the exchanges already delivered to it finish, and JetStream ones are acked first. */
class GracefulShutdownTest extends MsgHandlerTestSupport {
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstStarted = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("shutdown.js", "jetstream=true&createStream=true&durableName=slow&fetchBatchSize=10"))
                        .routeId("slow-js").autoStartup(false)
                        .process(e -> slowly(e.getMessage().getBody(String.class)));
                from(uri("shutdown.core")).routeId("slow-core").autoStartup(false)
                        .process(e -> slowly(e.getMessage().getBody(String.class)));
            }
        };
    }

    private void slowly(String body) throws InterruptedException {
        firstStarted.countDown();
        Thread.sleep(300);
        processed.add(body);
    }

    private static byte[] envelope(String text) {
        return MsgHandler.smartpack("unused", List.of(Payload.of("t", text, "text")),
                PackOptions.builder().publish(false).build()).jsonBytes();
    }

    @Test
    void stoppingAJetStreamConsumerFinishesAndAcksWhatItFetched() throws Exception {
        context.getRouteController().startRoute("slow-js");
        for (int i = 0; i < 6; i++) {
            nats.connection().jetStream().publish("shutdown.js", envelope("js " + i));
        }
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));

        context.getRouteController().stopRoute("slow-js");

        ConsumerInfo consumer = nats.connection().jetStreamManagement().getConsumerInfo("MSGHANDLER_shutdown_js",
                "slow");
        assertEquals(0, consumer.getNumAckPending(), "everything processed before the stop was acked");
        assertEquals(6, processed.size() + consumer.getNumPending(), "nothing lost: processed or still waiting");
        context.getRouteController().startRoute("slow-js");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (processed.size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(6, processed.size());
    }

    @Test
    void stoppingACoreConsumerFinishesTheMessagesAlreadyDeliveredToIt() throws Exception {
        context.getRouteController().startRoute("slow-core");
        for (int i = 0; i < 5; i++) {
            nats.connection().publish("shutdown.core", envelope("core " + i));
        }
        nats.connection().flush(java.time.Duration.ofSeconds(5));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));

        context.getRouteController().stopRoute("slow-core");

        assertEquals(5, processed.size(), "the stop waited for every delivered message: " + processed);
    }
}
