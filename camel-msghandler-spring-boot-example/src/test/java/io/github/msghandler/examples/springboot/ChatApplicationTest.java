package io.github.msghandler.examples.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot example as the README starts it, in a JVM of its own as spring-boot:run forks one: the three
 * payloads arrive in the inbox, byte for byte, and the program ends by itself after its success line (no thread of
 * Camel, jnats or the broker it started keeps the JVM alive).
 */
class ChatApplicationTest {
    /** Spring's and Camel's shutdown and the local nats-server's stop take well under this on 2 shared cores. */
    private static final long EXIT_AFTER_SUCCESS_SECONDS = 20;
    private static final long SUCCESS_SECONDS = 120;

    @Test
    @Timeout(180)
    void theChatMessageArrivesAndTheProgramEndsByItself(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ChatApplication.class.getName(), "--examples.dir=" + dir, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> success = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(process, output, success), "example-output");
        reader.start();
        try {
            String line = success.get(SUCCESS_SECONDS, TimeUnit.SECONDS);
            long successAt = System.nanoTime();
            assertTrue(process.waitFor(EXIT_AFTER_SUCCESS_SECONDS, TimeUnit.SECONDS),
                    "still running " + EXIT_AFTER_SUCCESS_SECONDS + " s after its success line:\n" + output);
            System.out.printf("LIFECYCLE Spring Boot example ended %d ms after its success line%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - successAt));
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
    }

    /** Collects the program's output and completes {@code success} with its success line. */
    private static void readLines(Process process, StringBuffer output, CompletableFuture<String> success) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.contains("Spring Boot chat example: ")) {
                    success.complete(line);
                }
            }
        } catch (IOException e) {
            output.append("reading the output failed: ").append(e);
        }
    }
}
