package io.github.msghandler.camel;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.support.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends jnats' connection events to SLF4J, where Camel applications configure their logging, instead of
 * java.util.logging; routine flow control goes to DEBUG so that every Object Store download does not log. Slow
 * consumers are logged with the subject of the subscription that drops, for those that consumers registered.
 */
final class Slf4jErrorListener implements ErrorListener {
    private static final Logger LOG = LoggerFactory.getLogger(Slf4jErrorListener.class);
    /** jnats reports a consumer each time it turns slow again; one warning per subscription in this time is enough. */
    private static final long SLOW_CONSUMER_WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Map<Consumer, String> subjects = new ConcurrentHashMap<>();
    private final Map<Consumer, Long> lastWarned = new ConcurrentHashMap<>();

    /** The listener of a connection that the component opened; empty for a user's connection bean. */
    static Optional<Slf4jErrorListener> of(Connection connection) {
        return connection.getOptions().getErrorListener() instanceof Slf4jErrorListener listener
                ? Optional.of(listener) : Optional.empty();
    }

    /** Names the subscription's subject in its slow consumer warnings. */
    void watch(Consumer consumer, String subject) {
        subjects.put(consumer, subject);
    }

    void unwatch(Consumer consumer) {
        subjects.remove(consumer);
        lastWarned.remove(consumer);
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
        LOG.warn("NATS server error on {}: {}", conn.getConnectedUrl(), error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        LOG.warn("NATS connection {} had an error: {}", conn.getConnectedUrl(), exp.toString());
    }

    @Override
    public void slowConsumerDetected(Connection conn, Consumer consumer) {
        String subject = subjects.get(consumer);
        if (subject == null) {
            LOG.warn("NATS slow consumer on {}: the client dropped {} messages", conn.getConnectedUrl(),
                    consumer.getDroppedCount());
            return;
        }
        long now = System.nanoTime();
        Long previous = lastWarned.get(consumer);
        if (previous != null && now - previous < SLOW_CONSUMER_WARN_INTERVAL_NANOS) {
            return;
        }
        lastWarned.put(consumer, now);
        LOG.warn("NATS slow consumer on subject '{}': the route cannot keep up and the client dropped {} messages "
                        + "so far ({} pending, limits {} messages / {} bytes). Core NATS is at-most-once: raise "
                        + "pendingMessageLimit/pendingBytesLimit, add concurrentConsumers, or use jetstream=true for "
                        + "flow control", subject, consumer.getDroppedCount(), consumer.getPendingMessageCount(),
                consumer.getPendingMessageLimit(), consumer.getPendingByteLimit());
    }

    @Override
    public void heartbeatAlarm(Connection conn, JetStreamSubscription sub, long lastStreamSequence,
                               long lastConsumerSequence) {
        LOG.warn("JetStream heartbeat missed on {} (stream sequence {}, consumer sequence {})",
                conn.getConnectedUrl(), lastStreamSequence, lastConsumerSequence);
    }

    @Override
    public void unhandledStatus(Connection conn, JetStreamSubscription sub, Status status) {
        LOG.warn("JetStream status not handled on {}: {}", conn.getConnectedUrl(), status);
    }

    @Override
    public void flowControlProcessed(Connection conn, JetStreamSubscription sub, String subject,
                                     FlowControlSource source) {
        LOG.debug("JetStream flow control processed on {} ({})", subject, source);
    }
}
