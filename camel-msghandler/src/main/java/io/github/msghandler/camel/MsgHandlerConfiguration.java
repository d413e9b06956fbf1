package io.github.msghandler.camel;

import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.core.store.Backoff;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.HttpLinkDownloader;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.nats.client.Connection;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

import java.util.Arrays;
import java.util.List;

/**
 * Every option of a msghandler endpoint; the component holds one as defaults that its endpoints copy. The original msghandler's
 * smartpack and smartunpack options keep their names in camelCase and their defaults.
 */
@UriParams
public class MsgHandlerConfiguration implements Cloneable {

    /**
     * The NATS server to connect to (nats://host:port); also written into each envelope as broker_url.
     */
    @UriParam(label = "common", defaultValue = PackOptions.DEFAULT_BROKER_URL)
    private String brokerUrl = PackOptions.DEFAULT_BROKER_URL;

    /**
     * A comma-separated list of NATS servers for a cluster; when set it is used to connect instead of brokerUrl.
     */
    @UriParam(label = "common")
    private String servers;

    /**
     * The connection name the NATS server shows for this client.
     */
    @UriParam(label = "common", defaultValue = "camel-msghandler")
    private String connectionName = "camel-msghandler";

    /**
     * Payloads of fewer bytes travel direct (base64 in the envelope); payloads of this many bytes or more travel by
     * link through the claim-check store.
     */
    @UriParam(label = "common", defaultValue = "" + PackOptions.DEFAULT_SIZE_THRESHOLD)
    private long sizeThreshold = PackOptions.DEFAULT_SIZE_THRESHOLD;

    /**
     * The claim-check store for link payloads: objectstore (the broker's JetStream Object Store), plik (a Plik
     * server at fileserverUrl), http (PUT and GET on fileserverUrl) or s3 (an S3 bucket, links presigned; needs
     * software.amazon.awssdk:s3). Default: plik when fileserverUrl is set, else objectstore.
     */
    @UriParam(label = "common", enums = "objectstore,plik,http,s3")
    private String store;

    /**
     * The file server of the plik and http stores, for example http://localhost:8080.
     */
    @UriParam(label = "common")
    private String fileserverUrl;

    /**
     * The Object Store bucket of the objectstore store; created when missing.
     */
    @UriParam(label = "common", defaultValue = ObjectStoreClaimCheckStore.DEFAULT_BUCKET)
    private String bucket = ObjectStoreClaimCheckStore.DEFAULT_BUCKET;

    /**
     * How many servers of a NATS cluster hold a copy of the Object Store bucket this component creates: 1
     * (default), 3 or 5; more than 1 needs a JetStream cluster.
     */
    @UriParam(label = "producer,advanced", defaultValue = "1")
    private int bucketReplicas = 1;

    /**
     * The most bytes the Object Store bucket this component creates may hold; -1 (default) means no limit.
     */
    @UriParam(label = "producer,advanced", defaultValue = "-1")
    private long maxBucketBytes = -1;

    /**
     * How long payloads live in a bucket that this component creates; 0 keeps them until deleted.
     */
    @UriParam(label = "common", defaultValue = "" + ObjectStoreClaimCheckStore.DEFAULT_TTL_MILLIS,
              javaType = "java.time.Duration")
    private long objectStoreTtl = ObjectStoreClaimCheckStore.DEFAULT_TTL_MILLIS;

    /**
     * Upload to Plik as one-shot files, deleted after their first download. Off by default: Plik marks a one-shot
     * file consumed before it streams it, so a failed or retried download loses the payload.
     */
    @UriParam(label = "common", defaultValue = "false")
    private boolean plikOneShot = false;

    /**
     * How long Plik keeps an upload (the server's own maximum still applies).
     */
    @UriParam(label = "common", defaultValue = "86400000", javaType = "java.time.Duration")
    private long plikTtl = 86400000L;

    /**
     * The S3 bucket of the s3 store (it must exist). A consumer given the s3 store options accepts links into this
     * bucket and key prefix without opening all of the S3 host.
     */
    @UriParam(label = "s3")
    private String s3Bucket;

