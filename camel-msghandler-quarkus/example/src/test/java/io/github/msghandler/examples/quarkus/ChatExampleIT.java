package io.github.msghandler.examples.quarkus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Quarkus example as the README starts it, {@code java -jar target/quarkus-app/quarkus-run.jar} after the
 * build: the three payloads arrive in the inbox byte for byte, and the program ends by itself after its success
 * line, leaving no nats-server of its own behind.
 */
class ChatExampleIT {
    /** Quarkus's and Camel's shutdown and the local nats-server's stop take well under this on 2 shared cores. */
    private static final long EXIT_AFTER_SUCCESS_SECONDS = 20;
    private static final long SUCCESS_SECONDS = 120;

    @Test
    @Timeout(180)
    void theChatMessageArrivesAndTheProgramEndsByItself(@TempDir Path dir) throws Exception {
        Set<Long> serversBefore = natsServers();
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dexamples.dir=" + dir, "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> success = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(process, output, success), "example-output");
        reader.start();
        try {
            String line = success.get(SUCCESS_SECONDS, TimeUnit.SECONDS);
            assertTrue(process.waitFor(EXIT_AFTER_SUCCESS_SECONDS, TimeUnit.SECONDS),
                    "still running " + EXIT_AFTER_SUCCESS_SECONDS + " s after its success line:\n" + output);
            assertTrue(line.contains("3 payloads"), line);
        } catch (TimeoutException e) {
            throw new AssertionError("no success line within " + SUCCESS_SECONDS + " s:\n" + output, e);
        } finally {
            process.destroyForcibly();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertEquals(0, process.exitValue(), output.toString());
        Path inbox = dir.resolve("inbox");
        assertEquals(ChatConversation.TEXT, Files.readString(inbox.resolve("message_text"), StandardCharsets.UTF_8));
        assertEquals(ChatConversation.DOCUMENT_SIZE, Files.size(inbox.resolve("large_document.bin")));
        assertTrue(Files.size(inbox.resolve("user_avatar.png")) > 0);
        assertEquals(serversBefore, natsServers(), "the nats-server the example started has stopped");
    }

    private static Set<Long> natsServers() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("nats-server")).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Collects the program's output and completes {@code success} with its success line. */
    private static void readLines(Process process, StringBuffer output, CompletableFuture<String> success) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.contains("Quarkus chat example: ")) {
                    success.complete(line);
                }
            }
        } catch (IOException e) {
            output.append("reading the output failed: ").append(e);
        }
    }
}
