package io.github.msghandler.core.store;

import io.github.msghandler.core.api.ClaimCheckStoreException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.ObjectStore;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectMeta;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.support.NatsJetStreamConstants;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claim-check store in a NATS JetStream Object Store bucket: the default store, since it needs nothing beyond the
 * broker (started with {@code -js}). Links are {@code nats-os://<bucket>/<id>%2F<dataname>}. The bucket is created
 * on first use when missing, with file storage and the configured TTL, so unclaimed payloads do not pile up.
 */
public final class ObjectStoreClaimCheckStore implements ClaimCheckStore {
    /** The bucket used when none is configured. */
    public static final String DEFAULT_BUCKET = "msghandler";
    /** How long payloads stay in a bucket this store creates, when no TTL is configured. */
    public static final long DEFAULT_TTL_MILLIS = 24L * 60 * 60 * 1000;
    public static final Duration DEFAULT_TTL = Duration.ofMillis(DEFAULT_TTL_MILLIS);

    /** JetStream API error code for a missing stream, i.e. a missing Object Store bucket. */
    private static final int JS_STREAM_NOT_FOUND_ERR = 10059;
    /** How jnats writes an object's digest: the algorithm, then the digest in URL-safe base64. */
    private static final String DIGEST_PREFIX = "SHA-256=";

    private final Connection connection;
    private final String bucket;
    private final Duration ttl;
    private final int replicas;
    private final StorageType storageType;
    private final long maxBytes;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    private ObjectStoreClaimCheckStore(Builder builder) {
        this.connection = Objects.requireNonNull(builder.connection, "connection");
        this.bucket = builder.bucket;
        this.ttl = builder.ttl;
        this.replicas = builder.replicas;
        this.storageType = builder.storageType;
        this.maxBytes = builder.maxBytes;
    }

    public static Builder builder(Connection connection) {
        return new Builder(connection);
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public URI upload(ClaimCheckKey key, InputStream content, long size) throws IOException {
        requireJetStream();
        ObjectStore store = ensureBucket();
        String name = key.objectName();
        try {
            store.put(ObjectMeta.builder(name).description("msghandler payload " + key.dataname()).build(), content);
        } catch (JetStreamApiException e) {
            throw new ClaimCheckStoreException("Object Store bucket '" + bucket + "' refused payload '"
                    + key.dataname() + "': " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which jnats needs", e);
        }
        return new NatsObjectLink(bucket, name).toUri();
    }

    /** Fetches a {@code nats-os} link of any bucket on this store's connection. */
    @Override
    public void download(URI link, OutputStream target) throws IOException {
        NatsObjectLink object = parse(link);
        try {
            info(object);
            connection.objectStore(object.bucket()).get(object.objectName(), target);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // jnats's own checks of what it read (chunk count, size, digest) also fail when a chunk did not come
            // in time, as while a cluster elects a new leader for the bucket: worth another attempt
            throw new LinkDownloadException("Object Store object '" + object.objectName() + "' read back wrong: "
                    + e.getMessage(), true, e);
        } catch (JetStreamApiException e) {
            throw new LinkDownloadException("Object Store answered: " + e.getMessage(), isTransient(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while fetching " + link);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which jnats needs", e);
        }
    }

    /** Every object of this store is stored and read with its SHA-256 digest, which jnats computes and checks. */
    @Override
    public boolean verifiesSha256() {
        return true;
    }

    /** The object's SHA-256 digest, which {@link #download} verifies every byte against. */
    @Override
    public String verifiedSha256(URI link) throws IOException {
        try {
            String digest = info(parse(link)).getDigest();
            return digest != null && digest.regionMatches(true, 0, DIGEST_PREFIX, 0, DIGEST_PREFIX.length())
                    ? HexFormat.of().formatHex(Base64.getUrlDecoder().decode(digest.substring(DIGEST_PREFIX.length())))
                    : null;
        } catch (JetStreamApiException e) {
            throw new LinkDownloadException("Object Store answered: " + e.getMessage(), isTransient(e), e);
        } catch (IllegalArgumentException e) {
            return null;   // a digest we cannot read: the receiver hashes the bytes itself
        }
    }

    private static NatsObjectLink parse(URI link) throws LinkDownloadException {
        try {
            return NatsObjectLink.parse(link);
        } catch (IllegalArgumentException e) {
            throw new LinkDownloadException(e.getMessage(), false, e);
        }
    }

    private ObjectInfo info(NatsObjectLink object) throws IOException, JetStreamApiException {
        requireJetStream();
        requireBucket(object.bucket());
        ObjectInfo info = connection.objectStore(object.bucket()).getInfo(object.objectName());
        if (info == null) {
            throw new LinkDownloadException("no object '" + object.objectName() + "' in bucket '"
                    + object.bucket() + "'", false);
        }
        return info;
    }

    /**
     * Asking a missing bucket for an object does not fail fast (the request just times out), so check the bucket
     * once per store and bucket first: a missing one is final, not worth retries.
     */
    private void requireBucket(String name) throws IOException, JetStreamApiException {
        if (knownBuckets.contains(name)) {
            return;
        }
        try {
            connection.objectStoreManagement().getStatus(name);
        } catch (JetStreamApiException e) {
            if (!isTransient(e)) {
                throw new LinkDownloadException("no Object Store bucket '" + name + "' on the broker at "
                        + connection.getConnectedUrl(), false, e);
            }
            throw e;
        }
        knownBuckets.add(name);
    }

    private static boolean isTransient(JetStreamApiException e) {
        // A missing bucket or object (404 from the JetStream API) will not heal by retrying.
        int code = e.getApiErrorCode();
        return code != NatsJetStreamConstants.JS_NO_MESSAGE_FOUND_ERR && code != JS_STREAM_NOT_FOUND_ERR
                && e.getErrorCode() != 404;
    }

    private void requireJetStream() {
        if (connection.getServerInfo() != null && !connection.getServerInfo().isJetStreamAvailable()) {
            throw new ClaimCheckStoreException("JetStream is not enabled on the NATS server at "
                    + connection.getConnectedUrl() + ", so the Object Store claim-check store cannot work: start "
                    + "nats-server with -js, or set a file server URL (fileserverUrl) for link payloads");
        }
    }

    private ObjectStore ensureBucket() throws IOException {
        try {
            if (!knownBuckets.contains(bucket)) {
                ObjectStoreManagement management = connection.objectStoreManagement();
                if (!management.getBucketNames().contains(bucket)) {
                    management.create(ObjectStoreConfiguration.builder(bucket)
                            .storageType(storageType)
                            .replicas(replicas)
                            .maxBucketSize(maxBytes)
                            .ttl(ttl)
                            .description("msghandler claim-check payloads")
                            .build());
                }
                knownBuckets.add(bucket);
            }
            return connection.objectStore(bucket);
        } catch (JetStreamApiException e) {
            throw new ClaimCheckStoreException("cannot create or open Object Store bucket '" + bucket + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ObjectStoreClaimCheckStore[bucket=" + bucket + ", ttl=" + ttl + "]";
    }

    /** Builder for {@link ObjectStoreClaimCheckStore}. */
    public static final class Builder {
        private final Connection connection;
        private String bucket = DEFAULT_BUCKET;
        private Duration ttl = DEFAULT_TTL;
        private int replicas = 1;
        private StorageType storageType = StorageType.File;
        private long maxBytes = -1;

        private Builder(Connection connection) {
            this.connection = connection;
        }

        /** The bucket for uploads; default {@value ObjectStoreClaimCheckStore#DEFAULT_BUCKET}. */
        public Builder bucket(String bucket) {
            if (bucket == null || bucket.isEmpty()) {
                throw new IllegalArgumentException("bucket must not be empty");
            }
            this.bucket = bucket;
            return this;
        }

        /** TTL of a bucket this store creates; zero keeps payloads until deleted. Default 24 hours. */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** Servers of a cluster that hold a copy of a bucket this store creates: 1 (default), 3 or 5. */
        public Builder replicas(int replicas) {
            if (replicas < 1) {
                throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        /** Storage of a bucket this store creates; default file. */
        public Builder storageType(StorageType storageType) {
            this.storageType = Objects.requireNonNull(storageType, "storageType");
            return this;
        }

        /** Most bytes a bucket this store creates may hold; -1 (default) means no limit. */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        public ObjectStoreClaimCheckStore build() {
            return new ObjectStoreClaimCheckStore(this);
        }
    }
}
