package io.github.msghandler.camel;

import io.nats.client.Connection;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reports the state of the NATS connection behind a msghandler consumer or producer, and for a core NATS consumer
 * whether its subscription dropped messages (a slow consumer) since the previous check.
 */
final class MsgHandlerHealthCheck extends AbstractHealthCheck {
    private final Supplier<Connection> connection;
    private final Supplier<io.nats.client.Consumer> subscription;
    private final AtomicLong droppedAtLastCheck = new AtomicLong();

    MsgHandlerHealthCheck(String id, Supplier<Connection> connection) {
        this(id, connection, () -> null);
    }

    /** @param subscription the consumer's jnats subscription (null while there is none) */
    MsgHandlerHealthCheck(String id, Supplier<Connection> connection, Supplier<io.nats.client.Consumer> subscription) {
        super("camel", id);
        this.connection = connection;
        this.subscription = subscription;
    }

    @Override
    public boolean isLiveness() {
        // a lost connection reconnects by itself; restarting the JVM would not help
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Connection current = connection.get();
        if (current == null) {
            builder.down().message("not connected to NATS");
            return;
        }
        builder.detail("nats.status", current.getStatus().name());
        if (current.getConnectedUrl() != null) {
            builder.detail("nats.url", current.getConnectedUrl());
        }
        if (current.getStatus() != Connection.Status.CONNECTED) {
            builder.down().message("NATS connection is " + current.getStatus());
            return;
        }
        io.nats.client.Consumer consumer = subscription.get();
        if (consumer != null) {
            long dropped = consumer.getDroppedCount();
            long newlyDropped = dropped - droppedAtLastCheck.getAndSet(dropped);
            builder.detail("nats.dropped", dropped);
            builder.detail("nats.pending.messages", consumer.getPendingMessageCount());
            if (newlyDropped > 0) {
                builder.down().message("slow consumer: the NATS client dropped " + newlyDropped
                        + " messages since the last check (" + dropped + " in all); the route cannot keep up");
                return;
            }
        }
        builder.up();
    }
}
