package io.github.msghandler.examples.quarkus;

import io.github.msghandler.core.Payload;
import io.github.msghandler.examples.ExampleData;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One chat message, once Camel has started: a text, a PNG image and a 5 MB file, which goes by link;
 * waits until all three arrived in the inbox, then ends the application (status 0, or 1 when they did not arrive).
 */
@ApplicationScoped
public class ChatConversation {
    static final String TEXT = "Hello from the Quarkus chat example!";
    static final long DOCUMENT_SIZE = 5L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ChatConversation.class);

    @Inject
    ProducerTemplate template;

    @ConfigProperty(name = "examples.dir")
    String dir;

    void onCamelStarted(@Observes CamelEvent.CamelContextStartedEvent started) {
        // once Camel's routes run (Camel Quarkus starts them after the application's StartupEvent), and not on
        // the starting thread, which has more to do while this waits
        Thread conversation = new Thread(() -> {
            try {
                LOG.infof("Quarkus chat example: %s", hold());
                Quarkus.asyncExit(0);
            } catch (Exception e) {
                LOG.error("The Quarkus chat example failed", e);
                Quarkus.asyncExit(1);
            }
        }, "chat-conversation");
        conversation.start();
    }

    /** @return what arrived where */
    String hold() throws Exception {
        Path base = Path.of(dir);
        byte[] png = ExampleData.png();
        Path document = ExampleData.randomFile(base.resolve("outbox").resolve("large_document.bin"), DOCUMENT_SIZE, 7);
        template.sendBody("direct:chat", List.of(
                Payload.of("message_text", TEXT, "text"),
                Payload.of("user_avatar.png", png, "image").withMetadata("content_type", "image/png"),
                Payload.of("large_document.bin", Files.readAllBytes(document), "binary")));

        Path inbox = base.resolve("inbox");
        ExampleData.awaitFiles(Map.of(
                inbox.resolve("message_text"), TEXT.getBytes(StandardCharsets.UTF_8),
                inbox.resolve("user_avatar.png"), png,
                inbox.resolve("large_document.bin"), Files.readAllBytes(document)), Duration.ofSeconds(60));
        return "3 payloads in " + inbox.toAbsolutePath() + " with the bytes sent (the 5 MB file went by link)";
    }
}
