package io.github.msghandler.core;

import io.github.msghandler.core.api.BrokerException;
import io.nats.client.Connection;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The connection of one smartpack call: the caller's, left open, or one opened on first need to the broker URL
 * and flushed and closed at the end.
 */
final class ConnectionLease implements AutoCloseable {
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

    private final String brokerUrl;
    private final Connection given;
    private Connection opened;

    ConnectionLease(String brokerUrl, Connection given) {
        this.brokerUrl = brokerUrl;
        this.given = given;
    }

    boolean isOpen() {
        return given != null || opened != null;
    }

    Connection get() {
        if (given != null) {
            return given;
        }
        if (opened == null) {
            try {
                opened = NatsConnections.connect(new Options.Builder().server(brokerUrl).connectionName("msghandler").build());
            } catch (IOException e) {
                throw new BrokerException("cannot connect to NATS at " + brokerUrl + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerException("interrupted while connecting to NATS at " + brokerUrl, e);
            }
        }
        return opened;
    }

    /** The server's max_payload when connected, else NATS's default. */
    long maxPayload() {
        return NatsConnections.maxPayload(isOpen() ? get() : null);
    }

    @Override
    public void close() {
        if (opened == null) {
            return;
        }
        try {
            opened.flush(FLUSH_TIMEOUT);
        } catch (TimeoutException e) {
            throw new BrokerException("NATS at " + brokerUrl + " did not confirm the publish within " + FLUSH_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while flushing to NATS at " + brokerUrl, e);
        } finally {
            try {
                opened.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            opened = null;
        }
    }
}
