package io.github.msghandler.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * A test server for a whole test class, started before it and closed after it:
 * {@code @RegisterExtension static ServerExtension<FileTestServer> files = ServerExtension.of(FileTestServer::start);}.
 * The class's own {@code @BeforeAll} methods run after the start, so they can fill the server.
 */
public final class ServerExtension<S extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<S> start;
    private S server;

    private ServerExtension(Supplier<S> start) {
        this.start = start;
    }

    public static <S extends AutoCloseable> ServerExtension<S> of(Supplier<S> start) {
        return new ServerExtension<>(start);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = start.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server. */
    public S get() {
        if (server == null) {
            throw new IllegalStateException("the server runs only while its test class does");
        }
        return server;
    }
}
