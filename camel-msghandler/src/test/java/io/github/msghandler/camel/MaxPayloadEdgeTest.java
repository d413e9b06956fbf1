package io.github.msghandler.camel;

import io.github.msghandler.core.api.EnvelopeTooLargeException;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.testsupport.NatsTestServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server applies max_payload to the envelope and the NATS headers together, and closes the connection of a
 * client that sends more. At the exact edge, with a Camel header that travels as a NATS header: a message of
 * max_payload bytes goes as it is; one byte more and a send, a reply or a JetStream publish moves its payload to
 * link, while an envelope forwarded as it is fails its exchange, naming the sizes, before anything is sent. No
 * message is lost after a send that succeeded, and the connection never drops.
 */
class MaxPayloadEdgeTest {
    private static final int MAX_PAYLOAD = 65_536;
    /** Direct by size (a 10 MB threshold), big enough that a few KB of headers push the message over the edge. */
    private static final int BODY_CHARS = 40_000;
    private static final String BIG_HEADER = "X-Big";
    /** The header length the probe of each case sends; the edge is found from the size it measures. */
    private static final int PROBE_HEADER_CHARS = 1_000;

    private static NatsTestServer server;
    private static Connection observer;
    private static CamelContext camel;
    private static ProducerTemplate template;
    private static final BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
    private static final AtomicInteger replyHeaderChars = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path config = Files.createTempFile("nats-max-payload-", ".conf");
        Files.writeString(config, "max_payload: " + MAX_PAYLOAD + "\n");
        server = NatsTestServer.startBinary("-js", "-c", config.toString());
        observer = server.connect();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("edge.send", "concurrentConsumers=1"))   // one thread: the tests check the order
                        .process(e -> received.add(e.copy()));
                from(uri("edge.js", "jetstream=true&createStream=true")).process(e -> received.add(e.copy()));
                from(uri("edge.forwarded", "")).process(e -> received.add(e.copy()));
                from(uri("edge.reply", "")).process(e -> {
                    e.getMessage().setBody(text(BODY_CHARS));
                    e.getMessage().setHeader(BIG_HEADER, "r".repeat(replyHeaderChars.get()));
                });
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (observer != null) {
            observer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Every endpoint here has the same connection options, so they share this one connection. */
    @AfterEach
    void connectionNeverDropped() {
        Connection shared = camel.getEndpoint(uri("edge.send", ""), MsgHandlerEndpoint.class).connection();
        assertEquals(0, shared.getStatistics().getReconnects(), "the server never closed the connection");
        assertEquals(Connection.Status.CONNECTED, shared.getStatus());
        assertEquals(0, observer.getStatistics().getReconnects());
        received.clear();
    }

    private static String uri(String subject, String options) {
        return "msghandler:" + subject + "?brokerUrl=" + server.url() + "&sizeThreshold=10000000"
                + (options.isEmpty() ? "" : "&" + options);
    }

    private static String text(int chars) {
        StringBuilder text = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    /** What the server counts against max_payload: the data and the serialized headers. */
    private static long sizeOnTheWire(Message message) {
        return message.getData().length + (message.getHeaders() == null ? 0 : message.getHeaders().serializedLength());
    }

    /** Sends the body with an X-Big header of the given length and returns the message as it passed the server. */
    private static Message sendObserved(String subject, String endpointUri, Object body, int headerChars)
            throws Exception {
        Subscription wire = observer.subscribe(subject);
        observer.flush(Duration.ofSeconds(5));
        try {
            template.sendBodyAndHeader(endpointUri, body, BIG_HEADER, "x".repeat(headerChars));
            return wire.nextMessage(Duration.ofSeconds(10));
        } finally {
            wire.unsubscribe();
        }
    }

    private static Exchange nextReceived() throws InterruptedException {
        Exchange exchange = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(exchange, "the message arrived");
        return exchange;
    }

    /** The header length at which the message is exactly max_payload bytes, from a probe's measured size. */
    private static int headerCharsAtTheEdge(Message probe) {
        assertNotNull(probe, "the probe passed the server");
        return PROBE_HEADER_CHARS + (int) (MAX_PAYLOAD - sizeOnTheWire(probe));
    }

    /** Exactly max_payload bytes go as they are; one byte more moves the payload to link; both arrive. */
    private void assertEdgeMovesToLink(String subject, String endpointUri) throws Exception {
        String body = text(BODY_CHARS);
        int atEdge = headerCharsAtTheEdge(sendObserved(subject, endpointUri, body, PROBE_HEADER_CHARS));
        nextReceived();

        Message exactly = sendObserved(subject, endpointUri, body, atEdge);
        assertEquals(MAX_PAYLOAD, sizeOnTheWire(exactly), "the message is exactly max_payload bytes");
        Exchange direct = nextReceived();
        assertEquals(Transport.DIRECT.wireName(), direct.getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
        assertEquals(body, direct.getMessage().getBody(String.class));

        Message over = sendObserved(subject, endpointUri, body, atEdge + 1);
        assertTrue(sizeOnTheWire(over) < MAX_PAYLOAD, "sent smaller: " + sizeOnTheWire(over));
        Exchange link = nextReceived();
        assertEquals(Transport.LINK.wireName(), link.getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
        assertEquals(body, link.getMessage().getBody(String.class));
        assertEquals("x".repeat(atEdge + 1), link.getMessage().getHeader(BIG_HEADER), "the header travelled");
    }

    @Test
    @Timeout(60)
    void aSendOneByteOverTheEdgeGoesByLink() throws Exception {
        assertEdgeMovesToLink("edge.send", uri("edge.send", ""));
    }

    @Test
    @Timeout(60)
    void aJetStreamPublishOneByteOverTheEdgeGoesByLink() throws Exception {
        assertEdgeMovesToLink("edge.js", uri("edge.js", "jetstream=true"));
    }

    @Test
    @Timeout(60)
    void aReplyOneByteOverTheEdgeGoesByLink() throws Exception {
        EncodedEnvelope request = MsgHandler.smartpack("edge.reply", List.of(Payload.of("question", "size?", "text")),
                PackOptions.builder().connection(observer).publish(false).build());
        replyHeaderChars.set(PROBE_HEADER_CHARS);
        int atEdge = headerCharsAtTheEdge(observer.request(request.toNatsMessage(), Duration.ofSeconds(10)));

        replyHeaderChars.set(atEdge);
        Message exactly = observer.request(request.toNatsMessage(), Duration.ofSeconds(10));
        assertEquals(MAX_PAYLOAD, sizeOnTheWire(exactly), "the reply is exactly max_payload bytes");
        assertEquals(Transport.DIRECT, MsgHandler.readEnvelope(exactly.getData()).envelope().payloads().get(0)
                .transport());

        replyHeaderChars.set(atEdge + 1);
        Message over = observer.request(request.toNatsMessage(), Duration.ofSeconds(10));
        assertNotNull(over, "the reply arrived");
        assertTrue(sizeOnTheWire(over) < MAX_PAYLOAD);
        assertEquals(Transport.LINK, MsgHandler.readEnvelope(over.getData()).envelope().payloads().get(0)
                .transport());
        assertEquals(BODY_CHARS, MsgHandler.readEnvelope(over.getData()).envelope().payloads().get(0).size());
    }

    @Test
    @Timeout(60)
    void aForwardedEnvelopeOneByteOverTheEdgeFailsItsExchangeBeforeAnythingIsSent() throws Exception {
        String forwarder = uri("edge.forwarded", "rawEnvelope=true");
        byte[] envelope = MsgHandler.smartpack("edge.original", List.of(Payload.of("note", text(BODY_CHARS), "text")),
                PackOptions.builder().connection(observer).publish(false).sizeThreshold(10_000_000).build())
                .jsonBytes();
        int atEdge = headerCharsAtTheEdge(sendObserved("edge.forwarded", forwarder, envelope, PROBE_HEADER_CHARS));
        nextReceived();

        Message exactly = sendObserved("edge.forwarded", forwarder, envelope, atEdge);
        assertEquals(MAX_PAYLOAD, sizeOnTheWire(exactly));
        assertEquals(text(BODY_CHARS), nextReceived().getMessage().getBody(String.class));

        Subscription wire = observer.subscribe("edge.forwarded");
        observer.flush(Duration.ofSeconds(5));
        Exchange failed = template.send(forwarder, e -> {
            e.getMessage().setBody(envelope);
            e.getMessage().setHeader(BIG_HEADER, "x".repeat(atEdge + 1));
        });
        EnvelopeTooLargeException tooLarge = assertInstanceOf(EnvelopeTooLargeException.class, failed.getException());
        assertEquals(MAX_PAYLOAD + 1, tooLarge.envelopeBytes() + tooLarge.headerBytes());
        assertEquals(MAX_PAYLOAD, tooLarge.maxPayload());
        assertTrue(tooLarge.getMessage().contains((MAX_PAYLOAD + 1) + " bytes (envelope " + envelope.length
                + " + NATS headers "), tooLarge.getMessage());
        assertNull(wire.nextMessage(Duration.ofMillis(500)), "nothing was sent");
        wire.unsubscribe();
    }

    @Test
    @Timeout(60)
    void headersThatLeaveNoRoomFailTheExchangeBeforeAnythingIsUploadedOrSent() throws Exception {
        Subscription wire = observer.subscribe("edge.send");
        observer.flush(Duration.ofSeconds(5));
        Exchange failed = template.send(uri("edge.send", ""), e -> {
            e.getMessage().setBody("small");
            e.getMessage().setHeader(BIG_HEADER, "x".repeat(MAX_PAYLOAD));
        });
        EnvelopeTooLargeException tooLarge = assertInstanceOf(EnvelopeTooLargeException.class, failed.getException());
        assertTrue(tooLarge.headerBytes() > MAX_PAYLOAD, tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("max_payload of " + MAX_PAYLOAD), tooLarge.getMessage());
        assertNull(wire.nextMessage(Duration.ofMillis(500)), "nothing was sent");
        wire.unsubscribe();

        template.sendBody(uri("edge.send", ""), "the next message");
        assertEquals("the next message", nextReceived().getMessage().getBody(String.class));
    }

    /** The report's case: a 4 KB header and bodies from 40,000 to 64,000 characters, fire-and-forget. */
    @Test
    @Timeout(60)
    void bodiesAcrossTheEdgeWithABigHeaderAllArrive() throws Exception {
        for (int chars = 40_000; chars <= 64_000; chars += 1_000) {
            template.sendBodyAndHeaders(uri("edge.send", ""), text(chars), Map.of(BIG_HEADER, "x".repeat(4_096)));
        }
        for (int chars = 40_000; chars <= 64_000; chars += 1_000) {
            assertEquals(chars, nextReceived().getMessage().getBody(String.class).length(), "in order, none lost");
        }
    }
}