    /**
     * Prepended to the key of every object the s3 store writes (objects are named prefix + payload id + / +
     * dataname). Object expiry belongs to a bucket lifecycle rule on this prefix.
     */
    @UriParam(label = "s3", defaultValue = "msghandler/")
    private String s3KeyPrefix = "msghandler/";

    /**
     * The AWS region of the s3 store, for example eu-west-1; default: the AWS SDK's region chain (AWS_REGION,
     * profile).
     */
    @UriParam(label = "s3")
    private String s3Region;

    /**
     * The endpoint of an S3-compatible server (MinIO, Ceph, S3Proxy), for example http://localhost:9000; default
     * AWS.
     */
    @UriParam(label = "s3")
    private String s3EndpointOverride;

    /**
     * Address the bucket in the path (https://host/bucket/key), as most S3-compatible servers need, instead of in
     * the host name.
     */
    @UriParam(label = "s3", defaultValue = "false")
    private boolean s3PathStyleAccess = false;

    /**
     * The access key id of the s3 store; without it (and s3SecretKey) the AWS default credentials chain applies.
     */
    @UriParam(label = "security", secret = true)
    private String s3AccessKey;

    /**
     * The secret access key of the s3 store.
     */
    @UriParam(label = "security", secret = true)
    private String s3SecretKey;

    /**
     * Server-side encryption of stored payloads: none, AES256 (SSE-S3) or aws:kms (SSE-KMS).
     */
    @UriParam(label = "s3", defaultValue = "none", enums = "none,AES256,aws:kms")
    private String s3ServerSideEncryption = "none";

    /**
     * The KMS key of SSE-KMS; default the bucket's AWS managed key.
     */
    @UriParam(label = "s3")
    private String s3KmsKeyId;

    /**
     * How long the presigned GET link of a payload stays valid, at most 7 days. Receivers must fetch within it.
     */
    @UriParam(label = "s3", defaultValue = "3600000", javaType = "java.time.Duration")
    private long s3PresignedUrlLifetime = 3600000L;

    /**
     * Bytes per part of a multipart upload, at least 5 MiB; a payload of fewer bytes is one PUT. One part is held in
     * memory at a time.
     */
    @UriParam(label = "s3", defaultValue = "8388608")
    private long s3PartSize = 8388608L;

    /**
     * Delete a payload's object from the s3 store once the exchange that received it completed successfully (never
     * before, never after a failure). For setups with a single consumer per envelope; leave off when several
     * consumers read the same links.
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean s3DeleteAfterConsume = false;

    /**
     * Use JetStream: the producer publishes with Nats-Msg-Id (so the stream drops a duplicate) and waits for the
     * publish ack; the consumer reads a durable pull consumer with explicit acks.
     */
    @UriParam(label = "common", defaultValue = "false")
    private boolean jetstream = false;

    /**
     * Attempts in all to fetch one link payload.
     */
    @UriParam(label = "common", defaultValue = "" + Backoff.DEFAULT_MAX_RETRIES)
    private int maxRetries = Backoff.DEFAULT_MAX_RETRIES;

    /**
     * The wait before the second attempt to fetch a link; it doubles per attempt up to maxDelay.
     */
    @UriParam(label = "common", defaultValue = "" + Backoff.DEFAULT_BASE_DELAY_MILLIS, javaType = "java.time.Duration")
    private long baseDelay = Backoff.DEFAULT_BASE_DELAY_MILLIS;

    /**
     * The longest wait between two attempts to fetch a link.
     */
    @UriParam(label = "common", defaultValue = "" + Backoff.DEFAULT_MAX_DELAY_MILLIS, javaType = "java.time.Duration")
    private long maxDelay = Backoff.DEFAULT_MAX_DELAY_MILLIS;

    /**
     * Link payloads of this many bytes or more are received into a temporary file instead of the heap; image,
     * audio, video and binary ones then reach the route as Camel's file-backed stream cache over that file.
     */
    @UriParam(label = "common", defaultValue = "" + UnpackOptions.DEFAULT_SPOOL_THRESHOLD)
    private long spoolThreshold = UnpackOptions.DEFAULT_SPOOL_THRESHOLD;

