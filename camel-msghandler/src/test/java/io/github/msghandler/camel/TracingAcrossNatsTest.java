package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsServerExtension;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.opentelemetry.OpenTelemetryTracer;
import org.apache.camel.tracing.TagConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With camel-opentelemetry in a sending and a receiving CamelContext, a message's producer span and consumer span
 * end up in one trace: the trace context crosses NATS as the traceparent header.
 */
@Timeout(60)
class TracingAcrossNatsTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private CamelContext sender;
    private CamelContext receiver;

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.stop();
        }
        if (receiver != null) {
            receiver.stop();
        }
        tracerProvider.close();
    }

    private CamelContext tracedContext(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.setTracer(tracerProvider.get("camel-msghandler-test"));
        tracer.setContextPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        tracer.init(context);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    @Test
    void producerAndConsumerSpansShareOneTraceAcrossNats() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        receiver = tracedContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:trace.chat?brokerUrl=" + nats.url()).routeId("receiver").process(e -> received.countDown());
            }
        });
        sender = tracedContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("sender")
                        .to("msghandler:trace.chat?correlationId=order-42&brokerUrl=" + nats.url());
            }
        });
        Subscription wire = nats.connection().subscribe("trace.chat");
        nats.connection().flush(Duration.ofSeconds(5));

        ProducerTemplate template = sender.createProducerTemplate();
        template.sendBody("direct:send", "hello, traced");
        assertTrue(received.await(20, TimeUnit.SECONDS), "the receiving route ran");

        Message onTheWire = wire.nextMessage(Duration.ofSeconds(10));
        assertNotNull(onTheWire.getHeaders().getFirst("traceparent"), "traceparent crosses as a NATS header");

        SpanData producer = awaitSpan(SpanKind.PRODUCER);
        SpanData consumer = awaitSpan(SpanKind.CONSUMER);
        assertEquals("trace.chat", producer.getName(), "spans are named by subject");
        assertEquals("trace.chat", consumer.getName());
        assertEquals(producer.getTraceId(), consumer.getTraceId(), "one trace across NATS");
        assertEquals(producer.getSpanId(), consumer.getParentSpanId(), "the consumer span follows the producer's");

        String msgId = producer.getAttributes().get(
                stringKey(TagConstants.MESSAGE_ID));
        assertNotNull(msgId);
        assertEquals(msgId, consumer.getAttributes().get(
                stringKey(TagConstants.MESSAGE_ID)));
        for (SpanData span : List.of(producer, consumer)) {
            assertEquals("order-42", span.getAttributes().get(stringKey(
                    MsgHandlerSpanDecorator.CORRELATION_ID_TAG)));
            assertEquals("trace.chat", span.getAttributes().get(stringKey(
                    TagConstants.MESSAGE_BUS_DESTINATION)));
        }
    }

    /** The first finished msghandler span of the kind; spans finish after the exchange, so it may take a moment. */
    private SpanData awaitSpan(SpanKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<SpanData> span = exporter.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == kind)
                    .filter(s -> "camel-msghandler".equals(s.getAttributes().get(
                            stringKey("component"))))
                    .findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + kind + " span of msghandler among " + exporter.getFinishedSpanItems());
    }
}
