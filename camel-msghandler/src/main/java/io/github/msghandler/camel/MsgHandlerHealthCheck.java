package io.github.msghandler.camel;

import io.nats.client.Connection;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.function.Supplier;

/** Reports the state of the NATS connection behind a msghandler consumer or producer. */
final class MsgHandlerHealthCheck extends AbstractHealthCheck {
    private final Supplier<Connection> connection;

    MsgHandlerHealthCheck(String id, Supplier<Connection> connection) {
        super("camel", id);
        this.connection = connection;
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
        if (current.getStatus() == Connection.Status.CONNECTED) {
            builder.up();
        } else {
            builder.down().message("NATS connection is " + current.getStatus());
        }
    }
}
