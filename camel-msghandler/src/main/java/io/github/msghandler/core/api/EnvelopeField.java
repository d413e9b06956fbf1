package io.github.msghandler.core.api;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of the envelope's text fields (wire format section 2), in the order they are written: the wire
 * name, how {@link EnvelopeHeader} holds it, and who sets it on the way out. Writing, reading, the Camel headers
 * and the endpoint options all follow this table; adding a field means a row here, a component of
 * {@link EnvelopeHeader}, and its documentation. The envelope's {@code metadata} and {@code payloads} are not text
 * and have their own types.
 */
public enum EnvelopeField {
    CORRELATION_ID("correlation_id", Origin.MESSAGE, EnvelopeHeader::correlationId,
            EnvelopeHeader.Builder::correlationId),
    MSG_ID("msg_id", Origin.PACKER, EnvelopeHeader::msgId, EnvelopeHeader.Builder::msgId),
    TIMESTAMP("timestamp", Origin.PACKER, EnvelopeHeader::timestamp, EnvelopeHeader.Builder::timestamp),
    SEND_TO("send_to", Origin.PACKER, EnvelopeHeader::sendTo, EnvelopeHeader.Builder::sendTo),
    MSG_PURPOSE("msg_purpose", Origin.MESSAGE, EnvelopeHeader::msgPurpose, EnvelopeHeader.Builder::msgPurpose),
    SENDER_NAME("sender_name", Origin.SENDER, EnvelopeHeader::senderName, EnvelopeHeader.Builder::senderName),
    SENDER_ID("sender_id", Origin.SENDER, EnvelopeHeader::senderId, EnvelopeHeader.Builder::senderId),
    RECEIVER_NAME("receiver_name", Origin.MESSAGE, EnvelopeHeader::receiverName,
            EnvelopeHeader.Builder::receiverName),
    RECEIVER_ID("receiver_id", Origin.MESSAGE, EnvelopeHeader::receiverId, EnvelopeHeader.Builder::receiverId),
    REPLY_TO("reply_to", Origin.MESSAGE, EnvelopeHeader::replyTo, EnvelopeHeader.Builder::replyTo),
    REPLY_TO_MSG_ID("reply_to_msg_id", Origin.MESSAGE, EnvelopeHeader::replyToMsgId,
            EnvelopeHeader.Builder::replyToMsgId),
    BROKER_URL("broker_url", Origin.PACKER, EnvelopeHeader::brokerUrl, EnvelopeHeader.Builder::brokerUrl);

    /** Who sets a field of an envelope on its way out. */
    public enum Origin {
        /** The sender's options, and each message may set its own. */
        MESSAGE,
        /** The sender's options, the same for every message. */
        SENDER,
        /** smartpack itself: new ids, the time, the subject, the broker. */
        PACKER
    }

    private static final Map<String, EnvelopeField> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EnvelopeField::wireName, Function.identity()));

    private final String wireName;
    private final String optionName;
    private final Origin origin;
    private final Function<EnvelopeHeader, String> getter;
    private final BiConsumer<EnvelopeHeader.Builder, String> setter;

    EnvelopeField(String wireName, Origin origin, Function<EnvelopeHeader, String> getter,
                  BiConsumer<EnvelopeHeader.Builder, String> setter) {
        this.wireName = wireName;
        this.optionName = camelCase(wireName);
        this.origin = origin;
        this.getter = getter;
        this.setter = setter;
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

    /** The field's value in {@code header}; never null. */
    public String get(EnvelopeHeader header) {
        return getter.apply(header);
    }

    /** Sets the field in {@code builder}. */
    public void set(EnvelopeHeader.Builder builder, String value) {
        setter.accept(builder, value);
    }

    /** The field of this wire name, or null for any other name (metadata, payloads, unknown fields). */
    public static EnvelopeField ofWireName(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }
}
