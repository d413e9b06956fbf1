package io.github.msghandler.examples;

import io.github.msghandler.core.Payload;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The chat scenario of the framework examples (Spring Boot, Quarkus), which each wire it up in their own idiom: a
 * sender and a receiver on one subject, the receiver writing each payload to {@code inbox/<dataname>}, and one
 * conversation of three payloads. The endpoint URIs carry no options: they all come from the application's
 * properties.
 */
public final class FrameworkChat {
    /** The file of the conversation, large enough to go by link. */
    public static final long DOCUMENT_SIZE = 5L * 1024 * 1024;

    private FrameworkChat() {
    }

    /** The text the example of {@code framework} sends. */
    public static String text(String framework) {
        return "Hello from the " + framework + " chat example!";
    }

    /** Defines the sender ({@code direct:chat}) and the receiver on {@code subject} in {@code routes}. */
    public static void configure(RouteBuilder routes, String subject) {
        routes.from("direct:chat").routeId("chat-sender")
                .to("msghandler:" + subject)
                .log("Sent msg_id=${header.CamelMsgHandlerMsgId} with transports ${header.CamelMsgHandlerTransports}");

        routes.from("msghandler:" + subject).routeId("chat-receiver")
                .log("Received msg_id=${header.CamelMsgHandlerMsgId} from ${header.CamelMsgHandlerSenderName}: "
                        + "${header.CamelMsgHandlerPayloadCount} payloads")
                .split(Builder.body())
                    .log("  ${header.CamelFileName}: ${header.CamelMsgHandlerPayloadType}, "
                            + "${header.CamelMsgHandlerTransport}, ${header.CamelMsgHandlerPayloadSize} bytes")
                    .to("file:{{examples.dir}}/inbox")
                .end();
    }

    /**
     * One chat message through the routes: a text, a PNG image and a 5 MB file, which goes by link; waits until all
     * three arrived in {@code dir}'s inbox with the bytes sent.
     *
     * @return what arrived where
     */
    public static String hold(ProducerTemplate template, Path dir, String text) throws Exception {
        byte[] png = ExampleData.png();
        Path document = ExampleData.randomFile(dir.resolve("outbox").resolve("large_document.bin"), DOCUMENT_SIZE, 7);
        template.sendBody("direct:chat", List.of(
                Payload.of("message_text", text, "text"),
                Payload.of("user_avatar.png", png, "image").withMetadata("content_type", "image/png"),
                Payload.of("large_document.bin", Files.readAllBytes(document), "binary")));

        Path inbox = dir.resolve("inbox");
        ExampleData.awaitFiles(Map.of(
                inbox.resolve("message_text"), text.getBytes(StandardCharsets.UTF_8),
                inbox.resolve("user_avatar.png"), png,
                inbox.resolve("large_document.bin"), Files.readAllBytes(document)), Duration.ofSeconds(60));
        return "3 payloads in " + inbox.toAbsolutePath() + " with the bytes sent (the 5 MB file went by link)";
    }
}
