package io.github.msghandler.camel;

import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.UnpackedEnvelope;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rawEnvelope hands routes envelopes as they travel and publishes them as they are; encodedBody sends a body as a
 * payload's bytes already. Both refuse what is not what they say, by name.
 */
class RawEnvelopeAndEncodedBodyTest extends MsgHandlerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(uri("raw.in", "rawEnvelope=true")).to("mock:raw");
            }
        };
    }

    @Test
    void aRawConsumerHandsOnTheEnvelopeAsItArrivedWithoutFetchingItsLinks() throws Exception {
        MockEndpoint raw = getMockEndpoint("mock:raw");
        raw.expectedMessageCount(1);
        byte[] large = new byte[600_000];
        new Random(2).nextBytes(large);
        EncodedEnvelope sent = MsgHandler.smartpack("raw.in", List.of(Payload.of("note", "hi", "text"),
                        Payload.of("big.bin", large, "binary")),
                PackOptions.builder().connection(nats.connection())
                        .header(EnvelopeHeader.builder().correlationId("c-raw").build()).build());

        raw.assertIsSatisfied(10_000);
        org.apache.camel.Message message = raw.getReceivedExchanges().get(0).getMessage();
        assertArrayEquals(sent.jsonBytes(), message.getBody(byte[].class), "the JSON byte for byte");
        assertEquals("c-raw", message.getHeader(MsgHandlerConstants.CORRELATION_ID));
        assertEquals(sent.envelope().header().msgId(), message.getHeader(MsgHandlerConstants.MSG_ID));
        assertEquals(2, message.getHeader(MsgHandlerConstants.PAYLOAD_COUNT));
    }

    @Test
    void aRawConsumerStillRefusesABrokenEnvelopeByName() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        nats.connection().publish("raw.in", "{\"payloads\":[{\"dataname\":\"\"}]}".getBytes(StandardCharsets.UTF_8));

        dead.assertIsSatisfied(10_000);
        Exception cause = dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        InvalidEnvelopeException invalid = assertInstanceOf(InvalidEnvelopeException.class, cause);
        assertTrue(invalid.getMessage().contains("payloads[0]"), invalid.getMessage());
        assertEquals(0, getMockEndpoint("mock:raw").getReceivedCounter());
    }

    @Test
    void aRawProducerPublishesTheEnvelopeAsItIsToItsOwnSubject() throws Exception {
        EncodedEnvelope envelope = MsgHandler.smartpack("first.subject", List.of(Payload.of("t", "as it is", "text")),
                PackOptions.builder().publish(false).build());
        Subscription out = nats.connection().subscribe("raw.out");
        nats.connection().flush(Duration.ofSeconds(5));

        template.sendBody(uri("raw.out", "rawEnvelope=true&msgIdHeader=true"), envelope.jsonBytes());

        Message message = out.nextMessage(Duration.ofSeconds(10));
        assertArrayEquals(envelope.jsonBytes(), message.getData());
        assertEquals(envelope.envelope().header().msgId(), message.getHeaders().getFirst(EncodedEnvelope.NATS_MSG_ID));
    }

    @Test
    void aRawProducerRefusesABodyThatIsNoEnvelope() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBody(uri("raw.out", "rawEnvelope=true"), "{\"not\":\"an envelope\"}"));
        InvalidEnvelopeException invalid = assertInstanceOf(InvalidEnvelopeException.class, e.getCause());
        assertTrue(invalid.getMessage().contains("payloads"), invalid.getMessage());
    }

    @Test
    void anEncodedBodyTravelsAsThePayloadBytesOfItsType() throws Exception {
        byte[] json = "{\"b\": 2,  \"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8);   // spacing and order kept
        Subscription out = nats.connection().subscribe("encoded.out");
        nats.connection().flush(Duration.ofSeconds(5));

        template.sendBodyAndHeader(uri("encoded.out", "encodedBody=true"), json, MsgHandlerConstants.PAYLOAD_TYPE,
                "dictionary");

        UnpackedEnvelope received = MsgHandler.smartunpack(out.nextMessage(Duration.ofSeconds(10)));
        assertEquals("dictionary", received.payloads().get(0).type().wireName());
        assertArrayEquals(json, received.payloads().get(0).bytes());
        assertEquals(Map.of("b", 2, "a", List.of(1, 2)), received.payloads().get(0).value());
    }

    @Test
    void anEncodedBodyThatDoesNotParseAsItsTypeOrHasNoTypeIsRefusedByName() {
        CamelExecutionException notJson = assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader(uri("encoded.out", "encodedBody=true"),
                        "{not json".getBytes(StandardCharsets.UTF_8), MsgHandlerConstants.PAYLOAD_TYPE, "jsontable"));
        PayloadValueException refused = assertInstanceOf(PayloadValueException.class, notJson.getCause());
        assertTrue(refused.getMessage().contains("jsontable"), refused.getMessage());

        CamelExecutionException untyped = assertThrows(CamelExecutionException.class,
                () -> template.sendBody(uri("encoded.out", "encodedBody=true"), new byte[] {1, 2, 3}));
        PayloadValueException noType = assertInstanceOf(PayloadValueException.class, untyped.getCause());
        assertTrue(noType.getMessage().contains("CamelMsgHandlerPayloadType"), noType.getMessage());
    }
}