    /**
     * The directory for spooled payloads; default the JVM's temporary directory.
     */
    @UriParam(label = "common")
    private String spoolDirectory;

    /**
     * The correlation_id of sent envelopes; default a new UUID per message, or the CamelMsgHandlerCorrelationId
     * header.
     */
    @UriParam(label = "producer")
    private String correlationId;

    /**
     * The msg_purpose of sent envelopes.
     */
    @UriParam(label = "producer", defaultValue = PackOptions.DEFAULT_MSG_PURPOSE)
    private String msgPurpose = PackOptions.DEFAULT_MSG_PURPOSE;

    /**
     * The sender_name of sent envelopes.
     */
    @UriParam(label = "producer", defaultValue = PackOptions.DEFAULT_SENDER_NAME)
    private String senderName = PackOptions.DEFAULT_SENDER_NAME;

    /**
     * The sender_id of sent envelopes; default a new UUID per message.
     */
    @UriParam(label = "producer")
    private String senderId;

    /**
     * The receiver_name of sent envelopes.
     */
    @UriParam(label = "producer")
    private String receiverName;

    /**
     * The receiver_id of sent envelopes.
     */
    @UriParam(label = "producer")
    private String receiverId;

    /**
     * The reply_to of sent envelopes: where a responder should answer.
     */
    @UriParam(label = "producer")
    private String replyTo;

    /**
     * The reply_to_msg_id of sent envelopes.
     */
    @UriParam(label = "producer")
    private String replyToMsgId;

    /**
     * The dataname of a payload made from the message body, when neither the CamelMsgHandlerDataName nor the
     * CamelFileName header gives one; default body.
     */
    @UriParam(label = "producer")
    private String dataName;

    /**
     * Forces the payload type of the message body; by default it follows the body's Java type, the content type and
     * the file extension.
     */
    @UriParam(label = "producer", enums = "text,dictionary,arrowtable,jsontable,image,audio,video,binary")
    private String payloadType;

    /**
     * How a body that is a list of row maps is sent.
     */
    @UriParam(label = "producer", defaultValue = "jsontable", enums = "jsontable,arrowtable")
    private String tableFormat = "jsontable";

    /**
     * true: a core NATS publish completes its exchange only when the server has confirmed it (a confirmation that
     * this connection sends after the publish and gets back; concurrent exchanges share one), and fails when the
     * connection drops or confirmTimeout passes first, so no loss on the producer side is silent; it costs a round
     * trip per synchronous send. false (default): fire-and-forget like camel-nats; a message written into a
     * connection that just broke is lost without an error. Both are at-most-once; for delivery use jetstream=true.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean confirmPublish;

    /**
     * Also send the Nats-Msg-Id header (= the envelope's msg_id) on core NATS publishes, requests and replies;
     * JetStream publishes always carry it. Turn on when a JetStream stream captures this subject and should drop
     * a second publish of the same exchange (a redelivery by Camel's error handler keeps its msg id). Off by
     * default: core NATS reads no header, and a message without headers spares both clients and the server a
     * header block (about a tenth of the CPU a 1 KB message costs).
     */
    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean msgIdHeader;

    /**
     * How long a publish waits for the server to confirm it before the exchange fails: the confirmation of a
     * confirmed core NATS publish, or JetStream's publish ack.
     */
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    private long confirmTimeout = 5000L;

    /**
     * With jetstream=true, how many publishes of this producer may wait for their JetStream ack at once; a send
     * beyond that waits for a free slot (back pressure), and fails when none frees within confirmTimeout.
     */
    @UriParam(label = "producer,advanced", defaultValue = "256")
    private int maxPendingAcks = 256;

    /**
     * How long an InOut exchange waits for the reply envelope.
     */
    @UriParam(label = "producer", defaultValue = "20000", javaType = "java.time.Duration")
    private long requestTimeout = 20000L;

    /**
     * A NATS queue group: several consumers with the same queue name share the messages.
     */
    @UriParam(label = "consumer")
    private String queueName;

