package io.github.msghandler.camel;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.arrow.ArrowTable;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every payload type from a producer route to a consumer route, direct and by link, over a real nats-server. */
class ProducerConsumerTest extends MsgHandlerTestSupport {
    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("types.in", "")).to("mock:received");
            }
        };
    }

    private Exchange sendAndReceive(Object body, Map<String, Object> headers, String producerOptions)
            throws InterruptedException {
        MockEndpoint received = getMockEndpoint("mock:received");
        received.reset();
        received.expectedMessageCount(1);
        template.sendBodyAndHeaders(uri("types.in", producerOptions), body, headers);
        received.assertIsSatisfied(10_000);
        return received.getReceivedExchanges().get(0);
    }

    @ParameterizedTest
    @EnumSource(PayloadType.class)
    void everyTypeArrivesDirectAndByLinkWithItsHeaders(PayloadType type) throws Exception {
        for (String transport : List.of("direct", "link")) {
            Object sent = PayloadSamples.sample(type);
            Exchange exchange = sendAndReceive(sent, Map.of(MsgHandlerConstants.PAYLOAD_TYPE, type.wireName()),
                    transport.equals("link") ? "sizeThreshold=1" : "");

            assertEquals(type.wireName(), exchange.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(transport, exchange.getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals("body", exchange.getMessage().getHeader(MsgHandlerConstants.DATA_NAME));
            assertEquals("body", exchange.getMessage().getHeader(Exchange.FILE_NAME));
            assertEquals(1, exchange.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_COUNT));
            PayloadSamples.assertReceived(type, sent, exchange.getMessage());
        }
    }

    @Test
    void bodyTypeIsInferredFromJavaTypeContentTypeAndFileName() throws Exception {
        assertEquals("text", sendAndReceive("plain", Map.of(), "")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("image", sendAndReceive(new byte[] {1}, Map.of(Exchange.FILE_NAME, "photo.png"), "")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("audio", sendAndReceive(new byte[] {1}, Map.of(Exchange.CONTENT_TYPE, "audio/wav"), "")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("binary", sendAndReceive(new byte[] {1}, Map.of(), "")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("dictionary", sendAndReceive(Map.of("k", "v"), Map.of(), "")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("jsontable", sendAndReceive(List.of(Map.of("id", 1)), Map.of(), "")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("arrowtable", sendAndReceive(List.of(Map.of("id", 1)), Map.of(), "tableFormat=arrowtable")
                .getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(
                     Field.nullable("n", new ArrowType.Int(64, true)))), allocator)) {
            root.allocateNew();
            ((BigIntVector) root.getVector("n")).setSafe(0, 7);
            root.setRowCount(1);
            Exchange exchange = sendAndReceive(root, Map.of(), "");
            assertEquals("arrowtable", exchange.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(List.of(Map.of("n", 7L)), exchange.getMessage().getBody(ArrowTable.class).rows());
        }
    }

    @Test
    void payloadTypeOptionConvertsTheBody() throws Exception {
        Exchange exchange = sendAndReceive("as bytes", Map.of(), "payloadType=binary&dataName=note.txt");

        assertEquals("binary", exchange.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("note.txt", exchange.getMessage().getHeader(Exchange.FILE_NAME));
        assertArrayEquals("as bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                exchange.getMessage().getBody(byte[].class));
    }

    @Test
    void envelopeFieldsBecomeHeadersAndHeadersOverrideEnvelopeFields() throws Exception {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(MsgHandlerConstants.CORRELATION_ID, "corr-42");
        headers.put(MsgHandlerConstants.MSG_PURPOSE, "command");
        headers.put(MsgHandlerConstants.RECEIVER_NAME, "device-7");
        headers.put(MsgHandlerConstants.REPLY_TO, "device.replies");
        headers.put(MsgHandlerConstants.METADATA, Map.of("priority", 1));
        headers.put(MsgHandlerConstants.MSG_ID, "never-reused");

        Exchange exchange = sendAndReceive("hi", headers, "senderName=camel-test");

        var in = exchange.getMessage();
        assertEquals("corr-42", in.getHeader(MsgHandlerConstants.CORRELATION_ID));
        assertEquals("command", in.getHeader(MsgHandlerConstants.MSG_PURPOSE));
        assertEquals("device-7", in.getHeader(MsgHandlerConstants.RECEIVER_NAME));
        assertEquals("device.replies", in.getHeader(MsgHandlerConstants.REPLY_TO));
        assertEquals("camel-test", in.getHeader(MsgHandlerConstants.SENDER_NAME));
        assertEquals(Map.of("priority", 1), in.getHeader(MsgHandlerConstants.METADATA));
        assertEquals("types.in", in.getHeader(MsgHandlerConstants.SEND_TO));
        assertEquals("types.in", in.getHeader(MsgHandlerConstants.SUBJECT));
        assertNotEquals("never-reused", in.getHeader(MsgHandlerConstants.MSG_ID));
        assertEquals(64, in.getHeader(MsgHandlerConstants.PAYLOAD_METADATA, Map.class).get("sha256")
                .toString().length());
    }

    @Test
    void producerReportsWhatItSent() {
        Exchange sent = template.send(uri("types.in", "sizeThreshold=10"), e -> e.getMessage().setBody(List.of(
                List.of("short", "hi", "text"), List.of("long", "a longer text than ten bytes", "text"))));

        assertEquals(List.of("direct", "link"), sent.getMessage().getHeader(MsgHandlerConstants.TRANSPORTS));
        assertEquals(36, sent.getMessage().getHeader(MsgHandlerConstants.MSG_ID, String.class).length());
    }
}
