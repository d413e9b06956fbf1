package io.github.msghandler.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Someone runs the examples on a machine with no NATS server and no way to start one: the run ends with one line
 * that says how to get a server, not with a stack trace.
 */
class FirstContactTest {

    @Test
    @Timeout(60)
    void withoutAnyServerTheExamplesEndWithOneLineThatSaysHowToGetOne(@TempDir Path emptyPath) throws Exception {
        assumeFalse(System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock")),
                "with a Docker engine the examples start a container instead");
        int silentPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            silentPort = socket.getLocalPort();   // closed again: nothing answers there
        }
        ProcessBuilder examples = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-DbrokerUrl=nats://127.0.0.1:" + silentPort,
                ExamplesApp.class.getName(), "chat")
                .redirectErrorStream(true);
        examples.environment().put("PATH", emptyPath.toString());   // no nats-server to find
        Process process = examples.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(ExamplesApp.NO_BROKER, process.waitFor(), output);
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("No NATS server answers at nats://127.0.0.1:" + silentPort), last);
        assertTrue(last.contains("apt-get install nats-server"), last);
        assertFalse(last.contains("test"), "says nothing about tests: " + last);
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "no stack trace: " + output);
    }
}
