package io.github.msghandler.camel;

import io.github.msghandler.core.NatsConnections;
import io.github.msghandler.core.PublishConfirmations;
import io.nats.client.Connection;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The component's NATS connections: one per distinct {@link ConnectionSettings}, opened on the first endpoint that
 * needs it and closed when the last one lets go (or the component stops). Likewise the publish confirmations of
 * each connection (its own or a user's bean), so that all producers on a connection share one confirmation in
 * flight.
 */
final class SharedConnections {
    private static final Logger LOG = LoggerFactory.getLogger(SharedConnections.class);

    /** A value and how many endpoints (or producers) use it. */
    private static final class Shared<V> {
        final V value;
        int users;

        Shared(V value) {
            this.value = value;
        }
    }

    private final Map<ConnectionSettings, Shared<Connection>> connections = new HashMap<>();
    private final Map<Connection, Shared<PublishConfirmations>> confirmations = new IdentityHashMap<>();

    synchronized Connection acquire(ConnectionSettings settings, CamelContext context) {
        return use(connections, settings, s -> connect(s, context));
    }

    synchronized void release(ConnectionSettings settings) {
        Connection last = letGo(connections, settings);
        if (last != null) {
            close(settings, last);
        }
    }

    synchronized PublishConfirmations acquireConfirmations(Connection connection) {
        return use(confirmations, connection, PublishConfirmations::start);
    }

    synchronized void releaseConfirmations(Connection connection) {
        PublishConfirmations last = letGo(confirmations, connection);
        if (last != null) {
            last.close();
        }
    }

    /** The key's value, opened by the first user. */
    private static <K, V> V use(Map<K, Shared<V>> shared, K key, Function<K, V> open) {
        Shared<V> entry = shared.computeIfAbsent(key, k -> new Shared<>(open.apply(k)));
        entry.users++;
        return entry.value;
    }

    /** @return the key's value when this was its last user, for the caller to close; else null */
    private static <K, V> V letGo(Map<K, Shared<V>> shared, K key) {
        Shared<V> entry = shared.get(key);
        if (entry == null || --entry.users > 0) {
            return null;
        }
        shared.remove(key);
        return entry.value;
    }

    private static Connection connect(ConnectionSettings settings, CamelContext context) {
        try {
            Connection connection = NatsConnections.connect(settings.toOptions(context));
            LOG.info("Connected to {}", settings);
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("interrupted while connecting to " + settings, e);
        } catch (Exception e) {
            throw new RuntimeCamelException("cannot connect to " + settings + ": " + e.getMessage(), e);
        }
    }

    synchronized void closeAll() {
        confirmations.values().forEach(shared -> shared.value.close());
        confirmations.clear();
        connections.forEach((settings, shared) -> close(settings, shared.value));
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
