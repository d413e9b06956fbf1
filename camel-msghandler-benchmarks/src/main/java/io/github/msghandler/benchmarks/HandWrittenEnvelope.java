package io.github.msghandler.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A text payload in a wire format v1 envelope, written and read the way a user would without this component:
 * Jackson's tree model and the JDK's Base64, with the sha256 the contract carries computed and checked.
 */
final class HandWrittenEnvelope {
    private HandWrittenEnvelope() {
    }

    static byte[] write(ObjectMapper json, String subject, byte[] text) throws IOException {
        ObjectNode envelope = json.createObjectNode()
                .put("correlation_id", UUID.randomUUID().toString())
                .put("msg_id", UUID.randomUUID().toString())
                .put("timestamp", Instant.now().toString())
                .put("send_to", subject)
                .put("msg_purpose", "chat")
                .put("sender_name", "by-hand")
                .put("sender_id", "by-hand-1")
                .put("receiver_name", "")
                .put("receiver_id", "")
                .put("reply_to", "")
                .put("reply_to_msg_id", "")
                .put("broker_url", "nats://localhost:4222");
        envelope.putObject("metadata");
        ObjectNode payload = envelope.putArray("payloads").addObject()
                .put("id", UUID.randomUUID().toString())
                .put("dataname", "body")
                .put("payload_type", "text")
                .put("transport", "direct")
                .put("encoding", "base64")
                .put("size", text.length)
                .put("data", Base64.getEncoder().encodeToString(text));
        payload.putObject("metadata").put("sha256", sha256(text));
        return json.writeValueAsBytes(envelope);
    }

    static byte[] read(ObjectMapper json, byte[] body) throws IOException {
        JsonNode payload = json.readTree(body).get("payloads").get(0);
        byte[] bytes = Base64.getDecoder().decode(payload.get("data").textValue());
        if (bytes.length != payload.get("size").longValue()
                || !sha256(bytes).equals(payload.get("metadata").get("sha256").textValue())) {
            throw new IOException("payload does not match its size and sha256");
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
