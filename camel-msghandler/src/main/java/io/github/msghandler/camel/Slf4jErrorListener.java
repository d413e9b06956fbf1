package io.github.msghandler.camel;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.support.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends jnats' connection events to SLF4J, where Camel applications configure their logging, instead of
 * java.util.logging; routine flow control goes to DEBUG so that every Object Store download does not log.
 */
final class Slf4jErrorListener implements ErrorListener {
    private static final Logger LOG = LoggerFactory.getLogger(Slf4jErrorListener.class);

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
        LOG.warn("NATS slow consumer on {}: messages are being dropped by the client", conn.getConnectedUrl());
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
