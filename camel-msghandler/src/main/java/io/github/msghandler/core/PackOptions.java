package io.github.msghandler.core;

import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;


/**
 * The options of smartpack, named and defaulted as in the original msghandler README. Immutable; build with {@link #builder()}.
 *
 * <p>One deliberate difference: the original msghandler defaults {@code fileserver_url} to {@code http://localhost:8080}; here it
 * has no default, and without one link payloads go to the broker's own JetStream Object Store, which needs nothing
 * else running.
 */
public final class PackOptions {
    /** The original msghandler's default broker. */
    public static final String DEFAULT_BROKER_URL = "nats://localhost:4222";
    /** The original msghandler's default size threshold in bytes: smaller payloads go direct, this size and larger by link. */
    public static final long DEFAULT_SIZE_THRESHOLD = 500_000;
    public static final String DEFAULT_MSG_PURPOSE = "chat";
    public static final String DEFAULT_SENDER_NAME = "msghandler";

    private final String brokerUrl;
    private final String fileserverUrl;
    private final ClaimCheckStore store;
    private final String objectStoreBucket;
    private final long sizeThreshold;
    private final EnvelopeHeader header;
    private final boolean publish;
    private final Connection connection;
    private final Headers natsHeaders;
    private final boolean msgIdHeader;

    private PackOptions(Builder b) {
        this.brokerUrl = b.brokerUrl;
        this.fileserverUrl = b.fileserverUrl;
        this.store = b.store;
        this.objectStoreBucket = b.objectStoreBucket;
        this.sizeThreshold = b.sizeThreshold;
        this.header = b.header;
        this.publish = b.publish;
        this.connection = b.connection;
        this.natsHeaders = b.natsHeaders;
        this.msgIdHeader = b.msgIdHeader;
    }

    /** Every option at its original msghandler default. */
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

    /**
     * The envelope fields to send. smartpack fills what is empty: {@code correlation_id}, {@code msg_id} and
     * {@code sender_id} with new UUIDs, {@code msg_purpose} with {@value #DEFAULT_MSG_PURPOSE}, {@code sender_name}
     * with {@value #DEFAULT_SENDER_NAME}; it always sets {@code timestamp}, {@code send_to} and {@code broker_url}.
     */
    public EnvelopeHeader header() {
        return header;
    }

    /** The original msghandler's {@code is_publish}. */
    public boolean publish() {
        return publish;
    }

    /** The original msghandler's {@code NATS_connection}: an open connection to use (and leave open), or null. */
    public Connection connection() {
        return connection;
    }

    /** The NATS headers the envelope travels with besides {@code Nats-Msg-Id} (read-only), or null for none. */
    public Headers natsHeaders() {
        return natsHeaders;
    }

    /** Whether the envelope travels with {@code Nats-Msg-Id} set to its msg id. */
    public boolean msgIdHeader() {
        return msgIdHeader;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.brokerUrl = brokerUrl;
        b.fileserverUrl = fileserverUrl;
        b.store = store;
        b.objectStoreBucket = objectStoreBucket;
        b.sizeThreshold = sizeThreshold;
        b.header = header;
        b.publish = publish;
        b.connection = connection;
        b.natsHeaders = natsHeaders;
        b.msgIdHeader = msgIdHeader;
        return b;
    }

    /** Builder for {@link PackOptions}; starts at the original msghandler defaults. */
    public static final class Builder {
        private String brokerUrl = DEFAULT_BROKER_URL;
        private String fileserverUrl;
        private ClaimCheckStore store;
        private String objectStoreBucket = ObjectStoreClaimCheckStore.DEFAULT_BUCKET;
        private long sizeThreshold = DEFAULT_SIZE_THRESHOLD;
        private EnvelopeHeader header = EnvelopeHeader.EMPTY;
        private boolean publish = true;
        private Connection connection;
        private Headers natsHeaders;
        private boolean msgIdHeader;

        private Builder() {
        }

        /** Where to connect when publishing without a connection; written as {@code broker_url}. */
        public Builder brokerUrl(String brokerUrl) {
            this.brokerUrl = requireText(brokerUrl, "brokerUrl");
            return this;
        }

        /**
         * A Plik server for link payloads (the original msghandler's {@code fileserver_url} with its default handler). Null or
         * empty: the broker's JetStream Object Store.
         */
        public Builder fileserverUrl(String fileserverUrl) {
            this.fileserverUrl = fileserverUrl == null || fileserverUrl.isBlank() ? null : fileserverUrl;
            return this;
        }

        /** The claim-check store for link payloads (the original msghandler's {@code fileserver_upload_handler}). */
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

        /**
         * The envelope fields to send (see {@link PackOptions#header()} for those smartpack fills); default all
         * empty.
         */
        public Builder header(EnvelopeHeader header) {
            this.header = header == null ? EnvelopeHeader.EMPTY : header;
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

        /**
         * NATS headers to send with the envelope (a copy is kept). They count toward the broker's max_payload, so
         * smartpack sizes the envelope with them: direct payloads move to link until both fit.
         */
        public Builder natsHeaders(Headers natsHeaders) {
            this.natsHeaders = natsHeaders == null || natsHeaders.isEmpty() ? null : new Headers(natsHeaders, true);
            return this;
        }

        /**
         * Send {@code Nats-Msg-Id} = the msg id (default false), so that a JetStream stream capturing the subject
         * drops a second publish of the same envelope within its duplicate window. Core NATS delivers at most once
         * and reads no header; without any header the message travels as a plain {@code PUB}, which spares both
         * clients and the server a header block per message.
         */
        public Builder msgIdHeader(boolean msgIdHeader) {
            this.msgIdHeader = msgIdHeader;
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
    }
}
