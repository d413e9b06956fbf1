package io.github.msghandler.examples.quarkus;

import io.github.msghandler.examples.FrameworkChat;
import io.github.msghandler.testsupport.ExampleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Quarkus example as the README starts it, {@code java -jar target/quarkus-app/quarkus-run.jar} after the
 * build: the three payloads arrive in the inbox byte for byte, and the program ends by itself after its success
 * line, leaving no nats-server of its own behind.
 */
class ChatExampleIT {
    @Test
    @Timeout(180)
    void theChatMessageArrivesAndTheProgramEndsByItself(@TempDir Path dir) throws Exception {
        Set<Long> serversBefore = natsServers();
        String line = ExampleProcess.runToSuccess(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dexamples.dir=" + dir, "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()),
                "Quarkus chat example: ");

        assertTrue(line.contains("3 payloads"), line);
        Path inbox = dir.resolve("inbox");
        assertEquals(ChatConversation.TEXT, Files.readString(inbox.resolve("message_text"), StandardCharsets.UTF_8));
        assertEquals(FrameworkChat.DOCUMENT_SIZE, Files.size(inbox.resolve("large_document.bin")));
        assertTrue(Files.size(inbox.resolve("user_avatar.png")) > 0);
        assertEquals(serversBefore, natsServers(), "the nats-server the example started has stopped");
    }

    private static Set<Long> natsServers() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("nats-server")).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
