package io.github.msghandler.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

    /** Asks the process to end, kills it after the grace period, then deletes its working directory. */
    static void stop(Process process, long graceSeconds, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
