package io.github.msghandler.core;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.testsupport.NatsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct or link per payload (wire format section 5), over a real nats-server with the Object Store store. */
class TransportSelectionTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final int THRESHOLD = 1000;

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest(name = "{0} bytes with threshold 1000 go {1}")
    @CsvSource({"999,DIRECT", "1000,LINK", "1001,LINK"})
    void thresholdIsExclusiveForDirectAndInclusiveForLink(int size, Transport expected) throws Exception {
        byte[] sent = bytes(size, size);

        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(),
                List.of(Payload.of("edge", sent, PayloadType.BINARY)), PackOptions.builder().sizeThreshold(THRESHOLD));

        assertEquals(expected, received.payloads().get(0).transport());
        assertEquals(size, received.payloads().get(0).size());
        assertArrayEquals(sent, received.payloads().get(0).bytes());
    }

    @Test
    void emptyTextAndEmptyBinaryTravelDirect() throws Exception {
        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(),
                List.of(Payload.of("empty_text", "", "text"), Payload.of("empty_bytes", new byte[0], "binary")),
                PackOptions.builder());

        assertEquals("", received.payloads().get(0).value());
        assertEquals(Transport.DIRECT, received.payloads().get(0).transport());
        assertArrayEquals(new byte[0], received.payloads().get(1).bytes());
        assertEquals(0, received.payloads().get(1).size());
    }

    @Test
    void oneEnvelopeMixesTypesAndTransportsInTheCallersOrder() throws Exception {
        byte[] image = bytes(200, 1);
        byte[] document = bytes(5000, 2);
        List<Payload> payloads = List.of(
                Payload.of("message_text", "Hello!", "text"),
                Payload.of("user_avatar", image, "image"),
                Payload.of("large_document", document, "binary"),
                Payload.of("config", Map.of("interval", 60), "dictionary"),
                Payload.of("rows", List.of(Map.of("id", 1)), "jsontable"));

        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(), payloads,
                PackOptions.builder().sizeThreshold(THRESHOLD));

        assertEquals(List.of("message_text", "user_avatar", "large_document", "config", "rows"),
                received.payloads().stream().map(ReceivedPayload::dataname).toList());
        assertEquals(List.of(Transport.DIRECT, Transport.DIRECT, Transport.LINK, Transport.DIRECT, Transport.DIRECT),
                received.payloads().stream().map(ReceivedPayload::transport).toList());
        assertEquals("Hello!", received.payloads().get(0).value());
        assertArrayEquals(image, received.payloads().get(1).bytes());
        assertArrayEquals(document, received.payloads().get(2).bytes());
        assertEquals(Map.of("interval", 60), received.payloads().get(3).value());
        assertEquals(List.of(Map.of("id", 1)), received.payloads().get(4).value());
    }

    @Test
    void directPayloadsThatWouldOverflowMaxPayloadGoByLinkLargestFirst() throws Exception {
        long maxPayload = nats.connection().getServerInfo().getMaxPayload();
        byte[] small = bytes(100_000, 3);
        byte[] medium = bytes(300_000, 4);
        byte[] large = bytes(450_000, 5);

        EncodedEnvelope sent = MsgHandler.smartpack("overflow.test", List.of(Payload.of("small", small, "binary"),
                        Payload.of("large", large, "binary"), Payload.of("medium", medium, "binary")),
                PackOptions.builder().connection(nats.connection()).publish(false).build());

        assertTrue(sent.jsonBytes().length <= maxPayload, sent.jsonBytes().length + " > " + maxPayload);
        assertEquals(List.of(Transport.DIRECT, Transport.LINK, Transport.DIRECT),
                sent.envelope().payloads().stream().map(WirePayload::transport).toList());
        UnpackedEnvelope received = MsgHandler.smartunpack(sent.jsonBytes(),
                UnpackOptions.builder().connection(nats.connection()).build());
        assertArrayEquals(large, received.payloads().get(1).bytes());
    }

    @Test
    void anEnvelopeWithoutHeadersCountsOnlyItsJsonAndMsgIdHeaderCountsItsBlock() {
        List<Payload> payloads = List.of(Payload.of("note", "hello", "text"));
        PackOptions options = PackOptions.builder().connection(nats.connection()).publish(false).build();

        EncodedEnvelope plain = MsgHandler.smartpack("sizes.test", payloads, options);
        assertTrue(plain.natsHeaders().isEmpty());
        assertFalse(plain.hasMsgIdHeader());
        assertEquals(plain.jsonBytes().length, plain.natsSize());
        assertFalse(plain.toNatsMessage().hasHeaders(), "travels as a plain PUB");

        EncodedEnvelope withId = MsgHandler.smartpack("sizes.test", payloads,
                options.toBuilder().msgIdHeader(true).build());
        assertEquals(List.of(withId.envelope().header().msgId()),
                withId.natsHeaders().get(EncodedEnvelope.NATS_MSG_ID));
        assertEquals(withId.jsonBytes().length + withId.natsHeaders().serializedLength(), withId.natsSize());

        EncodedEnvelope forwarded = MsgHandler.readEnvelope(withId.jsonBytes());
        assertFalse(forwarded.hasMsgIdHeader(), "an envelope read from bytes has no headers");
        assertTrue(forwarded.withNatsHeaders(null, true).hasMsgIdHeader());
        assertEquals(List.of(withId.envelope().header().msgId()),
                forwarded.withNatsHeaders(null, true).natsHeaders().get(EncodedEnvelope.NATS_MSG_ID));
        assertTrue(withId.withMsgId("renamed").hasMsgIdHeader(), "a renamed envelope keeps its choice");
        assertEquals(List.of("renamed"),
                withId.withMsgId("renamed").natsHeaders().get(EncodedEnvelope.NATS_MSG_ID));
    }

    @Test
    void streamsFilesAndBuffersAreAcceptedAsBytes(@TempDir Path dir) throws Exception {
        byte[] streamed = bytes(3000, 6);
        byte[] shortStream = bytes(10, 7);
        byte[] fromFile = bytes(2500, 8);
        Path file = Files.write(dir.resolve("report.pdf"), fromFile);
        byte[] buffered = bytes(50, 9);
        ByteBuffer buffer = ByteBuffer.wrap(buffered);

        UnpackedEnvelope received = NatsRoundTrip.roundTrip(nats.connection(), List.of(
                        Payload.of("streamed", new ByteArrayInputStream(streamed), "binary"),
                        Payload.of("short_stream", new ByteArrayInputStream(shortStream), "audio"),
                        Payload.of("path", file, "binary"),
                        Payload.of("file", new File(file.toString()), "video"),
                        Payload.of("buffer", buffer, "image")),
                PackOptions.builder().sizeThreshold(THRESHOLD));

        assertEquals(Transport.LINK, received.payloads().get(0).transport());
        assertArrayEquals(streamed, received.payloads().get(0).bytes());
        assertEquals(Transport.DIRECT, received.payloads().get(1).transport());
        assertArrayEquals(shortStream, received.payloads().get(1).bytes());
        assertArrayEquals(fromFile, received.payloads().get(2).bytes());
        assertEquals("report.pdf", received.payloads().get(2).metadata().get("filename"));
        assertArrayEquals(fromFile, received.payloads().get(3).bytes());
        assertArrayEquals(buffered, received.payloads().get(4).bytes());
        assertEquals(0, buffer.position(), "the caller's buffer is not consumed");
    }

    @Test
    void smartpackOpensAndClosesItsOwnConnectionWhenGivenNone() throws Exception {
        String subject = "own.connection";
        var subscription = nats.connection().subscribe(subject);
        nats.connection().flush(java.time.Duration.ofSeconds(5));

        EncodedEnvelope sent = MsgHandler.smartpack(subject, List.of(Payload.of("m", "via its own connection", "text")),
                PackOptions.builder().brokerUrl(nats.url()).build());

        var message = subscription.nextMessage(java.time.Duration.ofSeconds(10));
        assertEquals("via its own connection", MsgHandler.smartunpack(message).payloads().get(0).value());
        assertEquals(nats.url(), sent.envelope().header().brokerUrl());
    }
}