    /**
     * How many threads process messages. With more than one, messages are decoded and routed in parallel and the
     * order of arrival is not kept; set 1 for a route that needs the order. 0 (default): 4 on core NATS, where one
     * thread fell behind fast senders, and 1 with jetstream=true, where parallel pulls measured slower.
     */
    @UriParam(label = "consumer", defaultValue = "0")
    private int concurrentConsumers;
    /** Measured: with fewer, the consumer of eight unpaced senders lost part of a burst (docs/performance.md). */
    static final int DEFAULT_CORE_CONSUMER_THREADS = 4;

    /**
     * How many messages a core NATS subscription may hold while the route is busy (jnats's pending limit); past it
     * the client drops messages, logs a slow consumer at WARN and the consumer's health check reports DOWN. 0 or
     * less: no limit. Not used with jetstream=true, where the consumer pulls only what it can take.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "524288")
    private long pendingMessageLimit = io.nats.client.Consumer.DEFAULT_MAX_MESSAGES;

    /**
     * How many bytes a core NATS subscription may hold while the route is busy (jnats's pending limit); past it
     * the client drops messages, as with pendingMessageLimit. 0 or less: no limit.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "67108864")
    private long pendingBytesLimit = io.nats.client.Consumer.DEFAULT_MAX_BYTES;

    /**
     * The JetStream stream holding the subject; default MSGHANDLER_ followed by the subject with every character
     * other than letters, digits, - and _ replaced by _.
     */
    @UriParam(label = "consumer,advanced")
    private String stream;

    /**
     * The durable JetStream consumer name; default msghandler- followed by the sanitised subject.
     */
    @UriParam(label = "consumer,advanced")
    private String durableName;

    /**
     * Create the JetStream stream (the endpoint's subject, storageType and streamReplicas) when it does not exist.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "false")
    private boolean createStream = false;

    /**
     * How many servers of a NATS cluster hold a copy of the stream this component creates (createStream=true):
     * 1 (default), 3 or 5; more than 1 needs a JetStream cluster.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "1")
    private int streamReplicas = 1;

    /**
     * Where the stream and the Object Store bucket this component creates keep their messages.
     */
    @UriParam(label = "common,advanced", defaultValue = "file", enums = "file,memory")
    private String storageType = "file";

    /**
     * A jnats ConsumerConfiguration (a bean) for JetStream consumer settings that have no option here, such as
     * maxAckPending or a description. The durable name, the filter subject, explicit acks, ackWait and maxDeliver
     * always come from this endpoint's options.
     */
    @UriParam(label = "consumer,advanced")
    private ConsumerConfiguration consumerConfiguration;

    /**
     * The route answers JetStream itself, through the JetStreamAck in the CamelMsgHandlerAckHandle header (ack,
     * nak, nakWithDelay, term, inProgress), for work that finishes later; the consumer then acks nothing, and
     * answers only a failed exchange the route has not answered. false (default): the consumer acks each message
     * after its exchange completed.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "false")
    private boolean manualAck;

    /**
     * How many times JetStream delivers a message before giving up on it; -1 means no limit.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "-1")
    private int maxDeliver = -1;

    /**
     * How long JetStream waits before redelivering a message whose exchange failed.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long nakDelay = 1000L;

    /**
     * How long JetStream waits for the ack of a delivered message before redelivering it.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long ackWait = 30000L;

    /**
     * How many JetStream messages one pull asks for; the next pull goes out when half of them have arrived.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "10")
    private int fetchBatchSize = 10;

    /**
     * A comma-separated list of what http and https links may point to, redirects included: a host (any port), a
     * host:port, or an http(s) URL prefix that allows only links under it (an origin such as http://files:8080/, an
     * S3 bucket's URL); * allows any host. Default: the origin (scheme, host and port) of the endpoint's own file
     * server, the host:port of each of its brokers, and with store=s3 the bucket's URL and key prefix.
     * Link-local and cloud metadata addresses are refused unless listed by name.
     */
    @UriParam(label = "security")
    private String allowedLinkHosts;

