package io.github.msghandler.camel;

import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.UnpackedEnvelope;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request and reply (wire format section 8) with Camel as requester, as responder, and against plain peers. */
class RequestReplyTest extends MsgHandlerTestSupport {
    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a device that answers read_sensor commands
                from(uri("device.command")).process(exchange -> {
                    Map<?, ?> command = exchange.getMessage().getBody(Map.class);
                    exchange.getMessage().setBody(Map.of("action", command.get("action"), "value", 42));
                });
            }
        };
    }

    @Test
    void camelRequesterGetsTheCamelRespondersAnswerWithCorrelation() {
        Exchange reply = template.send(uri("device.command") + "&requestTimeout=5000", ExchangePattern.InOut,
                exchange -> {
                    exchange.getMessage().setHeader(MsgHandlerConstants.CORRELATION_ID, "corr-7");
                    exchange.getMessage().setBody(Map.of("action", "read_sensor"));
                });

        assertEquals(Map.of("action", "read_sensor", "value", 42), reply.getMessage().getBody(Map.class));
        assertEquals("corr-7", reply.getMessage().getHeader(MsgHandlerConstants.CORRELATION_ID));
        assertEquals("device.command", reply.getMessage().getHeader(MsgHandlerConstants.REPLY_TO));
        assertEquals("dictionary", reply.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertNotNull(reply.getMessage().getHeader(MsgHandlerConstants.REPLY_TO_MSG_ID));
    }

    @Test
    void camelResponderAnswersAPlainPeerRequest() throws Exception {
        EncodedEnvelope request = MsgHandler.smartpack("device.command",
                List.of(Payload.of("command", Map.of("action", "read_sensor"), "dictionary")),
                PackOptions.builder().publish(false).header(EnvelopeHeader.builder().correlationId("peer-corr")
                        .senderName("python-peer").replyTo("device.response").build()).build());

        Message answer = nats.connection().request(request.toNatsMessage(), Duration.ofSeconds(5));

        assertNotNull(answer, "no reply");
        UnpackedEnvelope reply = MsgHandler.smartunpack(answer);
        assertEquals("peer-corr", reply.envelope().header().correlationId());
        assertEquals(request.envelope().header().msgId(), reply.envelope().header().replyToMsgId());
        assertEquals("python-peer", reply.envelope().header().receiverName());
        assertEquals(Map.of("action", "read_sensor", "value", 42), reply.payloads().get(0).value());
    }

    @Test
    void camelResponderUsesTheEnvelopeReplyToWhenTheMessageHasNoReplySubject() throws Exception {
        var responses = nats.connection().subscribe("device.response");
        nats.connection().flush(Duration.ofSeconds(5));
        // a plain publish: only the envelope says where to answer, and the route must be InOut to answer
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("device.command.inout") + "&exchangePattern=InOut").setBody(constant("pong"));
            }
        });
        nats.connection().publish(MsgHandler.smartpack("device.command.inout", List.of(Payload.of("p", "ping",
                "text")), PackOptions.builder().publish(false)
                        .header(EnvelopeHeader.builder().replyTo("device.response").build()).build()).toNatsMessage());

        Message answer = responses.nextMessage(Duration.ofSeconds(5));
        assertNotNull(answer, "no reply on the envelope's reply_to");
        assertEquals("pong", MsgHandler.smartunpack(answer).payloads().get(0).value());
    }

    @Test
    void camelRequesterTalksToAPlainPeerResponder() throws Exception {
        Dispatcher responder = nats.connection().createDispatcher(message -> {
            UnpackedEnvelope request = MsgHandler.smartunpack(message);
            EncodedEnvelope answer = MsgHandler.smartpack(message.getReplyTo(),
                    List.of(Payload.of("result", "echo: " + request.payloads().get(0).value(), "text")),
                    PackOptions.builder().publish(false).header(EnvelopeHeader.builder()
                            .correlationId(request.envelope().header().correlationId())
                            .replyToMsgId(request.envelope().header().msgId()).build()).build());
            nats.connection().publish(answer.toNatsMessage());
        });
        responder.subscribe("peer.echo");
        nats.connection().flush(Duration.ofSeconds(5));
        try {
            Exchange reply = template.send(uri("peer.echo"), ExchangePattern.InOut,
                    exchange -> exchange.getMessage().setBody("hello"));

            assertEquals("echo: hello", reply.getMessage().getBody(String.class));
            assertEquals("result", reply.getMessage().getHeader(Exchange.FILE_NAME));
        } finally {
            nats.connection().closeDispatcher(responder);
        }
    }

    @Test
    void silentResponderTimesOutWithExchangeTimedOutException() throws Exception {
        var silent = nats.connection().subscribe("peer.silent");
        nats.connection().flush(Duration.ofSeconds(5));

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri("peer.silent") + "&requestTimeout=300", "anyone?"));

        assertInstanceOf(ExchangeTimedOutException.class, e.getCause());
        silent.unsubscribe();
    }
}
