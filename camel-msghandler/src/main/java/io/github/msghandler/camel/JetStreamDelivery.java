package io.github.msghandler.camel;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything JetStream-specific of a consumer. Reads a durable pull consumer with explicit acks: a message is acked
 * only after its exchange completed, nak'ed with a delay when it failed (so JetStream redelivers it), and
 * terminated when the message itself is at fault (redelivery cannot mend it; the route's error handler already has
 * it). Gives each exchange the delivery headers, and keeps a message in progress while its links are fetched.
 */
final class JetStreamDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(JetStreamDelivery.class);
    private static final Duration FETCH_WAIT = Duration.ofMillis(500);
    /** A pull is replaced this long before it expires; after a stop, the last one's messages are awaited as long. */
    private static final long PULL_EXPIRY_MARGIN = TimeUnit.MILLISECONDS.toNanos(100);
    /** jnats takes a zero wait as forever. */
    private static final long MIN_WAIT = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int JS_STREAM_NOT_FOUND_ERR = 10059;
    /** How long an ack made while stopping waits for JetStream's answer. */
    private static final Duration STOPPING_ACK_TIMEOUT = Duration.ofSeconds(5);

    private final Function<Message, ExchangeOutcome> processor;
    private final ExecutorServiceManager executors;
    private final Connection connection;
    private final String subject;
    private final MsgHandlerConfiguration configuration;
    private final List<JetStreamSubscription> subscriptions = new ArrayList<>();
    private ExecutorService threads;
    /** Sends in-progress acks while a message's links are fetched. */
    private ScheduledExecutorService inProgressTimer;
    /** The messages being unpacked (their links fetched), by identity, with the nanoTime each began. */
    private final Map<Message, Long> unpacking = new ConcurrentHashMap<>();
    private volatile boolean running;

    /**
     * @param processor runs one message through the route and tells how it ended
     * @param executors where the pulling threads come from
     */
    JetStreamDelivery(Function<Message, ExchangeOutcome> processor, ExecutorServiceManager executors,
                    Connection connection, String subject, MsgHandlerConfiguration configuration) {
        this.processor = processor;
        this.executors = executors;
        this.connection = connection;
        this.subject = subject;
        this.configuration = configuration;
    }

    static String sanitised(String subject) {
        return subject.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    String streamName() {
        return configuration.getStream() != null ? configuration.getStream() : "MSGHANDLER_" + sanitised(subject);
    }

    String durableName() {
        return configuration.getDurableName() != null ? configuration.getDurableName()
                : "msghandler-" + sanitised(subject);
    }

    void start() throws IOException, JetStreamApiException {
        if (!connection.getServerInfo().isJetStreamAvailable()) {
            throw new RuntimeCamelException("jetstream=true but JetStream is not enabled on "
                    + connection.getConnectedUrl() + ": start nats-server with -js");
        }
        ensureStream();
        JetStream jetStream = connection.jetStream();
        // a user's bean is the base; what this endpoint has options for comes from them
        ConsumerConfiguration.Builder consumerConfig = ConsumerConfiguration.builder(
                        configuration.getConsumerConfiguration())
                .durable(durableName())
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofMillis(configuration.getAckWait()))
                .filterSubject(subject);
        if (configuration.getMaxDeliver() > 0) {
            consumerConfig.maxDeliver(configuration.getMaxDeliver());
        }
        PullSubscribeOptions options = PullSubscribeOptions.builder()
                .stream(streamName())
                .configuration(consumerConfig.build())
                .build();
        int count = configuration.consumerThreads();
        for (int i = 0; i < count; i++) {
            subscriptions.add(jetStream.subscribe(subject, options));
        }
        running = true;
        inProgressTimer = executors.newSingleThreadScheduledExecutor(this, "msghandler-in-progress-" + subject);
        long interval = inProgressIntervalMillis();
        inProgressTimer.scheduleAtFixedRate(this::reportInProgress, interval, interval, TimeUnit.MILLISECONDS);
        threads = executors.newFixedThreadPool(this, "msghandler-js-" + subject, count);
        for (JetStreamSubscription subscription : subscriptions) {
            threads.execute(() -> pull(subscription));
        }
    }

    private void ensureStream() throws IOException, JetStreamApiException {
        JetStreamManagement management = connection.jetStreamManagement();
        try {
            management.getStreamInfo(streamName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != JS_STREAM_NOT_FOUND_ERR) {
                throw e;
            }
            if (!configuration.isCreateStream()) {
                throw new RuntimeCamelException("JetStream stream '" + streamName() + "' does not exist: create it "
                        + "for subject '" + subject + "', or set createStream=true (or stream=<name>)", e);
            }
            management.addStream(StreamConfiguration.builder()
                    .name(streamName())
                    .subjects(subject)
                    .storageType(configuration.natsStorageType())
                    .replicas(configuration.getStreamReplicas())
                    .build());
            LOG.info("Created JetStream stream {} for subject {} ({} storage, {} replica(s))", streamName(), subject,
                    configuration.natsStorageType(), configuration.getStreamReplicas());
        }
    }

    /**
     * Takes messages while the next batch is already on its way: a pull for {@code fetchBatchSize} more goes out
     * when at most half of those asked for are still to come, so the route never waits a round trip for a batch
     * (with one pull at a time, that wait was a third of a JetStream consumer's time). Each pull expires after
     * {@link #FETCH_WAIT}, and a new one goes out shortly before, so a pull lost in a failover is replaced. After a
     * stop no pull goes out, and the loop ends once the last one has expired and every message that arrived was
     * processed and acked.
     */
    private void pull(JetStreamSubscription subscription) {
        Duration nakDelay = Duration.ofMillis(configuration.getNakDelay());
        int batch = configuration.getFetchBatchSize();
        int comingAtMost = 0;   // asked for by pulls still open, not arrived yet
        long lastPullExpires = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (now - (lastPullExpires - PULL_EXPIRY_MARGIN) >= 0) {
                comingAtMost = 0;   // the last pull is over, or about to be
            }
            if (!running && now - (lastPullExpires + PULL_EXPIRY_MARGIN) >= 0
                    && subscription.getPendingMessageCount() == 0) {
                return;   // nothing more can come, and nothing that came is left
            }
            Message message;
            try {
                if (running && comingAtMost <= batch / 2) {
                    subscription.pullExpiresIn(batch, FETCH_WAIT);
                    comingAtMost += batch;
                    lastPullExpires = now + FETCH_WAIT.toNanos();
                }
                // running: until the last pull is to be replaced; stopping: until its last messages have come
                long until = running ? lastPullExpires - PULL_EXPIRY_MARGIN : lastPullExpires + PULL_EXPIRY_MARGIN;
                message = subscription.nextMessage(Duration.ofNanos(Math.max(until - now, MIN_WAIT)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Pulling from JetStream stream {} failed, pulling again: {}", streamName(),
                            e.getMessage());
                    sleep(nakDelay);
                }
                lastPullExpires = System.nanoTime();
                continue;
            }
            if (message != null) {
                comingAtMost = Math.max(0, comingAtMost - 1);
                // a message that arrived is finished even while stopping, so nothing waits for its ack wait
                handle(message, nakDelay);
            }
        }
    }

    private void handle(Message message, Duration nakDelay) {
        ExchangeOutcome outcome = processor.apply(message);
        if (configuration.isManualAck() && (outcome == ExchangeOutcome.DONE || answered(message))) {
            return;   // the route answers, or already did
        }
        switch (outcome) {
            case DONE:
                acknowledge(message);
                break;
            case REJECTED:
                message.term();
                break;
            default:
                message.nakWithDelay(nakDelay);
        }
    }

    /** The headers a JetStream message brings: how often it was delivered, and the ack handle with manualAck. */
    void putDeliveryHeaders(Message message, Map<String, Object> headers) {
        long deliveries = message.metaData().deliveredCount();
        headers.put(MsgHandlerConstants.DELIVERY_COUNT, deliveries);
        headers.put(MsgHandlerConstants.REDELIVERED, deliveries > 1);
        if (configuration.isManualAck()) {
            headers.put(MsgHandlerConstants.ACK_HANDLE, new JetStreamAck(message));
        }
    }

    /**
     * Runs {@code work} while telling JetStream that the message is in progress, every quarter of ackWait once the
     * work has taken a quarter of it: fetching a large link can outlast ackWait, after which JetStream would
     * deliver the message again. One timer looks at every message being unpacked; a timer task per message cost
     * more than the rest of the consumer's JetStream handling (cancelled tasks stay queued until their time).
     */
    <T> T inProgressDuring(Message message, Supplier<T> work) {
        unpacking.put(message, System.nanoTime());
        try {
            return work.get();
        } finally {
            unpacking.remove(message);
        }
    }

    private long inProgressIntervalMillis() {
        return Math.max(50, configuration.getAckWait() / 4);
    }

    private void reportInProgress() {
        long now = System.nanoTime();
        long interval = TimeUnit.MILLISECONDS.toNanos(inProgressIntervalMillis());
        unpacking.forEach((message, since) -> {
            if (now - since >= interval) {
                message.inProgress();
            }
        });
    }

    /** Whether the route gave the message a final answer (ack, nak or term; in-progress is not one). */
    private static boolean answered(Message message) {
        return message.lastAck() != null && message.lastAck().terminal;
    }

    /**
     * While stopping, an ack waits for the server's answer: JetStream applies acks asynchronously, and a stopped
     * consumer must leave nothing ack-pending that it processed.
     */
    private void acknowledge(Message message) {
        if (running) {
            message.ack();
            return;
        }
        try {
            message.ackSync(STOPPING_ACK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("JetStream did not answer the ack of a message on {} while the consumer stopped; it is "
                    + "redelivered after ackWait", streamName());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
        if (threads != null) {
            threads.shutdown();
            try {
                if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                    threads.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executors.shutdownNow(threads);
        }
        if (inProgressTimer != null) {
            executors.shutdownNow(inProgressTimer);
            inProgressTimer = null;
        }
        for (JetStreamSubscription subscription : subscriptions) {
            if (subscription.isActive()) {
                subscription.unsubscribe();
            }
        }
        subscriptions.clear();
    }
}