    /**
     * The longest wait for the next bytes of a link download; a slow but steady transfer never times out, a
     * stalled one does (and is retried).
     */
    @UriParam(label = "security", defaultValue = "" + HttpLinkDownloader.DEFAULT_READ_TIMEOUT_MILLIS,
              javaType = "java.time.Duration")
    private long linkReadTimeout = HttpLinkDownloader.DEFAULT_READ_TIMEOUT_MILLIS;

    /**
     * The largest payload accepted in bytes, judged on its declared size before anything is fetched; 0 means no
     * limit.
     */
    @UriParam(label = "security", defaultValue = "0")
    private long maxPayloadSize = 0L;

    /**
     * The user name for NATS authentication.
     */
    @UriParam(label = "security", secret = true)
    private String user;

    /**
     * The password for NATS authentication.
     */
    @UriParam(label = "security", secret = true)
    private String password;

    /**
     * A token for NATS authentication.
     */
    @UriParam(label = "security", secret = true)
    private String token;

    /**
     * The NKey seed (the private key, starting with SU) for NATS NKey authentication.
     */
    @UriParam(label = "security", secret = true)
    private String nkeyPrivateKey;

    /**
     * A NATS credentials file (user JWT and NKey seed, as nsc writes it) for decentralised (operator mode)
     * authentication. Checked before connecting: a seed of another user or an expired JWT fails the start, naming
     * which.
     */
    @UriParam(label = "security")
    private String credentialsFile;

    /**
     * A Plik user token (X-PlikToken) for Plik servers that require authentication.
     */
    @UriParam(label = "security", secret = true)
    private String plikToken;

    /**
     * TLS settings for the NATS connection.
     */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    /**
     * TLS settings for https file servers: the links a consumer fetches and the uploads of the plik and http
     * stores. Default: the JVM's trust store.
     */
    @UriParam(label = "security")
    private SSLContextParameters fileserverSslContextParameters;

    /**
     * How many times to try to reconnect after the connection is lost; -1 means for ever.
     */
    @UriParam(label = "advanced", defaultValue = "60")
    private int maxReconnects = 60;

