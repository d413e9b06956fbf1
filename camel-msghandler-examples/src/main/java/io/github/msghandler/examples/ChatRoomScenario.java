package io.github.msghandler.examples;

import io.github.msghandler.core.Payload;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1, chat room: one message with a text, a PNG image and a 5 MB file. The text and image travel inside
 * the envelope; the file goes to the broker's Object Store and only its link travels. The receiver splits the
 * message and writes each payload to {@code inbox/<dataname>}, logging the envelope headers.
 */
final class ChatRoomScenario implements Scenario {
    static final String TEXT = "Hello from the Camel chat example!";
    static final long DOCUMENT_SIZE = 5L * 1024 * 1024;

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String description() {
        return "text + PNG image + 5 MB file (by link) in one message; each payload lands in inbox/<dataname>";
    }

    @Override
    public void addRoutes(Main main) {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").routeId("chat-sender")
                        .to("msghandler:chat.room1?senderName=examples-chat")
                        .log("Sent msg_id=${header.CamelMsgHandlerMsgId} with transports "
                                + "${header.CamelMsgHandlerTransports}");

                from("msghandler:chat.room1").routeId("chat-receiver")
                        .log("Received msg_id=${header.CamelMsgHandlerMsgId} correlation_id="
                                + "${header.CamelMsgHandlerCorrelationId} from ${header.CamelMsgHandlerSenderName} "
                                + "at ${header.CamelMsgHandlerTimestamp}: ${header.CamelMsgHandlerPayloadCount} payloads")
                        .split(body())
                            .log("  ${header.CamelFileName}: ${header.CamelMsgHandlerPayloadType}, "
                                    + "${header.CamelMsgHandlerTransport}, ${header.CamelMsgHandlerPayloadSize} bytes")
                            .to("file:{{examples.dir}}/inbox")
                        .end();
            }
        });
    }

    @Override
    public String drive(CamelContext camel, Path dir) throws Exception {
        byte[] png = ExampleData.png();
        Path document = ExampleData.randomFile(dir.resolve("outbox").resolve("large_document.bin"), DOCUMENT_SIZE, 1);
        camel.createProducerTemplate().sendBody("direct:chat", List.of(
                Payload.of("message_text", TEXT, "text"),
                Payload.of("user_avatar.png", png, "image").withMetadata("content_type", "image/png"),
                Payload.of("large_document.bin", new ProgressInputStream(Files.newInputStream(document),
                        DOCUMENT_SIZE, "large_document.bin"), "binary")));

        Path inbox = dir.resolve("inbox");
        ExampleData.awaitFiles(Map.of(
                inbox.resolve("message_text"), TEXT.getBytes(StandardCharsets.UTF_8),
                inbox.resolve("user_avatar.png"), png,
                inbox.resolve("large_document.bin"), Files.readAllBytes(document)), Duration.ofSeconds(60));
        return "3 payloads in " + inbox + " with the bytes sent (the 5 MB file went by link)";
    }
}
