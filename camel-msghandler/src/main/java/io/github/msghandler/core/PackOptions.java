package io.github.msghandler.core;

import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.nats.client.Connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of smartpack, named and defaulted as in the seed README. Immutable; build with {@link #builder()}.
 *
 * <p>One deliberate difference: the seed defaults {@code fileserver_url} to {@code http://localhost:8080}; here it
 * has no default, and without one link payloads go to the broker's own JetStream Object Store, which needs nothing
 * else running.
 */
public final class PackOptions {
    /** The seed's default broker. */
    public static final String DEFAULT_BROKER_URL = "nats://localhost:4222";
    /** The seed's default size threshold in bytes: smaller payloads go direct, this size and larger by link. */
    public static final long DEFAULT_SIZE_THRESHOLD = 500_000;
    public static final String DEFAULT_MSG_PURPOSE = "chat";
    public static final String DEFAULT_SENDER_NAME = "msghandler";

    private final String brokerUrl;
    private final String fileserverUrl;
    private final ClaimCheckStore store;
    private final String objectStoreBucket;
    private final long sizeThreshold;
    private final String correlationId;
    private final String msgPurpose;
    private final String senderName;
    private final String receiverName;
    private final String receiverId;
    private final String replyTo;
    private final String replyToMsgId;
    private final boolean publish;
    private final Connection connection;
    private final String msgId;
    private final String senderId;
    private final Map<String, Object> metadata;

    private PackOptions(Builder b) {
        this.brokerUrl = b.brokerUrl;
        this.fileserverUrl = b.fileserverUrl;
        this.store = b.store;
        this.objectStoreBucket = b.objectStoreBucket;
        this.sizeThreshold = b.sizeThreshold;
        this.correlationId = b.correlationId;
        this.msgPurpose = b.msgPurpose;
        this.senderName = b.senderName;
        this.receiverName = b.receiverName;
        this.receiverId = b.receiverId;
        this.replyTo = b.replyTo;
        this.replyToMsgId = b.replyToMsgId;
        this.publish = b.publish;
        this.connection = b.connection;
        this.msgId = b.msgId;
        this.senderId = b.senderId;
        this.metadata = FrozenMaps.copyOf(b.metadata);
    }

    /** Every option at its seed default. */
    public static PackOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    /** The Plik server for link payloads, or null for the Object Store. */
    public String fileserverUrl() {
        return fileserverUrl;
    }

    /** The store given explicitly, or null to choose by {@link #fileserverUrl()}. */
    public ClaimCheckStore store() {
        return store;
    }

    public String objectStoreBucket() {
        return objectStoreBucket;
    }

    public long sizeThreshold() {
        return sizeThreshold;
    }

    /** Null means a new random UUID per message. */
    public String correlationId() {
        return correlationId;
    }

    public String msgPurpose() {
        return msgPurpose;
    }

    public String senderName() {
        return senderName;
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

    /** The seed's {@code is_publish}. */
    public boolean publish() {
        return publish;
    }

    /** The seed's {@code NATS_connection}: an open connection to use (and leave open), or null. */
    public Connection connection() {
        return connection;
    }

    /** Null means a new random UUID per message. */
    public String msgId() {
        return msgId;
    }

    /** Null means a new random UUID per message. */
    public String senderId() {
        return senderId;
    }

    /** Envelope-level metadata. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.brokerUrl = brokerUrl;
        b.fileserverUrl = fileserverUrl;
        b.store = store;
        b.objectStoreBucket = objectStoreBucket;
        b.sizeThreshold = sizeThreshold;
        b.correlationId = correlationId;
        b.msgPurpose = msgPurpose;
        b.senderName = senderName;
        b.receiverName = receiverName;
        b.receiverId = receiverId;
        b.replyTo = replyTo;
        b.replyToMsgId = replyToMsgId;
        b.publish = publish;
        b.connection = connection;
        b.msgId = msgId;
        b.senderId = senderId;
        b.metadata = new LinkedHashMap<>(metadata);
        return b;
    }

    /** Builder for {@link PackOptions}; starts at the seed defaults. */
    public static final class Builder {
        private String brokerUrl = DEFAULT_BROKER_URL;
        private String fileserverUrl;
        private ClaimCheckStore store;
        private String objectStoreBucket = ObjectStoreClaimCheckStore.DEFAULT_BUCKET;
        private long sizeThreshold = DEFAULT_SIZE_THRESHOLD;
        private String correlationId;
        private String msgPurpose = DEFAULT_MSG_PURPOSE;
        private String senderName = DEFAULT_SENDER_NAME;
        private String receiverName = "";
        private String receiverId = "";
        private String replyTo = "";
        private String replyToMsgId = "";
        private boolean publish = true;
        private Connection connection;
        private String msgId;
        private String senderId;
        private Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /** Where to connect when publishing without a connection; written as {@code broker_url}. */
        public Builder brokerUrl(String brokerUrl) {
            this.brokerUrl = requireText(brokerUrl, "brokerUrl");
            return this;
        }

        /**
         * A Plik server for link payloads (the seed's {@code fileserver_url} with its default handler). Null or
         * empty: the broker's JetStream Object Store.
         */
        public Builder fileserverUrl(String fileserverUrl) {
            this.fileserverUrl = fileserverUrl == null || fileserverUrl.isBlank() ? null : fileserverUrl;
            return this;
        }

        /** The claim-check store for link payloads (the seed's {@code fileserver_upload_handler}). */
        public Builder store(ClaimCheckStore store) {
            this.store = store;
            return this;
        }

        /** The bucket of the default Object Store claim-check store; default {@code msghandler}. */
        public Builder objectStoreBucket(String objectStoreBucket) {
            this.objectStoreBucket = requireText(objectStoreBucket, "objectStoreBucket");
            return this;
        }

        /** Payloads of at least this many bytes go by link; default 500,000. */
        public Builder sizeThreshold(long sizeThreshold) {
            if (sizeThreshold < 0) {
                throw new IllegalArgumentException("sizeThreshold must not be negative, was " + sizeThreshold);
            }
            this.sizeThreshold = sizeThreshold;
            return this;
        }

        public Builder correlationId(String correlationId) {
            this.correlationId = emptyToNull(correlationId);
            return this;
        }

        public Builder msgPurpose(String msgPurpose) {
            this.msgPurpose = nullToEmpty(msgPurpose);
            return this;
        }

        public Builder senderName(String senderName) {
            this.senderName = nullToEmpty(senderName);
            return this;
        }

        public Builder receiverName(String receiverName) {
            this.receiverName = nullToEmpty(receiverName);
            return this;
        }

        public Builder receiverId(String receiverId) {
            this.receiverId = nullToEmpty(receiverId);
            return this;
        }

        public Builder replyTo(String replyTo) {
            this.replyTo = nullToEmpty(replyTo);
            return this;
        }

        public Builder replyToMsgId(String replyToMsgId) {
            this.replyToMsgId = nullToEmpty(replyToMsgId);
            return this;
        }

        /** Publish the envelope (default true); false only builds it. */
        public Builder publish(boolean publish) {
            this.publish = publish;
            return this;
        }

        /** An open connection to publish and upload on; left open. Without one, smartpack opens and closes its own. */
        public Builder connection(Connection connection) {
            this.connection = connection;
            return this;
        }

        public Builder msgId(String msgId) {
            this.msgId = emptyToNull(msgId);
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = emptyToNull(senderId);
            return this;
        }

        /** Envelope-level metadata (replaces any set before). */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
            return this;
        }

        public PackOptions build() {
            return new PackOptions(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
        }

        private static String emptyToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }
}
