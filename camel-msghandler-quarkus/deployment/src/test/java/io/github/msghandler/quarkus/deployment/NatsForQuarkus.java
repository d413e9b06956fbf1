package io.github.msghandler.quarkus.deployment;

import io.github.msghandler.testsupport.NatsTestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A nats-server for a QuarkusUnitTest class, registered before the application: its URL goes to the system
 * property {@value #URL_PROPERTY}, which the application's configuration reads as {@code ${msghandler.test.nats-url}}.
 * Not a static field of the test: QuarkusUnitTest loads the test class a second time, which would start a second
 * server.
 */
public final class NatsForQuarkus implements BeforeAllCallback, AfterAllCallback {
    static final String URL_PROPERTY = "msghandler.test.nats-url";
    /** The running server as an AutoCloseable, which every class loader knows, for {@link #stopServer()}. */
    private static final String SERVER_KEY = "msghandler.test.nats-server";
    private NatsTestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = NatsTestServer.start();
        System.setProperty(URL_PROPERTY, server.url());
        System.getProperties().put(SERVER_KEY, server);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(URL_PROPERTY);
        System.getProperties().remove(SERVER_KEY);
        server.close();
    }

    /** Stops the server while the application runs, as a broker that goes away (closing it twice is harmless). */
    static void stopServer() throws Exception {
        ((AutoCloseable) System.getProperties().get(SERVER_KEY)).close();
    }

    /** The server's URL, from any class loader. */
    static String url() {
        return System.getProperty(URL_PROPERTY);
    }
}
