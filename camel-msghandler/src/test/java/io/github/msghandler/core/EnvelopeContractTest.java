package io.github.msghandler.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.core.store.HttpClaimCheckStore;
import io.github.msghandler.testsupport.Sha256Hex;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What we put on NATS, checked field by field against wire-format-v1.md with a plain JSON parser. */
class EnvelopeContractTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern STANDARD_BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> ENVELOPE_FIELDS = List.of("correlation_id", "msg_id", "timestamp", "send_to",
            "msg_purpose", "sender_name", "sender_id", "receiver_name", "receiver_id", "reply_to", "reply_to_msg_id",
            "broker_url", "metadata", "payloads");
    private static final List<String> PAYLOAD_FIELDS = List.of("id", "dataname", "payload_type", "transport",
            "encoding", "size", "data", "metadata");

    @Test
    void publishedEnvelopeFollowsTheContractFieldByField() throws Exception {
        byte[] binary = new byte[1000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        byte[] large = new byte[600_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i % 251);
        }
        try (FileTestServer files = FileTestServer.start()) {
            Message message = NatsRoundTrip.publishAndReceive(nats.connection(), List.of(
                            Payload.of("message_text", "Hello!", "text"),
                            Payload.of("blob", binary, "binary"),
                            Payload.of("large_document", large, "binary")),
                    PackOptions.builder().store(new HttpClaimCheckStore(URI.create(files.url()))).msgIdHeader(true));

            JsonNode root = new ObjectMapper().readTree(message.getData());
            assertEquals(ENVELOPE_FIELDS, fieldNames(root));
            for (String field : ENVELOPE_FIELDS.subList(0, 12)) {
                assertTrue(root.get(field).isTextual(), field + " is a string");
            }
            assertTrue(UUID_V4.matcher(root.get("correlation_id").textValue()).matches());
            assertTrue(UUID_V4.matcher(root.get("msg_id").textValue()).matches());
            assertTrue(UUID_V4.matcher(root.get("sender_id").textValue()).matches());
            assertTrue(TIMESTAMP.matcher(root.get("timestamp").textValue()).matches(), root.get("timestamp").textValue());
            assertEquals(message.getSubject(), root.get("send_to").textValue());
            assertEquals("chat", root.get("msg_purpose").textValue());
            assertEquals("msghandler", root.get("sender_name").textValue());
            assertEquals("", root.get("receiver_name").textValue());
            assertEquals("", root.get("reply_to").textValue());
            assertTrue(root.get("broker_url").textValue().startsWith("nats://"));
            assertTrue(root.get("metadata").isObject());
            assertEquals(root.get("msg_id").textValue(), message.getHeaders().getFirst("Nats-Msg-Id"));

            JsonNode payloads = root.get("payloads");
            assertEquals(3, payloads.size());
            assertDirect(payloads.get(0), "message_text", "text", "Hello!".getBytes(StandardCharsets.UTF_8));
            assertDirect(payloads.get(1), "blob", "binary", binary);

            JsonNode link = payloads.get(2);
            assertEquals(PAYLOAD_FIELDS, fieldNames(link));
            assertEquals("link", link.get("transport").textValue());
            assertEquals("none", link.get("encoding").textValue());
            assertEquals(large.length, link.get("size").longValue());
            assertTrue(link.get("data").textValue().startsWith(files.url() + "/"), link.get("data").textValue());
            assertEquals(Sha256Hex.of(large), link.get("metadata").get("sha256").textValue());
        }
    }

    private static void assertDirect(JsonNode payload, String dataname, String type, byte[] bytes) throws Exception {
        assertEquals(PAYLOAD_FIELDS, fieldNames(payload));
        assertTrue(UUID_V4.matcher(payload.get("id").textValue()).matches());
        assertEquals(dataname, payload.get("dataname").textValue());
        assertEquals(type, payload.get("payload_type").textValue());
        assertEquals("direct", payload.get("transport").textValue());
        assertEquals("base64", payload.get("encoding").textValue());
        assertTrue(payload.get("size").isIntegralNumber());
        assertEquals(bytes.length, payload.get("size").longValue());
        String data = payload.get("data").textValue();
        assertTrue(STANDARD_BASE64.matcher(data).matches(), "standard padded base64: " + data);
        assertArrayEquals(bytes, Base64.getDecoder().decode(data));
        String sha = payload.get("metadata").get("sha256").textValue();
        assertTrue(SHA256_HEX.matcher(sha).matches());
        assertEquals(Sha256Hex.of(bytes), sha);
    }



    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void givenOptionsAreWrittenAsGiven() {
        EncodedEnvelope result = MsgHandler.smartpack("device.command",
                List.of(Payload.of("command", java.util.Map.of("action", "read_sensor"), "dictionary")),
                PackOptions.builder().publish(false).brokerUrl("nats://broker:4222").header(EnvelopeHeader.builder()
                        .correlationId("corr-1").msgId("msg-1").senderId("sender-1")
                        .msgPurpose("command").senderName("camel").receiverName("device").receiverId("dev-7")
                        .replyTo("device.response").replyToMsgId("msg-0")
                        .metadata(java.util.Map.of("priority", 1)).build()).build());

        Envelope envelope = result.envelope();
        assertEquals("corr-1", envelope.header().correlationId());
        assertEquals("msg-1", envelope.header().msgId());
        assertEquals("sender-1", envelope.header().senderId());
        assertEquals("command", envelope.header().msgPurpose());
        assertEquals("camel", envelope.header().senderName());
        assertEquals("device", envelope.header().receiverName());
        assertEquals("dev-7", envelope.header().receiverId());
        assertEquals("device.response", envelope.header().replyTo());
        assertEquals("msg-0", envelope.header().replyToMsgId());
        assertEquals("nats://broker:4222", envelope.header().brokerUrl());
        assertEquals(java.util.Map.of("priority", 1), envelope.header().metadata());
        assertEquals(envelope, MsgHandler.smartunpack(result.jsonBytes(), UnpackOptions.defaults()).envelope(),
                "what we write reads back as the same envelope");
    }
}
