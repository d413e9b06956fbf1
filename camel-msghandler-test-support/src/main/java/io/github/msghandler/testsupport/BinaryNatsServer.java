package io.github.msghandler.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** nats-server from PATH on a free loopback port, its JetStream store in a temporary directory. */
final class BinaryNatsServer implements NatsTestServer {
    private static final long START_TIMEOUT_SECONDS = 30;

    private final List<String> command;
    private final int port;
    private final int webSocketPort;
    private final Path storeDir;
    private final StringBuffer log = new StringBuffer();
    private volatile Process process;

    private BinaryNatsServer(List<String> command, int port, int webSocketPort, Path storeDir) {
        this.command = command;
        this.port = port;
        this.webSocketPort = webSocketPort;
        this.storeDir = storeDir;
    }

    static Path findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "nats-server");
            if (NatsTestServer.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static BinaryNatsServer start(Path binary, List<String> extraArgs) {
        return start(binary, extraArgs, 0);
    }

    /**
     * @param webSocketPort above 0: WebSocket clients are taken on that port too, without TLS (a config file's
     *                      websocket block; nats-server has no flag for it)
     */
    static BinaryNatsServer start(Path binary, List<String> extraArgs, int webSocketPort) {
        try {
            Path storeDir = Files.createTempDirectory("nats-test-");
            int port = ServerProcesses.freePort();
            while (port == webSocketPort) {
                // both were free when asked for one at a time; the same number twice fails the server's start
                port = ServerProcesses.freePort();
            }
            List<String> command = new ArrayList<>(List.of(binary.toString(), "-a", "127.0.0.1", "-p",
                    String.valueOf(port), "-sd", storeDir.toString()));
            if (webSocketPort > 0) {
                Path config = storeDir.resolve("websocket.conf");
                Files.writeString(config, "websocket {\n  listen: \"127.0.0.1:" + webSocketPort
                        + "\"\n  no_tls: true\n}\n");
                command.addAll(List.of("-c", config.toString()));
            }
            command.addAll(extraArgs);
            BinaryNatsServer server = new BinaryNatsServer(List.copyOf(command), port, webSocketPort, storeDir);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    static int freeWebSocketPort() {
        try {
            return ServerProcesses.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
            CountDownLatch ready = new CountDownLatch(1);
            ServerProcesses.pumpLog(started, log, ready, "Server is ready", "nats-server-log-" + port);
            if (!ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !started.isAlive()) {
                started.destroyForcibly();
                throw new IllegalStateException("nats-server did not start within " + START_TIMEOUT_SECONDS
                        + " s: " + command + "\n" + log);
            }
            process = started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    @Override
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void restart() {
        launch();
    }

    @Override
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    @Override
    public String webSocketUrl() {
        if (webSocketPort <= 0) {
            return NatsTestServer.super.webSocketUrl();
        }
        return "ws://127.0.0.1:" + webSocketPort;
    }

    /** What the server logged so far, for failure messages. */
    String log() {
        return log.toString();
    }

    @Override
    public void close() {
        ServerProcesses.stop(process, 10, storeDir);
    }
}
