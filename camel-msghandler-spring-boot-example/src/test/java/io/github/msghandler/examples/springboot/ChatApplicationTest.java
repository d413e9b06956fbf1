package io.github.msghandler.examples.springboot;

import io.github.msghandler.examples.FrameworkChat;
import io.github.msghandler.testsupport.ExampleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot example as the README starts it, in a JVM of its own as spring-boot:run forks one: the three
 * payloads arrive in the inbox, byte for byte, and the program ends by itself after its success line.
 */
class ChatApplicationTest {
    @Test
    @Timeout(180)
    void theChatMessageArrivesAndTheProgramEndsByItself(@TempDir Path dir) throws Exception {
        String line = ExampleProcess.runToSuccess(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ChatApplication.class.getName(), "--examples.dir=" + dir, "--spring.main.banner-mode=off"),
                "Spring Boot chat example: ");

        assertTrue(line.contains("3 payloads"), line);
        Path inbox = dir.resolve("inbox");
        assertEquals(ChatConversation.TEXT, Files.readString(inbox.resolve("message_text"), StandardCharsets.UTF_8));
        assertEquals(FrameworkChat.DOCUMENT_SIZE, Files.size(inbox.resolve("large_document.bin")));
        assertTrue(Files.size(inbox.resolve("user_avatar.png")) > 0);
    }
}
