package io.github.msghandler.camel;

import io.github.msghandler.core.PublishConfirmations;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The component's NATS connections: one per distinct {@link ConnectionSettings}, opened on the first endpoint that
 * needs it and closed when the last one lets go (or the component stops). Likewise the publish confirmations of
 * each connection (its own or a user's bean), so that all producers on a connection share one confirmation in
 * flight.
 */
final class SharedConnections {
    private static final Logger LOG = LoggerFactory.getLogger(SharedConnections.class);

    private static final class Shared {
        final Connection connection;
        int users;

        Shared(Connection connection) {
            this.connection = connection;
        }
    }

    private static final class SharedConfirmations {
        final PublishConfirmations confirmations;
        int users;

        SharedConfirmations(PublishConfirmations confirmations) {
            this.confirmations = confirmations;
        }
    }

    private final Map<ConnectionSettings, Shared> connections = new HashMap<>();
    private final Map<Connection, SharedConfirmations> confirmations = new IdentityHashMap<>();

    synchronized Connection acquire(ConnectionSettings settings, CamelContext context) {
        Shared shared = connections.get(settings);
        if (shared == null) {
            try {
                shared = new Shared(Nats.connect(settings.toOptions(context)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeCamelException("interrupted while connecting to " + settings, e);
            } catch (Exception e) {
                throw new RuntimeCamelException("cannot connect to " + settings + ": " + e.getMessage(), e);
            }
            LOG.info("Connected to {}", settings);
            connections.put(settings, shared);
        }
        shared.users++;
        return shared.connection;
    }

    synchronized void release(ConnectionSettings settings) {
        Shared shared = connections.get(settings);
        if (shared != null && --shared.users == 0) {
            connections.remove(settings);
            close(settings, shared.connection);
        }
    }

    synchronized PublishConfirmations acquireConfirmations(Connection connection) {
        SharedConfirmations shared = confirmations.computeIfAbsent(connection,
                c -> new SharedConfirmations(PublishConfirmations.start(c)));
        shared.users++;
        return shared.confirmations;
    }

    synchronized void releaseConfirmations(Connection connection) {
        SharedConfirmations shared = confirmations.get(connection);
        if (shared != null && --shared.users == 0) {
            confirmations.remove(connection);
            shared.confirmations.close();
        }
    }

    synchronized void closeAll() {
        confirmations.values().forEach(shared -> shared.confirmations.close());
        confirmations.clear();
        connections.forEach((settings, shared) -> close(settings, shared.connection));
        connections.clear();
    }

    private static void close(ConnectionSettings settings, Connection connection) {
        try {
            // drain lets in-flight messages finish before the socket closes; with the broker gone there is
            // nothing to drain, and waiting for it would only delay shutdown
            if (connection.getStatus() == Connection.Status.CONNECTED) {
                connection.drain(java.time.Duration.ofSeconds(10)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Draining the connection to {} failed: {}", settings, e.getMessage());
        } finally {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("Closed the connection to {}", settings);
    }
}
