package io.github.msghandler.kafka;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The Java DSL Kafka bridges of docs/walkthrough.md, section 4: the code between each pair of {@code walkthrough}
 * markers is the code the walkthrough shows (WalkthroughKafkaSectionTest compares them).
 */
final class KafkaBridgeRoutes {
    private KafkaBridgeRoutes() {
    }

    /** Each payload of an envelope becomes a Kafka record, and each record an envelope again. */
    static RouteBuilder payloads() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // walkthrough: payloads
                from("msghandler:telemetry?brokerUrl={{nats.url}}&queueName=kafka-bridge")
                    .split(body())   // one exchange per payload, the envelope's headers on each
                        .setHeader(KafkaConstants.KEY, header("CamelMsgHandlerCorrelationId"))
                        .setHeader("msghandler_dataname", header("CamelMsgHandlerDataName"))
                        .setHeader("msghandler_payload_type", header("CamelMsgHandlerPayloadType"))
                        .setHeader("msghandler_msg_id", header("CamelMsgHandlerMsgId"))
                        .setHeader("msghandler_sender_name", header("CamelMsgHandlerSenderName"))
                        .convertBodyTo(byte[].class)   // the payload bytes as they arrived: JSON for tables
                        .to("kafka:telemetry?brokers={{kafka.brokers}}"
                                + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer")
                    .end();

                from("kafka:telemetry?brokers={{kafka.brokers}}&groupId=msghandler-bridge&autoOffsetReset=earliest"
                        + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                    .setHeader("CamelMsgHandlerCorrelationId", header(KafkaConstants.KEY))
                    .setHeader("CamelMsgHandlerDataName", header("msghandler_dataname"))
                    .setHeader("CamelMsgHandlerPayloadType", header("msghandler_payload_type"))
                    .removeHeaders("kafka.*|msghandler_*")   // not for the NATS headers of the new envelope
                    .to("msghandler:telemetry.out?brokerUrl={{nats.url}}&encodedBody=true");
                // walkthrough: end
            }
        };
    }

    /** Whole envelopes through Kafka, claim-checks and all: a 50 MB payload is a 1 KB record. */
    static RouteBuilder envelopes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // walkthrough: envelopes
                from("msghandler:uploads?brokerUrl={{nats.url}}&rawEnvelope=true")
                    .to("kafka:uploads?brokers={{kafka.brokers}}"
                            + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer");

                from("kafka:uploads?brokers={{kafka.brokers}}&groupId=msghandler-bridge&autoOffsetReset=earliest"
                        + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                    .removeHeaders("kafka.*")
                    .to("msghandler:uploads.out?brokerUrl={{nats.url}}&rawEnvelope=true");
                // walkthrough: end
            }
        };
    }
}
