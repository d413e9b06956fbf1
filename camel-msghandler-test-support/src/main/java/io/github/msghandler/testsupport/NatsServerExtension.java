package io.github.msghandler.testsupport;

import io.nats.client.Connection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real nats-server per test class: {@code @RegisterExtension static NatsServerExtension nats = new
 * NatsServerExtension();}. A shared connection is opened with it and closed after the class.
 */
public final class NatsServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean jetStream;
    private NatsTestServer server;
    private Connection connection;

    public NatsServerExtension() {
        this(true);
    }

    public NatsServerExtension(boolean jetStream) {
        this.jetStream = jetStream;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = NatsTestServer.start(jetStream);
        connection = server.connect();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    public String url() {
        return server.url();
    }

    /** The class's shared connection. */
    public Connection connection() {
        return connection;
    }

    /** See {@link NatsTestServer#supportsRestart()}. */
    public boolean supportsRestart() {
        return server.supportsRestart();
    }

    /** Ends the server as kill -9 does. */
    public void kill() {
        server.kill();
    }

    /** Starts the server again on the same port and JetStream store. */
    public void restart() {
        server.restart();
    }

    /** A further connection; the caller closes it. */
    public Connection connect() {
        return server.connect();
    }
}
