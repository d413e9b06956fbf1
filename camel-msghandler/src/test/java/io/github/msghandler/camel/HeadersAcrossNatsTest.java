package io.github.msghandler.camel;

import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel headers travel as NATS headers through the header filter strategy, both ways; Camel's own headers and the
 * envelope's stay out, whoever sets them.
 */
class HeadersAcrossNatsTest extends MsgHandlerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("headers.in")).to("mock:in");
                from(uri("headers.responder"))
                        .setHeader("Answered-By", constant("responder"))
                        .setBody(simple("echo ${body}"));
            }
        };
    }

    @Test
    void userHeadersCrossAsNatsHeadersAndCamelHeadersDoNot() throws Exception {
        Connection nc = nats.connection();
        Subscription wire = nc.subscribe("headers.in");
        nc.flush(Duration.ofSeconds(5));
        MockEndpoint in = getMockEndpoint("mock:in");
        in.expectedMessageCount(1);

        Map<String, Object> headers = Map.of(
                "Tenant", "acme",
                "Priority", 5,
                "Tags", List.of("red", "blue"),
                Exchange.FILE_NAME, "forged-name.txt",
                MsgHandlerConstants.DATA_NAME, "report",
                "Nats-Msg-Id", "forged-id");
        template.sendBodyAndHeaders(uri("headers.in"), "hello", headers);

        Message onTheWire = wire.nextMessage(Duration.ofSeconds(10));
        Headers natsHeaders = onTheWire.getHeaders();
        assertEquals(List.of("acme"), natsHeaders.get("Tenant"));
        assertEquals(List.of("5"), natsHeaders.get("Priority"));
        assertEquals(List.of("red", "blue"), natsHeaders.get("Tags"));
        assertNull(natsHeaders.get(Exchange.FILE_NAME));
        assertNull(natsHeaders.get(MsgHandlerConstants.DATA_NAME));
        String msgId = MsgHandler.smartunpack(onTheWire).envelope().header().msgId();
        assertNull(natsHeaders.get(EncodedEnvelope.NATS_MSG_ID), "no Nats-Msg-Id on core NATS, a forged one kept out");
        assertTrue(natsHeaders.keySet().stream().noneMatch(k -> k.toLowerCase().startsWith("camel")),
                "no Camel header on the wire: " + natsHeaders.keySet());

        in.assertIsSatisfied(10_000);
        org.apache.camel.Message received = in.getExchanges().get(0).getMessage();
        assertEquals("acme", received.getHeader("Tenant"));
        assertEquals("5", received.getHeader("Priority"));
        assertEquals(List.of("red", "blue"), received.getHeader("Tags"));
        assertEquals("report", received.getHeader(Exchange.FILE_NAME), "the file name is the payload's dataname");
        assertNull(received.getHeader("Nats-Msg-Id"));
        assertEquals(msgId, received.getHeader(MsgHandlerConstants.MSG_ID));
        assertEquals("hello", received.getBody(String.class));
    }

    @Test
    void aMessageWithoutHeadersTravelsWithoutAHeaderBlock() throws Exception {
        Subscription wire = nats.connection().subscribe("headers.none");
        nats.connection().flush(Duration.ofSeconds(5));

        template.sendBody(uri("headers.none"), "plain");

        Message onTheWire = wire.nextMessage(Duration.ofSeconds(10));
        assertFalse(onTheWire.hasHeaders(), "a plain PUB: " + onTheWire.getHeaders());
        assertEquals("plain", MsgHandler.smartunpack(onTheWire).payloads().get(0).value());
    }

    @Test
    void msgIdHeaderSendsTheEnvelopesOwnMsgIdOverAForgedOne() throws Exception {
        Subscription wire = nats.connection().subscribe("headers.msgid");
        nats.connection().flush(Duration.ofSeconds(5));

        template.sendBodyAndHeader(uri("headers.msgid", "msgIdHeader=true"), "x", "Nats-Msg-Id", "forged-id");

        Message onTheWire = wire.nextMessage(Duration.ofSeconds(10));
        String msgId = MsgHandler.smartunpack(onTheWire).envelope().header().msgId();
        assertEquals(List.of(msgId), onTheWire.getHeaders().get(EncodedEnvelope.NATS_MSG_ID));
    }

    @Test
    void anOutsidePublisherCannotSetCamelOrEnvelopeHeaders() throws Exception {
        MockEndpoint in = getMockEndpoint("mock:in");
        in.expectedMessageCount(1);
        EncodedEnvelope packed = MsgHandler.smartpack("headers.in", List.of(Payload.of("notes.txt", "hi", "text")),
                PackOptions.builder().publish(false)
                        .header(EnvelopeHeader.builder().correlationId("real-correlation").build()).build());
        Headers hostile = new Headers()
                .put("CamelFileName", "../../etc/cron.d/evil")
                .put("camelfilename", "../lower-case.txt")
                .put("CAMELMSGHANDLERCORRELATIONID", "forged-correlation")
                .put("CamelMsgHandlerPayloadType", "binary")
                .put("org.apache.camel.Anything", "x")
                .put("X-User", "kept");
        // raw jnats, as any client in any language could send it
        nats.connection().publish(NatsMessage.builder().subject("headers.in").headers(hostile)
                .data(packed.jsonBytes()).build());

        in.assertIsSatisfied(10_000);
        org.apache.camel.Message received = in.getExchanges().get(0).getMessage();
        assertEquals("notes.txt", received.getHeader(Exchange.FILE_NAME));
        assertEquals("real-correlation", received.getHeader(MsgHandlerConstants.CORRELATION_ID));
        assertEquals("text", received.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertNull(received.getHeader("org.apache.camel.Anything"));
        assertEquals("kept", received.getHeader("X-User"));
        assertEquals("hi", received.getBody(String.class));
    }

    @Test
    void aRequestAndItsReplyCarryHeadersBothWays() {
        Exchange reply = template.request(uri("headers.responder", "requestTimeout=10000"), e -> {
            e.getMessage().setBody("ping");
            e.getMessage().setHeader("Request-Id", "r-17");
        });
        assertNull(reply.getException());
        assertEquals("echo ping", reply.getMessage().getBody(String.class));
        assertEquals("responder", reply.getMessage().getHeader("Answered-By"));
        assertEquals("r-17", reply.getMessage().getHeader("Request-Id"), "the responder's message kept it");
    }

    @Test
    void aHeaderNatsCannotCarryFailsTheExchangeByName() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader(uri("headers.in"), "x", "Multi-Line", "one\r\ntwo"));
        CamelExchangeException cause = assertInstanceOf(CamelExchangeException.class, e.getCause());
        assertTrue(cause.getMessage().contains("'Multi-Line'"), cause.getMessage());
    }

    @Test
    void aCustomStrategyDecidesWhatTravels() throws Exception {
        DefaultHeaderFilterStrategy dropSecrets = new MsgHandlerHeaderFilterStrategy();
        dropSecrets.setOutFilterStartsWith("secret-", "camel", "org.apache.camel.");
        context.getRegistry().bind("dropSecrets", dropSecrets);
        Subscription wire = nats.connection().subscribe("headers.custom");
        nats.connection().flush(Duration.ofSeconds(5));

        template.sendBodyAndHeaders(uri("headers.custom", "headerFilterStrategy=#dropSecrets"), "x",
                Map.of("Secret-Token", "s3cr3t", "Visible", "yes"));

        Headers natsHeaders = wire.nextMessage(Duration.ofSeconds(10)).getHeaders();
        assertNotNull(natsHeaders);
        assertEquals(List.of("yes"), natsHeaders.get("Visible"));
        assertFalse(natsHeaders.containsKey("Secret-Token"));
    }
}
