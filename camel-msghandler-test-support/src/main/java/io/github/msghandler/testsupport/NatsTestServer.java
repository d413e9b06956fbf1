package io.github.msghandler.testsupport;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real nats-server with JetStream for tests: the {@code nats} image through Testcontainers when a Docker engine
 * answers, else the {@code nats-server} binary on PATH. Never a mock.
 */
public interface NatsTestServer extends AutoCloseable {

    /** {@code nats://host:port} of the running server. */
    String url();

    /** Stops the server. */
    @Override
    void close();

    /** True when {@link #kill()} and {@link #restart()} work (the nats-server binary; not the container). */
    default boolean supportsRestart() {
        return false;
    }

    /** {@code ws://host:port} for WebSocket clients (browsers, nats.ws), when started to take them. */
    default String webSocketUrl() {
        throw new UnsupportedOperationException("this server takes no WebSocket clients: use startWithWebSocket");
    }

    /** Ends the server at once, as {@code kill -9} does: no flush, no goodbye to clients. */
    default void kill() {
        throw new UnsupportedOperationException("kill needs the nats-server binary");
    }

    /** Starts the server again on the same port and JetStream store directory. */
    default void restart() {
        throw new UnsupportedOperationException("restart needs the nats-server binary");
    }

    /** A new connection to this server; the caller closes it. */
    default Connection connect() {
        try {
            return Nats.connect(new Options.Builder().server(url()).connectionTimeout(Duration.ofSeconds(10))
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to the test NATS server at " + url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a server with JetStream, by whichever way this machine offers. */
    static NatsTestServer start() {
        return start(true);
    }

    /**
     * @param jetStream false starts a server without JetStream, to test what happens then
     */
    static NatsTestServer start(boolean jetStream) {
        if (canUseContainer()) {
            return ContainerNatsServer.start(jetStream);
        }
        Path binary = BinaryNatsServer.findOnPath();
        if (binary != null) {
            return BinaryNatsServer.start(binary, jetStream ? List.of("-js") : List.of());
        }
        throw new IllegalStateException("No NATS server for the tests. Either start a Docker engine (Testcontainers "
                + "then runs the 'nats' image with -js), or put nats-server on the PATH (Debian/Ubuntu: "
                + "apt-get install nats-server; elsewhere: https://github.com/nats-io/nats-server/releases).");
    }

    /**
     * The nats-server binary with extra arguments (TLS, authentication, a config file...), for tests of server
     * configurations that the container way does not offer.
     *
     * @throws IllegalStateException when nats-server is not on the PATH
     */
    static NatsTestServer startBinary(String... extraArgs) {
        Path binary = BinaryNatsServer.findOnPath();
        if (binary == null) {
            throw new IllegalStateException("this test needs the nats-server binary on the PATH "
                    + "(Debian/Ubuntu: apt-get install nats-server)");
        }
        return BinaryNatsServer.start(binary, List.of(extraArgs));
    }

    /**
     * A server with JetStream that also takes WebSocket clients (a browser page, nats.ws) on a free port of
     * loopback, without TLS. Needs the nats-server binary.
     *
     * @throws IllegalStateException when nats-server is not on the PATH
     */
    static NatsTestServer startWithWebSocket() {
        Path binary = BinaryNatsServer.findOnPath();
        if (binary == null) {
            throw new IllegalStateException("a WebSocket-enabled NATS server needs the nats-server binary on the "
                    + "PATH (Debian/Ubuntu: apt-get install nats-server)");
        }
        return BinaryNatsServer.start(binary, List.of("-js"), BinaryNatsServer.freeWebSocketPort());
    }

    /** True when {@link #start()} has a way to start a server here: a Docker engine, or nats-server on the PATH. */
    static boolean canStart() {
        return canUseContainer() || BinaryNatsServer.findOnPath() != null;
    }

    private static boolean canUseContainer() {
        return isTestcontainersPresent() && ContainerNatsServer.isDockerAvailable();
    }

    /** Testcontainers is optional: without it only the binary way is open. */
    private static boolean isTestcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, NatsTestServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** True when a file is an executable regular file. */
    static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
