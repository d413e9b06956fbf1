package io.github.msghandler.camel;

import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JetStream delivery (ack after success, redelivery after failure), bad envelopes, and health checks. */
class JetStreamAndErrorsTest extends MsgHandlerTestSupport {
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger configReads = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").disableRedelivery());

                // this route lets failures through, so JetStream redelivers instead of a dead letter channel
                from(uri("js.orders") + "&jetstream=true&createStream=true&nakDelay=200")
                        .routeId("jetstream-orders")
                        .errorHandler(defaultErrorHandler())
                        .process(exchange -> {
                            if (deliveries.incrementAndGet() == 1) {
                                throw new IllegalStateException("first delivery fails on purpose");
                            }
                        })
                        .to("mock:orders");

                // the test checks the order of arrival, which one thread keeps
                from(uri("core.events", "concurrentConsumers=1")).routeId("core-events").to("mock:events");

                from(uri("js.config") + "&jetstream=true&createStream=true&nakDelay=100")
                        .routeId("jetstream-config")
                        .errorHandler(defaultErrorHandler())
                        .process(exchange -> {
                            configReads.incrementAndGet();
                            exchange.getMessage().getBody(Map.class);
                        });
            }
        };
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return withHealthChecks(super.createCamelContext());
    }

    @Override
    protected void doPreSetup() throws Exception {
        // the orders stream may exist from an earlier test method; start each method with an empty one
        try {
            nats.connection().jetStreamManagement().deleteStream("MSGHANDLER_js_orders");
        } catch (io.nats.client.JetStreamApiException e) {
            // not there yet
        }
    }

    @Test
    void failedExchangeIsNakedAndRedeliveredUntilItSucceeds() throws Exception {
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedBodiesReceived("order 1");

        Exchange sent = template.send(uri("js.orders") + "&jetstream=true",
                exchange -> exchange.getMessage().setBody("order 1"));

        orders.assertIsSatisfied(20_000);
        assertEquals(2, deliveries.get(), "delivered once more after the failure");
        Exchange delivered = orders.getReceivedExchanges().get(0);
        assertEquals(2L, delivered.getMessage().getHeader(MsgHandlerConstants.DELIVERY_COUNT));
        assertEquals(true, delivered.getMessage().getHeader(MsgHandlerConstants.REDELIVERED));
        // the message's reply subject is JetStream's ack subject, not a requester to answer
        assertEquals(ExchangePattern.InOnly, delivered.getPattern());
        assertNull(delivered.getMessage().getHeader(MsgHandlerConstants.NATS_REPLY_TO));
        assertEquals(sent.getMessage().getHeader(MsgHandlerConstants.MSG_ID),
                orders.getReceivedExchanges().get(0).getMessage().getHeader(MsgHandlerConstants.MSG_ID));
    }

    @Test
    void aPayloadTheRouteCannotParseIsTerminatedNotRedelivered() throws Exception {
        nats.connection().jetStream().publish("js.config", MalformedEnvelopes.unparsableDictionary());

        // terminated: nothing stays pending; nak'ed, it would stay pending and come back every 100 ms
        io.nats.client.api.ConsumerInfo info = null;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            info = nats.connection().jetStreamManagement().getConsumerInfo("MSGHANDLER_js_config",
                    "msghandler-js_config");
            if (info.getDelivered().getConsumerSequence() >= 1 && info.getNumAckPending() == 0) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(0, info.getNumAckPending(), "the message was terminated");
        assertEquals(0, info.getRedelivered(), "and never redelivered");
        assertEquals(1, configReads.get());
    }

    @Test
    void jetStreamPublishWithoutAStreamFailsTheExchange() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBody(uri("no.stream.here") + "&jetstream=true", "lost?"));

        assertTrue(e.getCause().getMessage().contains("JetStream did not acknowledge"), e.getCause().getMessage());
    }

    @Test
    void badEnvelopesGoToTheDeadLetterChannelWhileGoodOnesFlow() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        MockEndpoint events = getMockEndpoint("mock:events");
        dead.expectedMessageCount(3);
        events.expectedBodiesReceived("before", "after");

        template.sendBody(uri("core.events"), "before");
        for (String bad : List.of("not json at all", "{\"payloads\":[{\"dataname\":\"x\"}]}",
                "{\"payloads\":[{\"dataname\":\"x\",\"payload_type\":\"text\",\"transport\":\"direct\","
                        + "\"size\":3,\"data\":\"!!!\"}]}")) {
            nats.connection().publish("core.events", bad.getBytes(StandardCharsets.UTF_8));
        }
        template.sendBody(uri("core.events"), "after");

        dead.assertIsSatisfied(10_000);
        events.assertIsSatisfied(10_000);
        Exchange first = dead.getReceivedExchanges().get(0);
        assertArrayEquals("not json at all".getBytes(StandardCharsets.UTF_8), first.getMessage().getBody(byte[].class));
        Throwable cause = first.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertEquals("$", assertInstanceOf(InvalidEnvelopeException.class, cause).field());
        Throwable third = dead.getReceivedExchanges().get(2).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertEquals("payloads[0].data", assertInstanceOf(InvalidEnvelopeException.class, third).field());
    }

    @Test
    void consumerAndProducerReportTheirConnectionInHealthChecks() {
        template.sendBody(uri("core.events"), "make the producer exist");

        // exposure level "full" lists every check, not just the ones that are down
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context, "full");

        HealthCheck.Result consumer = results.stream()
                .filter(r -> r.getCheck().getId().equals("consumer:core-events")).findFirst().orElseThrow(
                        () -> new AssertionError("no consumer check in " + results.stream()
                                .map(r -> r.getCheck().getId()).toList()));
        assertEquals(HealthCheck.State.UP, consumer.getState());
        assertEquals("CONNECTED", consumer.getDetails().get("nats.status"), "the consumer's own check answered");
        HealthCheck.Result producer = results.stream()
                .filter(r -> r.getCheck().getId().equals("msghandler-producer-core.events")).findFirst()
                .orElseThrow(() -> new AssertionError("no producer check in " + results.stream()
                        .map(r -> r.getCheck().getId()).toList()));
        assertEquals(HealthCheck.State.UP, producer.getState());
        assertEquals("CONNECTED", producer.getDetails().get("nats.status"));
    }

    @Test
    void existingStreamIsUsedWithoutCreateStream() throws Exception {
        nats.connection().jetStreamManagement().addStream(StreamConfiguration.builder().name("PRESET")
                .subjects("preset.subject").storageType(StorageType.Memory).build());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("preset.subject") + "&jetstream=true&stream=PRESET&durableName=preset-reader")
                        .to("mock:preset");
            }
        });
        MockEndpoint preset = getMockEndpoint("mock:preset");
        preset.expectedBodiesReceived("kept");

        template.sendBody(uri("preset.subject") + "&jetstream=true", "kept");

        preset.assertIsSatisfied(10_000);
        assertEquals(1, nats.connection().jetStreamManagement().getConsumerInfo("PRESET", "preset-reader")
                .getDelivered().getConsumerSequence());
    }
}
