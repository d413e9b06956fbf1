package io.github.msghandler.examples;

import io.github.msghandler.testsupport.NatsTestServer;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.github.msghandler.core.NatsConnections;
import io.nats.client.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The NATS broker the examples use: the one at the given URL when it answers, otherwise a local nats-server with
 * JetStream started the same way the tests start theirs (and stopped on close).
 */
public final class Broker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    private final String url;
    private final NatsTestServer started;

    private Broker(String url, NatsTestServer started) {
        this.url = url;
        this.started = started;
    }

    /** No broker answers, and this machine cannot start one; the message says how to get one, in one line. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }

        static Unavailable at(String url) {
            return new Unavailable("No NATS server answers at " + url + ", and none can be started here (no "
                    + "nats-server on the PATH, no Docker engine). " + INSTALL + " and run this again, or point "
                    + "-DbrokerUrl at a running server started with -js.");
        }
    }

    private static final String INSTALL = "Install nats-server (Debian/Ubuntu: apt-get install nats-server; "
            + "others: https://github.com/nats-io/nats-server/releases)";

    /**
     * A local nats-server with JetStream that also takes the browser page's WebSocket connection.
     *
     * @throws Unavailable when nats-server is not on the PATH
     */
    public static Broker startWithWebSocket() {
        try {
            NatsTestServer server = NatsTestServer.startWithWebSocket();
            LOG.info("Started a local nats-server with JetStream at {} and WebSocket at {} for the browser example "
                    + "(it stops when the example ends)", server.url(), server.webSocketUrl());
            return new Broker(server.url(), server);
        } catch (IllegalStateException e) {
            throw new Unavailable("The browser example starts a nats-server with WebSocket, and there is none on "
                    + "the PATH. " + INSTALL + ", or give -DbrokerUrl and -DwebSocketUrl of a running server "
                    + "configured like camel-msghandler-examples/nats-server.conf.");
        }
    }

    /** The broker's WebSocket URL, when this broker was started with one. */
    public String webSocketUrl() {
        return started.webSocketUrl();
    }

    /**
     * @throws Unavailable when nothing answers at the URL and neither nats-server nor Docker is here to start one
     */
    public static Broker atOrStart(String url) {
        if (answers(url)) {
            LOG.info("Using the NATS broker at {}", url);
            return new Broker(url, null);
        }
        if (!NatsTestServer.canStart()) {
            throw Unavailable.at(url);
        }
        NatsTestServer server = NatsTestServer.start();
        LOG.info("No NATS broker answered at {}: started a local nats-server with JetStream at {} for the examples "
                + "(it stops when they end)", url, server.url());
        return new Broker(server.url(), server);
    }

    private static boolean answers(String url) {
        try (Connection connection = NatsConnections.connect(new Options.Builder().server(url)
                .connectionTimeout(Duration.ofSeconds(2)).maxReconnects(0)
                // a refused probe is an expected answer here, not an error to log
                .errorListener(new ErrorListener() { })
                .build())) {
            if (!connection.getServerInfo().isJetStreamAvailable()) {
                LOG.warn("The broker at {} has no JetStream: the Object Store claim-check store will not work there",
                        url);
            }
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
