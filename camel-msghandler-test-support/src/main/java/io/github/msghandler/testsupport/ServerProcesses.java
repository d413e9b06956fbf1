package io.github.msghandler.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** What the servers the tests start as processes (nats-server, Kafka) share: ports, and waiting for them. */
final class ServerProcesses {
    private ServerProcesses() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Reads the process's output into {@code log} until it ends, on a daemon thread, and counts {@code ready} down
     * at the first line containing {@code readyText}, or when the output ends (the caller then sees it dead).
     */
    static void pumpLog(Process process, StringBuffer log, CountDownLatch ready, String readyText, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.append(line).append('\n');
                    if (line.contains(readyText)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                log.append("log reader stopped: ").append(e).append('\n');
            } finally {
                ready.countDown();
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }
}
