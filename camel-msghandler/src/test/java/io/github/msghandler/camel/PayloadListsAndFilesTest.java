package io.github.msghandler.camel;

import io.github.msghandler.core.Payload;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Several payloads in one envelope, attachments, splitting, file bridges and republishing. */
class PayloadListsAndFilesTest extends MsgHandlerTestSupport {
    @TempDir
    static Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("lists.in")).to("mock:whole");
                from(uri("split.in")).split(body()).to("mock:parts");

                // file bridge: files cross NATS (5 MB ones by link) and land with their names and bytes
                from("file:" + dir.resolve("outbox") + "?noop=true&initialDelay=0&delay=100")
                        .to(uri("bridge.files") + "&sizeThreshold=1000000");
                from(uri("bridge.files")).to("file:" + dir.resolve("inbox")).to("mock:bridged");

                // republish: what arrives on a goes out again on b
                from(uri("republish.a")).to(uri("republish.b"));
                from(uri("republish.b")).to("mock:republished");
            }
        };
    }

    @Test
    void listOfPayloadsAndTuplesArrivesAsMessagesInOrder() throws Exception {
        MockEndpoint whole = getMockEndpoint("mock:whole");
        whole.expectedMessageCount(1);

        template.sendBody(uri("lists.in"), List.of(
                Payload.of("greeting", "Hello!", "text"),
                List.of("config", Map.of("interval", 60), "dictionary"),
                new Object[] {"blob", new byte[] {1, 2, 3}, "binary"}));

        whole.assertIsSatisfied(10_000);
        Exchange exchange = whole.getReceivedExchanges().get(0);
        assertEquals(3, exchange.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_COUNT));
        List<?> parts = exchange.getMessage().getBody(List.class);
        List<org.apache.camel.Message> messages = parts.stream().map(org.apache.camel.Message.class::cast).toList();
        assertEquals(List.of("greeting", "config", "blob"),
                messages.stream().map(m -> m.getHeader(Exchange.FILE_NAME)).toList());
        assertEquals("Hello!", messages.get(0).getBody(String.class));
        assertEquals(Map.of("interval", 60), messages.get(1).getBody(Map.class));
        assertArrayEquals(new byte[] {1, 2, 3}, messages.get(2).getBody(byte[].class));
        assertEquals("dictionary", messages.get(1).getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
    }

    @Test
    void splitGivesOneExchangePerPayloadWithItsFileName() throws Exception {
        MockEndpoint parts = getMockEndpoint("mock:parts");
        parts.expectedMessageCount(2);

        template.sendBody(uri("split.in"), List.of(List.of("a.txt", "first", "text"),
                List.of("b.bin", new byte[] {9}, "binary")));

        parts.assertIsSatisfied(10_000);
        assertEquals(List.of("a.txt", "b.bin"), parts.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Exchange.FILE_NAME)).toList());
        assertEquals("first", parts.getReceivedExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void attachmentsBecomePayloadsNamedAfterThem() throws Exception {
        Path png = Files.write(dir.resolve("pixel.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        MockEndpoint whole = getMockEndpoint("mock:whole");
        whole.expectedMessageCount(1);

        template.send(uri("lists.in"), exchange -> {
            exchange.getMessage().setBody("see attached");
            exchange.getIn(AttachmentMessage.class).addAttachment("pixel.png",
                    new DataHandler(new FileDataSource(png.toFile())));
        });

        whole.assertIsSatisfied(10_000);
        List<?> parts = whole.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        org.apache.camel.Message attachment = (org.apache.camel.Message) parts.get(1);
        assertEquals("body", ((org.apache.camel.Message) parts.get(0)).getHeader(MsgHandlerConstants.DATA_NAME));
        assertEquals("pixel.png", attachment.getHeader(MsgHandlerConstants.DATA_NAME));
        assertEquals("image", attachment.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
        assertEquals("image/png", attachment.getHeader(Exchange.CONTENT_TYPE));
        assertArrayEquals(Files.readAllBytes(png), attachment.getBody(byte[].class));
    }

    @Test
    void fileBridgeKeepsNamesAndBytesIncludingAFiveMegabyteLink() throws Exception {
        byte[] large = new byte[5 * 1024 * 1024];
        new Random(5).nextBytes(large);
        Map<String, byte[]> files = Map.of(
                "notes.txt", "plain text, ü".getBytes(StandardCharsets.UTF_8),
                "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1},
                "archive.bin", large);
        MockEndpoint bridged = getMockEndpoint("mock:bridged");
        bridged.expectedMessageCount(files.size());
        Files.createDirectories(dir.resolve("outbox"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve("outbox").resolve(file.getKey()), file.getValue());
        }

        bridged.assertIsSatisfied(30_000);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(dir.resolve("inbox").resolve(file.getKey())),
                    file.getKey());
        }
        Map<String, Object> transports = bridged.getReceivedExchanges().stream().collect(Collectors.toMap(
                e -> e.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                e -> e.getMessage().getHeader(MsgHandlerConstants.TRANSPORT)));
        assertEquals(Map.of("notes.txt", "direct", "photo.png", "direct", "archive.bin", "link"), transports);
        try (Stream<Path> inbox = Files.list(dir.resolve("inbox"))) {
            assertEquals(files.keySet(), inbox.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void republishingKeepsPayloadsAndCorrelationUnderANewMsgId() throws Exception {
        MockEndpoint republished = getMockEndpoint("mock:republished");
        republished.expectedMessageCount(1);

        Exchange sent = template.send(uri("republish.a"), exchange -> {
            exchange.getMessage().setHeader(MsgHandlerConstants.CORRELATION_ID, "chain-1");
            exchange.getMessage().setBody(List.of(List.of("t", "text", "text"),
                    List.of("rows", List.of(Map.of("id", 1)), "jsontable"),
                    List.of("d", List.of(1, 2), "dictionary")));
        });

        republished.assertIsSatisfied(10_000);
        Exchange received = republished.getReceivedExchanges().get(0);
        assertEquals("chain-1", received.getMessage().getHeader(MsgHandlerConstants.CORRELATION_ID));
        assertNotEquals(sent.getMessage().getHeader(MsgHandlerConstants.MSG_ID),
                received.getMessage().getHeader(MsgHandlerConstants.MSG_ID));
        List<?> parts = assertInstanceOf(List.class, received.getMessage().getBody());
        List<org.apache.camel.Message> messages = parts.stream().map(org.apache.camel.Message.class::cast).toList();
        assertEquals(List.of("t", "rows", "d"), messages.stream().map(m -> m.getHeader(Exchange.FILE_NAME)).toList());
        assertEquals(List.of("text", "jsontable", "dictionary"),
                messages.stream().map(m -> m.getHeader(MsgHandlerConstants.PAYLOAD_TYPE)).toList());
        assertEquals(List.of(Map.of("id", 1)), messages.get(1).getBody(List.class));
        assertEquals(List.of(1, 2), messages.get(2).getBody(List.class));
        assertEquals("text", messages.get(0).getBody(String.class));
    }
}
