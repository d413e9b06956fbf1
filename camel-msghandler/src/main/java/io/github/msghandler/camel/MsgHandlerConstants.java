package io.github.msghandler.camel;

import io.github.msghandler.core.api.EnvelopeField;
import org.apache.camel.spi.Metadata;

import java.util.EnumMap;
import java.util.Map;

/**
 * The Camel headers of the msghandler component: every envelope field (wire format section 2), the per-payload
 * fields (section 3), and what the producer reports after sending.
 */
public final class MsgHandlerConstants {

    @Metadata(description = "The envelope's correlation_id. Consumer: as received. Producer: overrides the "
            + "endpoint's correlationId; after sending, the one sent.", javaType = "String")
    public static final String CORRELATION_ID = "CamelMsgHandlerCorrelationId";
    @Metadata(description = "The envelope's msg_id. Consumer: as received. Producer: after sending, the new one "
            + "(an incoming value is never reused, so a republished message gets its own id).", javaType = "String")
    public static final String MSG_ID = "CamelMsgHandlerMsgId";
    @Metadata(description = "The envelope's timestamp (ISO-8601 UTC). Consumer: as received. Producer: after "
            + "sending, the one sent.", javaType = "String")
    public static final String TIMESTAMP = "CamelMsgHandlerTimestamp";
    @Metadata(label = "consumer", description = "The envelope's send_to.", javaType = "String")
    public static final String SEND_TO = "CamelMsgHandlerSendTo";
    @Metadata(description = "The envelope's msg_purpose. Producer: overrides the endpoint's msgPurpose.",
              javaType = "String")
    public static final String MSG_PURPOSE = "CamelMsgHandlerMsgPurpose";
    @Metadata(label = "consumer", description = "The envelope's sender_name.", javaType = "String")
    public static final String SENDER_NAME = "CamelMsgHandlerSenderName";
    @Metadata(label = "consumer", description = "The envelope's sender_id.", javaType = "String")
    public static final String SENDER_ID = "CamelMsgHandlerSenderId";
    @Metadata(description = "The envelope's receiver_name. Producer: overrides the endpoint's receiverName.",
              javaType = "String")
    public static final String RECEIVER_NAME = "CamelMsgHandlerReceiverName";
    @Metadata(description = "The envelope's receiver_id. Producer: overrides the endpoint's receiverId.",
              javaType = "String")
    public static final String RECEIVER_ID = "CamelMsgHandlerReceiverId";
    @Metadata(description = "The envelope's reply_to. Producer: overrides the endpoint's replyTo.",
              javaType = "String")
    public static final String REPLY_TO = "CamelMsgHandlerReplyTo";
    @Metadata(description = "The envelope's reply_to_msg_id. Producer: overrides the endpoint's replyToMsgId.",
              javaType = "String")
    public static final String REPLY_TO_MSG_ID = "CamelMsgHandlerReplyToMsgId";
    @Metadata(label = "consumer", description = "The envelope's broker_url.", javaType = "String")
    public static final String BROKER_URL = "CamelMsgHandlerBrokerUrl";
    @Metadata(description = "The envelope's metadata object. Producer: the envelope metadata to send.",
              javaType = "java.util.Map<String, Object>")
    public static final String METADATA = "CamelMsgHandlerMetadata";

    @Metadata(description = "A payload's dataname. Consumer: set for a single payload and on each payload "
            + "message of several. Producer: the dataname of a single-body payload (before CamelFileName and the "
            + "dataName option).", javaType = "String")
    public static final String DATA_NAME = "CamelMsgHandlerDataName";
    @Metadata(description = "A payload's payload_type (text, dictionary, arrowtable, jsontable, image, audio, "
            + "video, binary). Producer: forces the type of a single-body payload.", javaType = "String")
    public static final String PAYLOAD_TYPE = "CamelMsgHandlerPayloadType";
    @Metadata(label = "consumer", description = "A payload's transport: direct or link.", javaType = "String")
    public static final String TRANSPORT = "CamelMsgHandlerTransport";
    @Metadata(label = "consumer", description = "A payload's size in bytes, verified.", javaType = "long")
    public static final String PAYLOAD_SIZE = "CamelMsgHandlerPayloadSize";
    @Metadata(label = "consumer", description = "A payload's id.", javaType = "String")
    public static final String PAYLOAD_ID = "CamelMsgHandlerPayloadId";
    @Metadata(label = "consumer", description = "A payload's metadata (sha256, content_type, filename and any "
            + "key the sender added).", javaType = "java.util.Map<String, Object>")
    public static final String PAYLOAD_METADATA = "CamelMsgHandlerPayloadMetadata";
    @Metadata(label = "consumer", description = "How many payloads the envelope carried.", javaType = "int")
    public static final String PAYLOAD_COUNT = "CamelMsgHandlerPayloadCount";

    @Metadata(label = "producer", description = "After sending: the transport of each payload, in order.",
              javaType = "java.util.List<String>")
    public static final String TRANSPORTS = "CamelMsgHandlerTransports";
    @Metadata(label = "consumer", description = "The NATS subject the message arrived on.", javaType = "String")
    public static final String SUBJECT = "CamelMsgHandlerSubject";
    @Metadata(label = "consumer", description = "The NATS reply subject of the message, when it has one.",
              javaType = "String")
    public static final String NATS_REPLY_TO = "CamelMsgHandlerNatsReplyTo";
    @Metadata(label = "consumer", description = "How many times JetStream has delivered this message, this time "
            + "included (1 the first time). Only with jetstream=true.", javaType = "long")
    public static final String DELIVERY_COUNT = "CamelMsgHandlerDeliveryCount";
    @Metadata(label = "consumer", description = "Whether JetStream delivers this message again (its delivery count "
            + "is above 1). Only with jetstream=true.", javaType = "boolean")
    public static final String REDELIVERED = "CamelMsgHandlerRedelivered";
    @Metadata(label = "consumer", description = "With manualAck=true, the handle the route answers JetStream with: "
            + "ack, nak, nakWithDelay, term or inProgress.", javaType = "io.github.msghandler.camel.JetStreamAck")
    public static final String ACK_HANDLE = "CamelMsgHandlerAckHandle";

    private static final Map<EnvelopeField, String> ENVELOPE_HEADERS = new EnumMap<>(EnvelopeField.class);

    static {
        for (EnvelopeField field : EnvelopeField.values()) {
            ENVELOPE_HEADERS.put(field, "CamelMsgHandler" + Character.toUpperCase(field.optionName().charAt(0))
                    + field.optionName().substring(1));
        }
    }

    private MsgHandlerConstants() {
    }

    /**
     * The Camel header of an envelope field: {@code CamelMsgHandler} and the field's option name, capitalised
     * ({@code reply_to_msg_id}: {@link #REPLY_TO_MSG_ID}). Each is declared above too, for Camel's documentation.
     */
    static String headerOf(EnvelopeField field) {
        return ENVELOPE_HEADERS.get(field);
    }
}
