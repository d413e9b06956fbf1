package io.github.msghandler.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The msghandler envelope exactly as it travels (wire format section 2). String fields are never null: a missing
 * field reads as {@code ""}, as the contract says.
 *
 * <p>Immutable; build one with {@link #builder()}.
 */
public final class Envelope {
    private final String correlationId;
    private final String msgId;
    private final String timestamp;
    private final String sendTo;
    private final String msgPurpose;
    private final String senderName;
    private final String senderId;
    private final String receiverName;
    private final String receiverId;
    private final String replyTo;
    private final String replyToMsgId;
    private final String brokerUrl;
    private final Map<String, Object> metadata;
    private final List<WirePayload> payloads;

    private Envelope(Builder b) {
        this.correlationId = b.correlationId;
        this.msgId = b.msgId;
        this.timestamp = b.timestamp;
        this.sendTo = b.sendTo;
        this.msgPurpose = b.msgPurpose;
        this.senderName = b.senderName;
        this.senderId = b.senderId;
        this.receiverName = b.receiverName;
        this.receiverId = b.receiverId;
        this.replyTo = b.replyTo;
        this.replyToMsgId = b.replyToMsgId;
        this.brokerUrl = b.brokerUrl;
        this.metadata = FrozenMaps.copyOf(b.metadata);
        this.payloads = List.copyOf(b.payloads);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().correlationId(correlationId).msgId(msgId).timestamp(timestamp).sendTo(sendTo)
                .msgPurpose(msgPurpose).senderName(senderName).senderId(senderId).receiverName(receiverName)
                .receiverId(receiverId).replyTo(replyTo).replyToMsgId(replyToMsgId).brokerUrl(brokerUrl)
                .metadata(metadata).payloads(payloads);
    }

    public String correlationId() {
        return correlationId;
    }

    public String msgId() {
        return msgId;
    }

    /** ISO-8601 UTC with milliseconds, as the sender wrote it. */
    public String timestamp() {
        return timestamp;
    }

    public String sendTo() {
        return sendTo;
    }

    public String msgPurpose() {
        return msgPurpose;
    }

    public String senderName() {
        return senderName;
    }

    public String senderId() {
        return senderId;
    }

    public String receiverName() {
        return receiverName;
    }

    public String receiverId() {
        return receiverId;
    }

    public String replyTo() {
        return replyTo;
    }

    public String replyToMsgId() {
        return replyToMsgId;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public List<WirePayload> payloads() {
        return payloads;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Envelope)) {
            return false;
        }
        Envelope that = (Envelope) other;
        return correlationId.equals(that.correlationId) && msgId.equals(that.msgId)
                && timestamp.equals(that.timestamp) && sendTo.equals(that.sendTo)
                && msgPurpose.equals(that.msgPurpose) && senderName.equals(that.senderName)
                && senderId.equals(that.senderId) && receiverName.equals(that.receiverName)
                && receiverId.equals(that.receiverId) && replyTo.equals(that.replyTo)
                && replyToMsgId.equals(that.replyToMsgId) && brokerUrl.equals(that.brokerUrl)
                && metadata.equals(that.metadata) && payloads.equals(that.payloads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(correlationId, msgId, timestamp, sendTo, msgPurpose, senderName, senderId, receiverName,
                receiverId, replyTo, replyToMsgId, brokerUrl, metadata, payloads);
    }

    @Override
    public String toString() {
        return "Envelope[msg_id=" + msgId + ", correlation_id=" + correlationId + ", send_to=" + sendTo
                + ", msg_purpose=" + msgPurpose + ", payloads=" + payloads + "]";
    }

    /** Builder for {@link Envelope}; every string field starts as {@code ""}, null is read as {@code ""}. */
    public static final class Builder {
        private String correlationId = "";
        private String msgId = "";
        private String timestamp = "";
        private String sendTo = "";
        private String msgPurpose = "";
        private String senderName = "";
        private String senderId = "";
        private String receiverName = "";
        private String receiverId = "";
        private String replyTo = "";
        private String replyToMsgId = "";
        private String brokerUrl = "";
        private Map<String, Object> metadata = new LinkedHashMap<>();
        private List<WirePayload> payloads = new ArrayList<>();

        private Builder() {
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        public Builder correlationId(String correlationId) {
            this.correlationId = text(correlationId);
            return this;
        }

        public Builder msgId(String msgId) {
            this.msgId = text(msgId);
            return this;
        }

        public Builder timestamp(String timestamp) {
            this.timestamp = text(timestamp);
            return this;
        }

        public Builder sendTo(String sendTo) {
            this.sendTo = text(sendTo);
            return this;
        }

        public Builder msgPurpose(String msgPurpose) {
            this.msgPurpose = text(msgPurpose);
            return this;
        }

        public Builder senderName(String senderName) {
            this.senderName = text(senderName);
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = text(senderId);
            return this;
        }

        public Builder receiverName(String receiverName) {
            this.receiverName = text(receiverName);
            return this;
        }

        public Builder receiverId(String receiverId) {
            this.receiverId = text(receiverId);
            return this;
        }

        public Builder replyTo(String replyTo) {
            this.replyTo = text(replyTo);
            return this;
        }

        public Builder replyToMsgId(String replyToMsgId) {
            this.replyToMsgId = text(replyToMsgId);
            return this;
        }

        public Builder brokerUrl(String brokerUrl) {
            this.brokerUrl = text(brokerUrl);
            return this;
        }

        /** Replaces the envelope metadata. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
            return this;
        }

        /** Replaces the payloads. */
        public Builder payloads(List<WirePayload> payloads) {
            this.payloads = new ArrayList<>(payloads);
            return this;
        }

        public Builder addPayload(WirePayload payload) {
            this.payloads.add(Objects.requireNonNull(payload, "payload"));
            return this;
        }

        public Envelope build() {
            return new Envelope(this);
        }
    }
}
