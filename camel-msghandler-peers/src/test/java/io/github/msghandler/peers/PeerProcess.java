package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A peer program in another language, run as a process. It reports on standard output, one line each:
 * {@code ready}, {@code sent <JSON>}, {@code received <JSON>} or {@code error <JSON string>}.
 */
final class PeerProcess implements AutoCloseable {
    /** The module directory: package.json, js/, python/, browser/. */
    static final Path DIR = Path.of(System.getProperty("peers.dir", "."));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private PeerProcess(List<String> command) {
        try {
            process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + " (is it installed? .ci/run installs it)", e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("error \"" + e + "\"");
            }
        }, "peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code node js/peer.mjs <role> <args>}, with the packages npm ci installed from the lockfile. */
    static PeerProcess node(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return new PeerProcess(command);
    }

    /**
     * {@code python3 <script> <role> <args>}: python/micropeer.py (the standard library only) or python/peer.py
     * (nats-py, pandas and pyarrow from python/requirements.txt, which .ci/run installs).
     */
    static PeerProcess python(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("python3", script));
        command.addAll(List.of(args));
        return new PeerProcess(command);
    }

    /** Waits for the next line with this word (skipping others); an {@code error} line fails the test at once. */
    String awaitLine(String word, Duration timeout) throws InterruptedException {
        String line = nextLine(candidate -> candidate.startsWith("error ") || candidate.equals(word)
                || candidate.startsWith(word + " "), "'" + word + "'", timeout);
        if (line.startsWith("error ")) {
            throw new AssertionError("the peer reported: " + line.substring(6) + "; before that: " + seen);
        }
        return line.substring(word.length()).trim();
    }

    /** The next line the test waits for, skipping others; fails when none comes within the timeout. */
    private String nextLine(Predicate<String> wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no " + what + " line from the peer within " + timeout + "; it said: "
                        + seen);
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** The JSON of the next line with this word. */
    JsonNode awaitJson(String word, Duration timeout) throws InterruptedException {
        try {
            return JSON.readTree(awaitLine(word, timeout));
        } catch (IOException e) {
            throw new AssertionError("the peer's '" + word + "' line is not JSON", e);
        }
    }

    /** The next {@code error} line, for a peer that is expected to refuse something. */
    String awaitError(Duration timeout) throws InterruptedException {
        return nextLine(line -> line.startsWith("error "), "error", timeout).substring(6);
    }

    /** A sending peer, run to its end: what it says it sent. */
    JsonNode sentAndEnded(Duration timeout) throws InterruptedException {
        JsonNode sent = awaitJson("sent", timeout);
        int exit = waitFor(timeout);
        if (exit != 0) {
            throw new AssertionError("the peer ended with " + exit + "; it said: " + seen);
        }
        return sent;
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the peer did not end within " + timeout + "; it said: " + seen + lines);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
