package io.github.msghandler.examples.springboot;

import io.github.msghandler.core.Payload;
import io.github.msghandler.examples.ExampleData;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One chat message: a text, a PNG image and a 5 MB file, which goes by link; waits until all three arrived. */
@Component
public class ChatConversation {
    static final String TEXT = "Hello from the Spring Boot chat example!";
    static final long DOCUMENT_SIZE = 5L * 1024 * 1024;

    private final ProducerTemplate template;
    private final Path dir;

    public ChatConversation(ProducerTemplate template, @Value("${examples.dir}") String dir) {
        this.template = template;
        this.dir = Path.of(dir);
    }

    /** @return what arrived where */
    public String hold() throws Exception {
        byte[] png = ExampleData.png();
        Path document = ExampleData.randomFile(dir.resolve("outbox").resolve("large_document.bin"), DOCUMENT_SIZE, 7);
        template.sendBody("direct:chat", List.of(
                Payload.of("message_text", TEXT, "text"),
                Payload.of("user_avatar.png", png, "image").withMetadata("content_type", "image/png"),
                Payload.of("large_document.bin", Files.readAllBytes(document), "binary")));

        Path inbox = dir.resolve("inbox");
        ExampleData.awaitFiles(Map.of(
                inbox.resolve("message_text"), TEXT.getBytes(StandardCharsets.UTF_8),
                inbox.resolve("user_avatar.png"), png,
                inbox.resolve("large_document.bin"), Files.readAllBytes(document)), Duration.ofSeconds(60));
        return "3 payloads in " + inbox.toAbsolutePath() + " with the bytes sent (the 5 MB file went by link)";
    }
}
