package io.github.msghandler.core.s3;

import io.github.msghandler.core.store.LinkPolicy;
import io.github.msghandler.core.store.ClaimCheckKey;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.LinkDownloadException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Claim-check store in an S3 bucket (AWS or an S3-compatible server). Uploads stream: a payload smaller than one
 * part is one PUT, a larger one a multipart upload holding one part in memory at a time. The link is a presigned
 * HTTPS GET URL, so a peer in any language fetches it with a plain GET and no S3 SDK (wire format section 6).
 *
 * <p>Objects are named {@code <keyPrefix><payload id>/<dataname>}. Their expiry belongs to a bucket lifecycle rule
 * on the key prefix; {@link #delete(URI)} removes one object for setups with a single consumer.
 *
 * <p>The clients are injected: bring your own (the store does not close them), or hand it {@link S3Clients}, which
 * it closes on {@link #close()}. Thread-safe.
 */
public final class S3ClaimCheckStore implements ClaimCheckStore, AutoCloseable {
    /** S3's smallest part of a multipart upload, except the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** The longest lifetime AWS allows a presigned URL signed with SigV4. */
    public static final Duration MAX_URL_LIFETIME = Duration.ofDays(7);

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final String keyPrefix;
    private final Duration urlLifetime;
    private final S3Encryption encryption;
    private final String kmsKeyId;
    private final int partSize;
    private final URI bucketUrl;
    private final AutoCloseable ownedClients;

    private S3ClaimCheckStore(Builder b) {
        this.ownedClients = b.ownedClients;
        this.client = b.client;
        this.presigner = b.presigner;
        this.bucket = b.bucket;
        this.keyPrefix = b.keyPrefix;
        this.urlLifetime = b.urlLifetime;
        this.encryption = b.encryption;
        this.kmsKeyId = b.kmsKeyId;
        this.partSize = b.partSize;
        // the URL of an object named "" in the bucket, under which every link of this store lies
        String probe = client.utilities().getUrl(r -> r.bucket(bucket).key(keyPrefix + "x")).toString();
        this.bucketUrl = URI.create(probe.substring(0, probe.length() - 1));
    }

    /**
     * @param client the S3 client uploads and deletes go through
     * @param presigner the presigner of the links; configure it like the client (region, endpoint, path style)
     * @param bucket the bucket, which must exist
     */
    public static Builder builder(S3Client client, S3Presigner presigner, String bucket) {
        return new Builder(client, presigner, bucket);
    }

    /** A store over clients it owns and closes on {@link #close()}. */
    public static Builder builder(S3Clients clients, String bucket) {
        Builder builder = new Builder(clients.client(), clients.presigner(), bucket);
        builder.ownedClients = clients;
        return builder;
    }

    /** Closes the clients when the store was built over {@link S3Clients}; others stay open. */
    @Override
    public void close() throws Exception {
        if (ownedClients != null) {
            ownedClients.close();
        }
    }

    /**
     * The URL every link of this store starts with (the bucket and key prefix), which a receiver's link policy can
     * allow without opening the whole S3 host.
     */
    public URI bucketUrl() {
        return bucketUrl;
    }

    @Override
    public List<URI> linkLocations() {
        return List.of(bucketUrl);
    }

    @Override
    public URI upload(ClaimCheckKey key, InputStream content, long size) throws IOException {
        String objectKey = keyPrefix + key.objectName();
        byte[] part = new byte[(int) (size >= 0 ? Math.min(size, partSize) : partSize)];
        int filled = content.readNBytes(part, 0, part.length);
        try {
            if (filled < partSize) {
                client.putObject(putRequest(objectKey), RequestBody.fromInputStream(
                        new ByteArrayInputStream(part, 0, filled), filled));
            } else {
                uploadInParts(objectKey, content, part);
            }
        } catch (SdkException e) {
            throw new IOException("S3 bucket '" + bucket + "' refused object '" + objectKey + "': " + e.getMessage(),
                    e);
        }
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(urlLifetime)
                .getObjectRequest(g -> g.bucket(bucket).key(objectKey))).url().toString());
    }

    /** A multipart upload whose first part is already in {@code part}; aborted when anything fails. */
    private void uploadInParts(String objectKey, InputStream content, byte[] part) throws IOException {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .bucket(bucket).key(objectKey);
        applyEncryption(create::serverSideEncryption, create::ssekmsKeyId);
        String uploadId = client.createMultipartUpload(create.build()).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int filled = part.length;
            for (int number = 1; filled > 0; number++) {
                UploadPartRequest request = UploadPartRequest.builder().bucket(bucket).key(objectKey)
                        .uploadId(uploadId).partNumber(number).contentLength((long) filled).build();
                String etag = client.uploadPart(request,
                        RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = content.readNBytes(part, 0, part.length);
            }
            client.completeMultipartUpload(c -> c.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(a -> a.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (SdkException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private PutObjectRequest putRequest(String objectKey) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(objectKey);
        applyEncryption(put::serverSideEncryption, put::ssekmsKeyId);
        return put.build();
    }

    /** Sets the encryption headers through the two setters that PUT and multipart-create requests both have. */
    private void applyEncryption(Consumer<ServerSideEncryption> setEncryption, Consumer<String> setKmsKeyId) {
        if (encryption != S3Encryption.NONE) {
            setEncryption.accept(ServerSideEncryption.fromValue(encryption.headerValue()));
            if (encryption == S3Encryption.SSE_KMS && kmsKeyId != null) {
                setKmsKeyId.accept(kmsKeyId);
            }
        }
    }

    /** Fetches one of this store's objects through the SDK; links elsewhere are refused. */
    @Override
    public void download(URI link, OutputStream target) throws IOException {
        String objectKey = objectKey(link);
        try {
            client.getObject(g -> g.bucket(bucket).key(objectKey), ResponseTransformer.toOutputStream(target));
        } catch (SdkException e) {
            throw new IOException("fetching '" + objectKey + "' from S3 bucket '" + bucket + "' failed: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the object behind one of this store's links. */
    @Override
    public boolean delete(URI link) throws IOException {
        String objectKey = objectKey(link);
        try {
            client.deleteObject(d -> d.bucket(bucket).key(objectKey));
            return true;
        } catch (SdkException e) {
            throw new IOException("deleting '" + objectKey + "' from S3 bucket '" + bucket + "' failed: "
                    + e.getMessage(), e);
        }
    }

    /** True for a link into this store's bucket and key prefix. */
    public boolean owns(URI link) {
        return LinkPolicy.isUnder(link, bucketUrl);
    }

    /** The key behind a link: the key prefix, then what follows the bucket URL, decoded. */
    private String objectKey(URI link) throws LinkDownloadException {
        if (!owns(link)) {
            throw new LinkDownloadException("link " + link + " is not in S3 bucket " + bucketUrl, false);
        }
        String rest = link.normalize().getRawPath().substring(bucketUrl.getRawPath().length());
        return keyPrefix + URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "S3ClaimCheckStore[" + bucketUrl + ", encryption=" + encryption + ", links valid " + urlLifetime + "]";
    }

    /** Builder for {@link S3ClaimCheckStore}. */
    public static final class Builder {
        private final S3Client client;
        private final S3Presigner presigner;
        private final String bucket;
        private String keyPrefix = "msghandler/";
        private Duration urlLifetime = Duration.ofHours(1);
        private S3Encryption encryption = S3Encryption.NONE;
        private String kmsKeyId;
        private int partSize = 8 * 1024 * 1024;
        private AutoCloseable ownedClients;

        private Builder(S3Client client, S3Presigner presigner, String bucket) {
            this.client = Objects.requireNonNull(client, "client");
            this.presigner = Objects.requireNonNull(presigner, "presigner");
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("the S3 store needs a bucket name");
            }
            this.bucket = bucket;
        }

        /** Prepended to every object key; default {@code msghandler/}. The rule of a lifecycle policy goes here. */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
            return this;
        }

        /** How long a link stays valid; default 1 hour, at most 7 days. */
        public Builder urlLifetime(Duration urlLifetime) {
            if (urlLifetime.isNegative() || urlLifetime.isZero() || urlLifetime.compareTo(MAX_URL_LIFETIME) > 0) {
                throw new IllegalArgumentException("a presigned URL lifetime must be above 0 and at most 7 days, not "
                        + urlLifetime);
            }
            this.urlLifetime = urlLifetime;
            return this;
        }

        /** Server-side encryption; for SSE-KMS, {@code kmsKeyId} names the key (null: the bucket's default). */
        public Builder encryption(S3Encryption encryption, String kmsKeyId) {
            this.encryption = Objects.requireNonNull(encryption, "encryption");
            this.kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId;
            return this;
        }

        /** Bytes per part of a multipart upload (held in memory while sent); default 8 MiB, at least 5 MiB. */
        public Builder partSize(long partSize) {
            if (partSize < MIN_PART_SIZE || partSize > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("an S3 part size must be between 5 MiB and 2 GiB, not " + partSize);
            }
            this.partSize = (int) partSize;
            return this;
        }

        public S3ClaimCheckStore build() {
            return new S3ClaimCheckStore(this);
        }
    }
}
