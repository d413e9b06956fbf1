package io.github.msghandler.camel;

import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.testsupport.ClassPaths;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A route that only forwards ({@code msghandler:a → msghandler:b}) sends every payload on as it arrived: the same
 * bytes and sha256, every payload metadata key (known or not), and the envelope's metadata; it decodes nothing, so
 * an arrowtable crosses a bridge that has no Arrow on its class path.
 */
class ForwardingRoutesTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final UnpackOptions AS_RECEIVED = UnpackOptions.builder().decodeOnReceipt(false).build();

    @Test
    void aForwardingRouteSendsEveryPayloadOnWithItsBytesAndMetadata() throws Exception {
        try (AutoCloseable route = ForwardingRoute.start(nats.url(), "fwd.in", "fwd.out")) {
            assertForwardedUnchanged("fwd.in", "fwd.out");
        }
    }

    @Test
    void anArrowTableCrossesABridgeWithoutArrowOnItsClassPath() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // nor OpenTelemetry: its context storage, found through the test's own class loader, would not fit
        try (URLClassLoader withoutArrow = ClassPaths.without("arrow", "opentelemetry")) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.apache.arrow.vector.VectorSchemaRoot", false, withoutArrow));
            Thread.currentThread().setContextClassLoader(withoutArrow);
            Object route = withoutArrow.loadClass(ForwardingRoute.class.getName())
                    .getMethod("start", String.class, String.class, String.class)
                    .invoke(null, nats.url(), "bare.in", "bare.out");
            Thread.currentThread().setContextClassLoader(previous);
            try (AutoCloseable started = (AutoCloseable) route) {
                assertForwardedUnchanged("bare.in", "bare.out");
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aPayloadThatDoesNotParseFailsOnlyTheRouteThatReadsItAndCrossesABridgeUntouched() throws Exception {
        byte[] envelope = MalformedEnvelopes.unparsableDictionary();
        CompletableFuture<Throwable> readFailure = new CompletableFuture<>();
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:lazy.read?brokerUrl=" + nats.url())
                        .onException(Exception.class).handled(true)
                        .process(e -> readFailure.complete(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                        .end()
                        .process(e -> e.getMessage().getBody(Map.class));
            }
        });
        camel.start();
        try (AutoCloseable route = ForwardingRoute.start(nats.url(), "lazy.in", "lazy.out");
             AutoCloseable reader = camel) {
            Connection nc = nats.connection();
            Subscription forwarded = nc.subscribe("lazy.out");
            nc.flush(Duration.ofSeconds(5));
            nc.publish("lazy.read", envelope);
            nc.publish("lazy.in", envelope);

            Throwable failure = readFailure.get(20, TimeUnit.SECONDS);
            Throwable cause = failure;
            while (cause != null && !(cause instanceof InvalidEnvelopeException)) {
                cause = cause.getCause();
            }
            assertNotNull(cause, "the conversion failed with the payload named: " + failure);
            assertEquals("payloads[0].data", ((InvalidEnvelopeException) cause).field());

            Message message = forwarded.nextMessage(Duration.ofSeconds(20));
            assertNotNull(message, "the bridge forwarded the envelope");
            assertArrayEquals(MsgHandler.smartunpack(envelope, AS_RECEIVED).payloads().get(0).bytes(),
                    MsgHandler.smartunpack(message, AS_RECEIVED).payloads().get(0).bytes());
        }
    }

    /** Publishes an envelope of an arrowtable, a text and a linked binary, and compares what the route sends on. */
    private static void assertForwardedUnchanged(String in, String out) throws Exception {
        Connection nc = nats.connection();
        byte[] blob = new byte[600_000];
        new Random(11).nextBytes(blob);
        EncodedEnvelope sent = MsgHandler.smartpack(in, List.of(
                        Payload.of("scores", List.of(Map.of("id", 1, "score", 0.5), Map.of("id", 2, "score", 0.75)),
                                        "arrowtable")
                                .withMetadata("content_type", "application/vnd.apache.arrow.stream")
                                .withMetadata("filename", "scores.arrows")
                                .withMetadata("x_lab", Map.of("site", "B", "run", 7)),
                        Payload.of("note", "keep me as I am", "text").withMetadata("lang", "en"),
                        Payload.of("blob", blob, "binary").withMetadata("filename", "original-name.bin")),
                PackOptions.builder().connection(nc).publish(false).header(EnvelopeHeader.builder()
                        .correlationId("chain-9").metadata(Map.of("trace", "t-1", "priority", 2)).build()).build());
        assertEquals(Transport.LINK, sent.envelope().payloads().get(2).transport());
        Subscription forwarded = nc.subscribe(out);
        nc.flush(Duration.ofSeconds(5));
        nc.publish(sent.toNatsMessage());
        Message message = forwarded.nextMessage(Duration.ofSeconds(20));
        assertNotNull(message, "nothing forwarded to " + out);

        UnpackedEnvelope original = MsgHandler.smartunpack(sent.jsonBytes(),
                UnpackOptions.builder().decodeOnReceipt(false).connection(nc).build());
        UnpackedEnvelope copy = MsgHandler.smartunpack(message, AS_RECEIVED);
        assertEquals(original.envelope().header().metadata(), copy.envelope().header().metadata());
        assertEquals("chain-9", copy.envelope().header().correlationId());
        assertNotEquals(original.envelope().header().msgId(), copy.envelope().header().msgId());
        assertEquals(3, copy.payloads().size());
        for (int i = 0; i < 3; i++) {
            ReceivedPayload before = original.payloads().get(i);
            ReceivedPayload after = copy.payloads().get(i);
            assertEquals(before.dataname(), after.dataname());
            assertEquals(before.type(), after.type());
            assertEquals(before.transport(), after.transport());
            assertEquals(before.size(), after.size());
            assertEquals(before.metadata(), after.metadata(), "every metadata key of " + before.dataname());
            assertArrayEquals(before.bytes(), after.bytes(), before.dataname());
        }
        assertArrayEquals(blob, copy.payloads().get(2).bytes());
    }
}