    /**
     * The wait between reconnection attempts.
     */
    @UriParam(label = "advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long reconnectWait = 2000L;

    /**
     * How long to wait for the connection to a NATS server.
     */
    @UriParam(label = "advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long connectionTimeout = 2000L;

    /**
     * An existing NATS connection to use; the component never closes it.
     */
    @UriParam(label = "advanced")
    private Connection connection;

    /**
     * A claim-check store of your own (an implementation of io.github.msghandler.core.store.ClaimCheckStore); it
     * takes precedence over store.
     */
    @UriParam(label = "advanced")
    private ClaimCheckStore claimCheckStore;

    /**
     * Deal in envelopes as they travel, for bridges that carry them whole (through Kafka, say) with their
     * claim-checks. Consumer: the body is the envelope's JSON as it arrived (byte[]), validated but with no link
     * fetched and no payload decoded; the envelope fields are headers as usual. Producer: the body must be such an
     * envelope, which is validated and published as it is (its own msg id, its send_to unchanged) to this
     * endpoint's subject; a request's reply comes back the same way.
     */
    @UriParam(label = "common,advanced", defaultValue = "false")
    private boolean rawEnvelope;

    /**
     * The body is a payload's bytes already encoded for its type (UTF-8 text, JSON, an Arrow IPC stream, raw
     * bytes), carried through another system such as Kafka: they are sent as they are, typed by the payloadType
     * option or the CamelMsgHandlerPayloadType header, which one of them must give. Text and JSON bytes are checked
     * to parse first.
     */
    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean encodedBody;

    /**
     * With rawEnvelope=true, give the envelope a new msg id before publishing it (nothing else changes); by default
     * it keeps its own, so that JetStream drops a copy forwarded twice.
     */
    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean renewMsgId;

    /**
     * Which Camel headers travel as NATS message headers, and which NATS headers become Camel headers. The default
     * (MsgHandlerHeaderFilterStrategy) keeps out, in both directions, every header whose name starts with Camel or
     * org.apache.camel. in any letter case (Camel's internal headers and our envelope headers) and Nats-Msg-Id.
     */
    @UriParam(label = "common,advanced")
    private HeaderFilterStrategy headerFilterStrategy = new MsgHandlerHeaderFilterStrategy();

    /** The NATS servers to connect to, one URL each: the servers option, else brokerUrl. */
    List<String> serverUrls() {
        String list = servers != null && !servers.isBlank() ? servers : brokerUrl;
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A copy that an endpoint can change without touching the component's defaults. */
    public MsgHandlerConfiguration copy() {
        try {
            return (MsgHandlerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getServers() {
        return servers;
    }

    public void setServers(String servers) {
        this.servers = servers;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    public long getSizeThreshold() {
        return sizeThreshold;
    }

    public void setSizeThreshold(long sizeThreshold) {
        this.sizeThreshold = sizeThreshold;
    }

    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public String getFileserverUrl() {
        return fileserverUrl;
    }

    public void setFileserverUrl(String fileserverUrl) {
        this.fileserverUrl = fileserverUrl;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public long getObjectStoreTtl() {
        return objectStoreTtl;
    }

    public void setObjectStoreTtl(long objectStoreTtl) {
        this.objectStoreTtl = objectStoreTtl;
    }

    public boolean isPlikOneShot() {
        return plikOneShot;
    }

    public void setPlikOneShot(boolean plikOneShot) {
        this.plikOneShot = plikOneShot;
    }

    public long getPlikTtl() {
        return plikTtl;
    }

    public void setPlikTtl(long plikTtl) {
        this.plikTtl = plikTtl;
    }

    public String getS3Bucket() {
        return s3Bucket;
    }

    public void setS3Bucket(String s3Bucket) {
        this.s3Bucket = s3Bucket;
    }

    public String getS3KeyPrefix() {
        return s3KeyPrefix;
    }

    public void setS3KeyPrefix(String s3KeyPrefix) {
        this.s3KeyPrefix = s3KeyPrefix;
    }

    public String getS3Region() {
        return s3Region;
    }

    public void setS3Region(String s3Region) {
        this.s3Region = s3Region;
    }

    public String getS3EndpointOverride() {
        return s3EndpointOverride;
    }

    public void setS3EndpointOverride(String s3EndpointOverride) {
        this.s3EndpointOverride = s3EndpointOverride;
    }

    public boolean isS3PathStyleAccess() {
        return s3PathStyleAccess;
    }

    public void setS3PathStyleAccess(boolean s3PathStyleAccess) {
        this.s3PathStyleAccess = s3PathStyleAccess;
    }

    public String getS3AccessKey() {
        return s3AccessKey;
    }

    public void setS3AccessKey(String s3AccessKey) {
        this.s3AccessKey = s3AccessKey;
    }

    public String getS3SecretKey() {
        return s3SecretKey;
    }

    public void setS3SecretKey(String s3SecretKey) {
        this.s3SecretKey = s3SecretKey;
    }

    public String getS3ServerSideEncryption() {
        return s3ServerSideEncryption;
    }

    public void setS3ServerSideEncryption(String s3ServerSideEncryption) {
        this.s3ServerSideEncryption = s3ServerSideEncryption;
    }

    public String getS3KmsKeyId() {
        return s3KmsKeyId;
    }

    public void setS3KmsKeyId(String s3KmsKeyId) {
        this.s3KmsKeyId = s3KmsKeyId;
    }

    public long getS3PresignedUrlLifetime() {
        return s3PresignedUrlLifetime;
    }

    public void setS3PresignedUrlLifetime(long s3PresignedUrlLifetime) {
        this.s3PresignedUrlLifetime = s3PresignedUrlLifetime;
    }

    public long getS3PartSize() {
        return s3PartSize;
    }

    public void setS3PartSize(long s3PartSize) {
        this.s3PartSize = s3PartSize;
    }

    public boolean isS3DeleteAfterConsume() {
        return s3DeleteAfterConsume;
    }

    public void setS3DeleteAfterConsume(boolean s3DeleteAfterConsume) {
        this.s3DeleteAfterConsume = s3DeleteAfterConsume;
    }

    public boolean isJetstream() {
        return jetstream;
    }

    public void setJetstream(boolean jetstream) {
        this.jetstream = jetstream;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getBaseDelay() {
        return baseDelay;
    }

    public void setBaseDelay(long baseDelay) {
        this.baseDelay = baseDelay;
    }

    public long getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(long maxDelay) {
        this.maxDelay = maxDelay;
    }

    public long getSpoolThreshold() {
        return spoolThreshold;
    }

    public void setSpoolThreshold(long spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public void setCorrelationId(String correlationId) {
        this.correlationId = correlationId;
    }

    public String getMsgPurpose() {
        return msgPurpose;
    }

    public void setMsgPurpose(String msgPurpose) {
        this.msgPurpose = msgPurpose;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getSenderId() {
        return senderId;
    }

    public void setSenderId(String senderId) {
        this.senderId = senderId;
    }

    public String getReceiverName() {
        return receiverName;
    }

    public void setReceiverName(String receiverName) {
        this.receiverName = receiverName;
    }

    public String getReceiverId() {
        return receiverId;
    }

    public void setReceiverId(String receiverId) {
        this.receiverId = receiverId;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getReplyToMsgId() {
        return replyToMsgId;
    }

    public void setReplyToMsgId(String replyToMsgId) {
        this.replyToMsgId = replyToMsgId;
    }

    public String getDataName() {
        return dataName;
    }

    public void setDataName(String dataName) {
        this.dataName = dataName;
    }

    public String getPayloadType() {
        return payloadType;
    }

    public void setPayloadType(String payloadType) {
        this.payloadType = payloadType;
    }

    public String getTableFormat() {
        return tableFormat;
    }

    public void setTableFormat(String tableFormat) {
        this.tableFormat = tableFormat;
    }

    public boolean isConfirmPublish() {
        return confirmPublish;
    }

    public void setConfirmPublish(boolean confirmPublish) {
        this.confirmPublish = confirmPublish;
    }

    public boolean isMsgIdHeader() {
        return msgIdHeader;
    }

    public void setMsgIdHeader(boolean msgIdHeader) {
        this.msgIdHeader = msgIdHeader;
    }

    public long getConfirmTimeout() {
        return confirmTimeout;
    }

    public void setConfirmTimeout(long confirmTimeout) {
        this.confirmTimeout = confirmTimeout;
    }

    public int getMaxPendingAcks() {
        return maxPendingAcks;
    }

    public void setMaxPendingAcks(int maxPendingAcks) {
        this.maxPendingAcks = maxPendingAcks;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getQueueName() {
        return queueName;
    }

    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /** The threads a consumer processes messages on: concurrentConsumers, or the mode's default when it is 0. */
    public int consumerThreads() {
        if (concurrentConsumers > 0) {
            return concurrentConsumers;
        }
        return jetstream ? 1 : DEFAULT_CORE_CONSUMER_THREADS;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public long getPendingMessageLimit() {
        return pendingMessageLimit;
    }

    public void setPendingMessageLimit(long pendingMessageLimit) {
        this.pendingMessageLimit = pendingMessageLimit;
    }

    public long getPendingBytesLimit() {
        return pendingBytesLimit;
    }

    public void setPendingBytesLimit(long pendingBytesLimit) {
        this.pendingBytesLimit = pendingBytesLimit;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getDurableName() {
        return durableName;
    }

    public void setDurableName(String durableName) {
        this.durableName = durableName;
    }

    public boolean isManualAck() {
        return manualAck;
    }

    public void setManualAck(boolean manualAck) {
        this.manualAck = manualAck;
    }

    public int getStreamReplicas() {
        return streamReplicas;
    }

    public void setStreamReplicas(int streamReplicas) {
        this.streamReplicas = streamReplicas;
    }

    public String getStorageType() {
        return storageType;
    }

    public void setStorageType(String storageType) {
        this.storageType = storageType;
    }

    /** The storage type as jnats names it. */
    StorageType natsStorageType() {
        return "memory".equalsIgnoreCase(storageType) ? StorageType.Memory : StorageType.File;
    }

    public ConsumerConfiguration getConsumerConfiguration() {
        return consumerConfiguration;
    }

    public void setConsumerConfiguration(ConsumerConfiguration consumerConfiguration) {
        this.consumerConfiguration = consumerConfiguration;
    }

    public int getBucketReplicas() {
        return bucketReplicas;
    }

    public void setBucketReplicas(int bucketReplicas) {
        this.bucketReplicas = bucketReplicas;
    }

    public long getMaxBucketBytes() {
        return maxBucketBytes;
    }

    public void setMaxBucketBytes(long maxBucketBytes) {
        this.maxBucketBytes = maxBucketBytes;
    }

    public boolean isCreateStream() {
        return createStream;
    }

    public void setCreateStream(boolean createStream) {
        this.createStream = createStream;
    }

    public int getMaxDeliver() {
        return maxDeliver;
    }

    public void setMaxDeliver(int maxDeliver) {
        this.maxDeliver = maxDeliver;
    }

    public long getNakDelay() {
        return nakDelay;
    }

    public void setNakDelay(long nakDelay) {
        this.nakDelay = nakDelay;
    }

    public long getAckWait() {
        return ackWait;
    }

    public void setAckWait(long ackWait) {
        this.ackWait = ackWait;
    }

    public int getFetchBatchSize() {
        return fetchBatchSize;
    }

    public void setFetchBatchSize(int fetchBatchSize) {
        this.fetchBatchSize = fetchBatchSize;
    }

    public String getAllowedLinkHosts() {
        return allowedLinkHosts;
    }

    public void setAllowedLinkHosts(String allowedLinkHosts) {
        this.allowedLinkHosts = allowedLinkHosts;
    }

    public long getLinkReadTimeout() {
        return linkReadTimeout;
    }

    public void setLinkReadTimeout(long linkReadTimeout) {
        this.linkReadTimeout = linkReadTimeout;
    }

    public long getMaxPayloadSize() {
        return maxPayloadSize;
    }

    public void setMaxPayloadSize(long maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNkeyPrivateKey() {
        return nkeyPrivateKey;
    }

    public void setNkeyPrivateKey(String nkeyPrivateKey) {
        this.nkeyPrivateKey = nkeyPrivateKey;
    }

    public String getCredentialsFile() {
        return credentialsFile;
    }

    public void setCredentialsFile(String credentialsFile) {
        this.credentialsFile = credentialsFile;
    }

    public String getPlikToken() {
        return plikToken;
    }

    public void setPlikToken(String plikToken) {
        this.plikToken = plikToken;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public SSLContextParameters getFileserverSslContextParameters() {
        return fileserverSslContextParameters;
    }

    public void setFileserverSslContextParameters(SSLContextParameters fileserverSslContextParameters) {
        this.fileserverSslContextParameters = fileserverSslContextParameters;
    }

    public int getMaxReconnects() {
        return maxReconnects;
    }

    public void setMaxReconnects(int maxReconnects) {
        this.maxReconnects = maxReconnects;
    }

    public long getReconnectWait() {
        return reconnectWait;
    }

    public void setReconnectWait(long reconnectWait) {
        this.reconnectWait = reconnectWait;
    }

    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public Connection getConnection() {
        return connection;
    }

    public void setConnection(Connection connection) {
        this.connection = connection;
    }

    public ClaimCheckStore getClaimCheckStore() {
        return claimCheckStore;
    }

    public void setClaimCheckStore(ClaimCheckStore claimCheckStore) {
        this.claimCheckStore = claimCheckStore;
    }

    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public boolean isRawEnvelope() {
        return rawEnvelope;
    }

    public void setRawEnvelope(boolean rawEnvelope) {
        this.rawEnvelope = rawEnvelope;
    }

    public boolean isRenewMsgId() {
        return renewMsgId;
    }

    public void setRenewMsgId(boolean renewMsgId) {
        this.renewMsgId = renewMsgId;
    }

    public boolean isEncodedBody() {
        return encodedBody;
    }

    public void setEncodedBody(boolean encodedBody) {
        this.encodedBody = encodedBody;
    }
}
