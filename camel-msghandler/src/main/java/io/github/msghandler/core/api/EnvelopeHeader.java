package io.github.msghandler.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope's own fields, everything but its payloads (wire format section 2); {@link EnvelopeField} is the table
 * of its text fields that writing, reading and the Camel binding follow. String fields are never null: a missing
 * field is {@code ""}, as the contract says. Build one with {@link #builder()}.
 */
public record EnvelopeHeader(String correlationId, String msgId, String timestamp, String sendTo, String msgPurpose,
                             String senderName, String senderId, String receiverName, String receiverId,
                             String replyTo, String replyToMsgId, String brokerUrl, Map<String, Object> metadata) {
    /** Every field empty. */
    public static final EnvelopeHeader EMPTY = builder().build();

    public EnvelopeHeader {
        correlationId = text(correlationId);
        msgId = text(msgId);
        timestamp = text(timestamp);
        sendTo = text(sendTo);
        msgPurpose = text(msgPurpose);
        senderName = text(senderName);
        senderId = text(senderId);
        receiverName = text(receiverName);
        receiverId = text(receiverId);
        replyTo = text(replyTo);
        replyToMsgId = text(replyToMsgId);
        brokerUrl = text(brokerUrl);
        metadata = FrozenMaps.copyOf(metadata);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        // field by field, as build() takes them: a loop over EnvelopeField's switches was a tenth of smartpack
        Builder builder = new Builder();
        builder.correlationId = correlationId;
        builder.msgId = msgId;
        builder.timestamp = timestamp;
        builder.sendTo = sendTo;
        builder.msgPurpose = msgPurpose;
        builder.senderName = senderName;
        builder.senderId = senderId;
        builder.receiverName = receiverName;
        builder.receiverId = receiverId;
        builder.replyTo = replyTo;
        builder.replyToMsgId = replyToMsgId;
        builder.brokerUrl = brokerUrl;
        builder.metadata = metadata;   // frozen: build() copies it as it copies any map
        return builder;
    }

    /** Builder for {@link EnvelopeHeader}; every field starts empty, and null reads as empty. */
    public static final class Builder {
        private String correlationId;
        private String msgId;
        private String timestamp;
        private String sendTo;
        private String msgPurpose;
        private String senderName;
        private String senderId;
        private String receiverName;
        private String receiverId;
        private String replyTo;
        private String replyToMsgId;
        private String brokerUrl;
        private Map<String, Object> metadata = Map.of();

        private Builder() {
        }

        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Builder msgId(String msgId) {
            this.msgId = msgId;
            return this;
        }

        /** ISO-8601 UTC with milliseconds. */
        public Builder timestamp(String timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder sendTo(String sendTo) {
            this.sendTo = sendTo;
            return this;
        }

        public Builder msgPurpose(String msgPurpose) {
            this.msgPurpose = msgPurpose;
            return this;
        }

        public Builder senderName(String senderName) {
            this.senderName = senderName;
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = senderId;
            return this;
        }

        public Builder receiverName(String receiverName) {
            this.receiverName = receiverName;
            return this;
        }

        public Builder receiverId(String receiverId) {
            this.receiverId = receiverId;
            return this;
        }

        public Builder replyTo(String replyTo) {
            this.replyTo = replyTo;
            return this;
        }

        public Builder replyToMsgId(String replyToMsgId) {
            this.replyToMsgId = replyToMsgId;
            return this;
        }

        public Builder brokerUrl(String brokerUrl) {
            this.brokerUrl = brokerUrl;
            return this;
        }

        /** Envelope-level metadata (replaces any set before). */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata == null || metadata.isEmpty() ? Map.of() : new LinkedHashMap<>(metadata);
            return this;
        }

        public EnvelopeHeader build() {
            return new EnvelopeHeader(correlationId, msgId, timestamp, sendTo, msgPurpose, senderName, senderId,
                    receiverName, receiverId, replyTo, replyToMsgId, brokerUrl, metadata);
        }
    }
}
