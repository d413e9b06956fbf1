package io.github.msghandler.examples.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spring Boot example as the README starts it: the three payloads arrive in the inbox, byte for byte. */
class ChatApplicationTest {

    @Test
    @Timeout(120)
    void theChatMessageArrivesInTheInbox(@TempDir Path dir) throws Exception {
        String result = ChatApplication.run("--examples.dir=" + dir, "--spring.main.banner-mode=off");

        assertTrue(result.startsWith("3 payloads"), result);
        Path inbox = dir.resolve("inbox");
        assertEquals(ChatConversation.TEXT, Files.readString(inbox.resolve("message_text"), StandardCharsets.UTF_8));
        assertEquals(ChatConversation.DOCUMENT_SIZE, Files.size(inbox.resolve("large_document.bin")));
        assertTrue(Files.size(inbox.resolve("user_avatar.png")) > 0);
    }
}
