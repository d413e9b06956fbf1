package io.github.msghandler.kafka;

import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.testsupport.KafkaBrokerExtension;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.testsupport.Sha256Hex;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walkthrough's Kafka bridges (KafkaBridgeRoutes) against a real Kafka broker and a real nats-server: payloads
 * as records and back with bytes, names, types and correlation ids intact; whole envelopes as records, a 50 MB
 * payload crossing Kafka as its claim-check.
 */
@Timeout(180)
class KafkaBridgesTest extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();
    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("nats.url", nats.url());
        properties.setProperty("kafka.brokers", kafka.bootstrapServers());
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {KafkaBridgeRoutes.payloads(), KafkaBridgeRoutes.envelopes(), new RouteBuilder() {
            @Override
            public void configure() {
                // the end of the envelope bridge: an ordinary consumer, which fetches the link and checks it; the
                // digest is taken while the exchange (and its spool file) lives
                from("msghandler:uploads.out?brokerUrl={{nats.url}}")
                        .process(e -> {
                            try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                                e.getMessage().setHeader("receivedSha256", Sha256Hex.of(in));
                            }
                        })
                        .to("mock:uploaded");
            }
        }};
    }



    @Test
    void payloadsCrossNatsKafkaNatsWithBytesNamesTypesAndCorrelationIdIntact() throws Exception {
        byte[] firmware = new byte[600_000];
        new Random(21).nextBytes(firmware);
        List<Payload> sent = List.of(
                Payload.of("reading", "temperature 21.5 °C", "text"),
                Payload.of("status", Map.of("device", "esp32", "ok", true), "dictionary"),
                Payload.of("samples", List.of(Map.of("t", 1, "v", 0.5), Map.of("t", 2, "v", 0.75)), "jsontable"),
                Payload.of("firmware.bin", firmware, "binary"));
        Subscription out = nats.connection().subscribe("telemetry.out");
        nats.connection().flush(Duration.ofSeconds(5));

        EncodedEnvelope published = MsgHandler.smartpack("telemetry", sent, PackOptions.builder()
                .connection(nats.connection())
                .header(EnvelopeHeader.builder().correlationId("order-77").senderName("sensor-hub").build())
                .build());

        Map<String, ReceivedPayload> arrived = new HashMap<>();
        Map<String, String> correlationIds = new HashMap<>();
        while (arrived.size() < sent.size()) {
            Message message = out.nextMessage(WAIT);
            assertTrue(message != null, "only " + arrived.keySet() + " came out of Kafka");
            UnpackedEnvelope envelope = MsgHandler.smartunpack(message, UnpackOptions.builder()
                    .decodeOnReceipt(false).build());
            assertEquals(1, envelope.payloads().size(), "one envelope per record");
            ReceivedPayload payload = envelope.payloads().get(0);
            arrived.put(payload.dataname(), payload);
            correlationIds.put(payload.dataname(), envelope.envelope().header().correlationId());
        }
        for (int i = 0; i < sent.size(); i++) {
            String name = sent.get(i).dataname();
            ReceivedPayload payload = arrived.get(name);
            assertEquals(sent.get(i).type(), payload.type(), name);
            assertEquals("order-77", correlationIds.get(name), name);
            assertEquals(published.envelope().payloads().get(i).metadata().get("sha256"), payload.sha256(),
                    name + ": the payload bytes are the ones first sent");
        }
        assertEquals("link", published.envelope().payloads().get(3).transport().wireName());
        assertArrayEquals(firmware, arrived.get("firmware.bin").bytes());
        assertEquals("temperature 21.5 °C", arrived.get("reading").value());
        assertEquals(Map.of("device", "esp32", "ok", true), arrived.get("status").value());
    }

    @Test
    void aFiftyMegabytePayloadCrossesKafkaAsItsClaimCheck() throws Exception {
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedMessageCount(1);
        byte[] video = new byte[50 * 1024 * 1024];
        new Random(50).nextBytes(video);
        String videoSha = Sha256Hex.of(video);

        EncodedEnvelope published = MsgHandler.smartpack("uploads", List.of(Payload.of("lecture.mp4", video, "video")),
                PackOptions.builder().connection(nats.connection())
                        .header(EnvelopeHeader.builder().correlationId("upload-1").build()).build());
        video = null;   // from here on only the store has the bytes

        uploaded.assertIsSatisfied(WAIT.toMillis());
        org.apache.camel.Message arrived = uploaded.getReceivedExchanges().get(0).getMessage();
        assertEquals(published.envelope().header().msgId(), arrived.getHeader(MsgHandlerConstants.MSG_ID),
                "forwarded as it is: the same msg id");
        assertEquals("upload-1", arrived.getHeader(MsgHandlerConstants.CORRELATION_ID));
        assertEquals("link", arrived.getHeader(MsgHandlerConstants.TRANSPORT));
        assertEquals(50L * 1024 * 1024, arrived.getHeader(MsgHandlerConstants.PAYLOAD_SIZE));
        assertEquals(videoSha, arrived.getHeader("receivedSha256"), "fetched by the last consumer, verified");

        List<ConsumerRecord<byte[], byte[]>> records = readTopic("uploads");
        assertEquals(1, records.size());
        int recordSize = records.get(0).value().length;
        assertTrue(recordSize < 2048, "the record carries the claim-check, not the bytes: " + recordSize + " bytes");
        assertArrayEquals(published.jsonBytes(), records.get(0).value(), "the envelope exactly as it was sent");
    }

    @Test
    void aRenewedEnvelopeGetsItsOwnMsgIdAndKeepsItsClaimCheck() throws Exception {
        byte[] scan = new byte[700_000];
        new Random(7).nextBytes(scan);
        EncodedEnvelope published = MsgHandler.smartpack("ignored", List.of(Payload.of("scan.png", scan, "image")),
                PackOptions.builder().connection(nats.connection()).publish(false).build());
        Subscription out = nats.connection().subscribe("renewed.out");
        nats.connection().flush(Duration.ofSeconds(5));

        template.sendBody("msghandler:renewed.out?brokerUrl={{nats.url}}&rawEnvelope=true&renewMsgId=true"
                + "&msgIdHeader=true", published.jsonBytes());

        Message message = out.nextMessage(WAIT);
        UnpackedEnvelope renewed = MsgHandler.smartunpack(message);
        assertNotEquals(published.envelope().header().msgId(), renewed.envelope().header().msgId());
        assertEquals(renewed.envelope().header().msgId(), message.getHeaders().getFirst(EncodedEnvelope.NATS_MSG_ID));
        assertEquals(published.envelope().header().correlationId(), renewed.envelope().header().correlationId());
        assertEquals(published.envelope().payloads(), renewed.envelope().payloads(), "payloads and links unchanged");
        assertArrayEquals(scan, renewed.payloads().get(0).bytes());
    }

    /** Every record of a topic, read by a consumer group of its own. */
    private static List<ConsumerRecord<byte[], byte[]>> readTopic(String topic) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("group.id", "test-reader-" + topic);
        config.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
