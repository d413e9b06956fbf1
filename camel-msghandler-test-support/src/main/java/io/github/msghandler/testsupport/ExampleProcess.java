package io.github.msghandler.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An example program started as its README starts it, in a process of its own: it must print its success line,
 * then end by itself with status 0 (no thread of Camel, jnats or the broker it started keeps it alive). A failure
 * shows the program's whole output.
 */
public final class ExampleProcess {
    private static final long SUCCESS_SECONDS = 120;
    /** A framework's and Camel's shutdown and the local nats-server's stop take well under this on 2 shared cores. */
    private static final long EXIT_AFTER_SUCCESS_SECONDS = 20;

    private ExampleProcess() {
    }

    /**
     * Runs {@code command} until it prints a line containing {@code successMarker} and then ends with status 0.
     *
     * @return the success line
     * @throws AssertionError naming what did not happen, with the output
     */
    public static String runToSuccess(List<String> command, String successMarker) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> success = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(process, successMarker, output, success), "example-output");
        reader.start();
        String line;
        try {
            line = success.get(SUCCESS_SECONDS, TimeUnit.SECONDS);
            long successAt = System.nanoTime();
            if (!process.waitFor(EXIT_AFTER_SUCCESS_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("still running " + EXIT_AFTER_SUCCESS_SECONDS + " s after its success "
                        + "line:\n" + output);
            }
            System.out.printf("LIFECYCLE '%s' ended %d ms after its success line%n", successMarker.strip(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - successAt));
        } catch (TimeoutException e) {
            throw new AssertionError("no success line within " + SUCCESS_SECONDS + " s:\n" + output, e);
        } finally {
            process.destroyForcibly();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exit status " + process.exitValue() + ":\n" + output);
        }
        return line;
    }

    /** Collects the program's output and completes {@code success} with its success line. */
    private static void readLines(Process process, String successMarker, StringBuffer output,
                                  CompletableFuture<String> success) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.contains(successMarker)) {
                    success.complete(line);
                }
            }
        } catch (IOException e) {
            output.append("reading the output failed: ").append(e);
        }
    }
}
