package io.github.msghandler.camel;

import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.Payload;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core NATS is at-most-once: a consumer slower than its publishers loses what overflows its pending limit. That
 * loss is reported, never silent: a WARN naming the subject and the dropped count, the consumer's health check
 * DOWN until it keeps up again, and every message either processed or counted as dropped.
 */
class SlowConsumerTest extends MsgHandlerTestSupport {
    private static final int MESSAGES = 1_000;
    private static final String SUBJECT = "slow.core";

    private final AtomicInteger processed = new AtomicInteger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return withHealthChecks(super.createCamelContext());
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(SUBJECT, "pendingMessageLimit=50")).routeId("slow-route")
                        .process(e -> {
                            Thread.sleep(2);
                            processed.incrementAndGet();
                        });
            }
        };
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aConsumerThatCannotKeepUpIsReportedNotSilent() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger listenerLog = (Logger) LogManager.getLogger(Slf4jErrorListener.class);
        AbstractAppender appender = new AbstractAppender("slow-consumer-capture", null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.WARN) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        listenerLog.addAppender(appender);
        try {
            byte[] envelope = MsgHandler.smartpack("unused", List.of(Payload.of("t", "x".repeat(200), "text")),
                    PackOptions.builder().publish(false).build()).jsonBytes();
            for (int i = 0; i < MESSAGES; i++) {
                nats.connection().publish(SUBJECT, envelope);
            }
            nats.connection().flush(Duration.ofSeconds(5));

            MsgHandlerConsumer consumer = (MsgHandlerConsumer) context.getRoute("slow-route").getConsumer();
            io.nats.client.Consumer subscription = consumer.subscription();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (processed.get() + subscription.getDroppedCount() < MESSAGES && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long dropped = subscription.getDroppedCount();
            HealthCheck.Result whileDropping = consumerCheck();
            HealthCheck.Result afterCatchingUp = consumerCheck();

            System.out.printf("RELIABILITY slow-consumer: published=%d processed=%d dropped=%d warnings=%d "
                    + "health=%s then %s%n", MESSAGES, processed.get(), dropped, warnings.size(),
                    whileDropping.getState(), afterCatchingUp.getState());
            assertTrue(dropped > 0, "a 50-message pending limit overflowed");
            assertEquals(MESSAGES, processed.get() + dropped, "every message processed or counted as dropped");
            assertTrue(warnings.stream().anyMatch(w -> w.contains("'" + SUBJECT + "'") && w.contains("dropped")),
                    "a WARN names the subject and the drops: " + warnings);
            assertEquals(HealthCheck.State.DOWN, whileDropping.getState());
            assertTrue(whileDropping.getMessage().orElse("").contains("slow consumer"),
                    whileDropping.getMessage().orElse(""));
            assertEquals(dropped, ((Number) whileDropping.getDetails().get("nats.dropped")).longValue());
            assertEquals(HealthCheck.State.UP, afterCatchingUp.getState(), "no new drops since the last check");
        } finally {
            listenerLog.removeAppender(appender);
        }
    }

    private HealthCheck.Result consumerCheck() {
        return HealthCheckHelper.invoke(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:slow-route")).findFirst().orElseThrow();
    }
}
