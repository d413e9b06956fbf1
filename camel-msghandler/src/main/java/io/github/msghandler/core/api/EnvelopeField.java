package io.github.msghandler.core.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of the envelope's text fields (wire format section 2), in the order they are written: the wire
 * name, how {@link EnvelopeHeader} holds it, and who sets it on the way out. Writing, reading, the Camel headers
 * and the endpoint options all follow this table; adding a field means a row here, its case in {@link #get} and
 * {@link #set}, a component of {@link EnvelopeHeader}, and its documentation. The envelope's {@code metadata} and
 * {@code payloads} are not text and have their own types.
 */
public enum EnvelopeField {
    CORRELATION_ID("correlation_id", Origin.MESSAGE),
    MSG_ID("msg_id", Origin.PACKER),
    TIMESTAMP("timestamp", Origin.PACKER),
    SEND_TO("send_to", Origin.PACKER),
    MSG_PURPOSE("msg_purpose", Origin.MESSAGE),
    SENDER_NAME("sender_name", Origin.SENDER),
    SENDER_ID("sender_id", Origin.SENDER),
    RECEIVER_NAME("receiver_name", Origin.MESSAGE),
    RECEIVER_ID("receiver_id", Origin.MESSAGE),
    REPLY_TO("reply_to", Origin.MESSAGE),
    REPLY_TO_MSG_ID("reply_to_msg_id", Origin.MESSAGE),
    BROKER_URL("broker_url", Origin.PACKER);

    /** Who sets a field of an envelope on its way out. */
    public enum Origin {
        /** The sender's options, and each message may set its own. */
        MESSAGE,
        /** The sender's options, the same for every message. */
        SENDER,
        /** smartpack itself: new ids, the time, the subject, the broker. */
        PACKER
    }

    /** Every field, in the order they are written; {@code values()} copies its array on every call. */
    public static final List<EnvelopeField> ALL = List.of(values());

    private static final Map<String, EnvelopeField> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EnvelopeField::wireName, Function.identity()));

    private final String wireName;
    private final String optionName;
    private final Origin origin;
    EnvelopeField(String wireName, Origin origin) {
        this.wireName = wireName;
        this.optionName = camelCase(wireName);
        this.origin = origin;
    }

    private static String camelCase(String snakeCase) {
        StringBuilder name = new StringBuilder(snakeCase.length());
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The JSON field name. */
    public String wireName() {
        return wireName;
    }

    /** The wire name in camelCase ({@code reply_to_msg_id}: {@code replyToMsgId}), as options name it. */
    public String optionName() {
        return optionName;
    }

    public Origin origin() {
        return origin;
    }

    /**
     * Whether the field holds a new UUID in (nearly) every message: the ids, unless a sender sets its own. Writers
     * and readers keep the text of the other fields from one message to the next, and never these.
     */
    public boolean isNewPerMessage() {
        return this == CORRELATION_ID || this == MSG_ID || this == SENDER_ID;
    }

    /** The field's value in {@code header}; never null. */
    public String get(EnvelopeHeader header) {
        // a switch, not a function per field: twelve lambdas behind one call site were 9% of the sender
        return switch (this) {
            case CORRELATION_ID -> header.correlationId();
            case MSG_ID -> header.msgId();
            case TIMESTAMP -> header.timestamp();
            case SEND_TO -> header.sendTo();
            case MSG_PURPOSE -> header.msgPurpose();
            case SENDER_NAME -> header.senderName();
            case SENDER_ID -> header.senderId();
            case RECEIVER_NAME -> header.receiverName();
            case RECEIVER_ID -> header.receiverId();
            case REPLY_TO -> header.replyTo();
            case REPLY_TO_MSG_ID -> header.replyToMsgId();
            case BROKER_URL -> header.brokerUrl();
        };
    }

    /** Sets the field in {@code builder}. */
    public void set(EnvelopeHeader.Builder builder, String value) {
        switch (this) {
            case CORRELATION_ID -> builder.correlationId(value);
            case MSG_ID -> builder.msgId(value);
            case TIMESTAMP -> builder.timestamp(value);
            case SEND_TO -> builder.sendTo(value);
            case MSG_PURPOSE -> builder.msgPurpose(value);
            case SENDER_NAME -> builder.senderName(value);
            case SENDER_ID -> builder.senderId(value);
            case RECEIVER_NAME -> builder.receiverName(value);
            case RECEIVER_ID -> builder.receiverId(value);
            case REPLY_TO -> builder.replyTo(value);
            case REPLY_TO_MSG_ID -> builder.replyToMsgId(value);
            case BROKER_URL -> builder.brokerUrl(value);
        }
    }

    /** The field of this wire name, or null for any other name (metadata, payloads, unknown fields). */
    public static EnvelopeField ofWireName(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }
}
