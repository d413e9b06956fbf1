package io.github.msghandler.camel;

import io.github.msghandler.testsupport.Sha256Hex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates envelopes that break wire format v1 in every way a careless or hostile sender could, each one
 * certainly invalid. Deterministic for a seed, so a failure can be replayed.
 */
final class MalformedEnvelopes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> REQUIRED_PAYLOAD_FIELDS = List.of("dataname", "payload_type", "transport",
            "size", "data");
    private static final List<String> STRING_FIELDS = List.of("correlation_id", "msg_id", "timestamp", "send_to",
            "msg_purpose", "sender_name", "sender_id", "receiver_name", "receiver_id", "reply_to", "reply_to_msg_id",
            "broker_url");

    private final Random random;
    private final String oversizeLink;

    /**
     * @param oversizeLink a URL that serves more bytes than the 10 this generator declares for it
     */
    MalformedEnvelopes(long seed, String oversizeLink) {
        this.random = new Random(seed);
        this.oversizeLink = oversizeLink;
    }

    /** One malformed envelope body, and the kind of break, for the report. */
    record Sample(String kind, byte[] body) {
    }

    private final List<Function<MalformedEnvelopes, Sample>> kinds = List.of(
            MalformedEnvelopes::randomBytes,
            MalformedEnvelopes::truncated,
            MalformedEnvelopes::invalidJson,
            MalformedEnvelopes::wrongEnvelopeFieldType,
            MalformedEnvelopes::wrongPayloadFieldType,
            MalformedEnvelopes::deepNesting,
            MalformedEnvelopes::sizeTooBig,
            MalformedEnvelopes::sizeTooSmall,
            MalformedEnvelopes::invalidBase64,
            MalformedEnvelopes::unknownPayloadType,
            MalformedEnvelopes::unknownTransport,
            MalformedEnvelopes::missingPayloadField,
            MalformedEnvelopes::missingPayloads,
            MalformedEnvelopes::oversizeLinkBody,
            MalformedEnvelopes::wrongSha256);

    Sample next() {
        // huge strings are rare: a burst of them would only test the client's pending-bytes limit
        if (random.nextInt(200) == 0) {
            return hugeString();
        }
        return kinds.get(random.nextInt(kinds.size())).apply(this);
    }

    private ObjectNode validEnvelope() {
        byte[] bytes = ("hello " + random.nextInt()).getBytes(StandardCharsets.UTF_8);
        ObjectNode payload = NODES.objectNode()
                .put("id", "p").put("dataname", "d").put("payload_type", "text").put("transport", "direct")
                .put("encoding", "base64").put("size", bytes.length)
                .put("data", Base64.getEncoder().encodeToString(bytes));
        ObjectNode envelope = NODES.objectNode();
        STRING_FIELDS.forEach(field -> envelope.put(field, "x"));
        envelope.set("metadata", NODES.objectNode());
        envelope.set("payloads", NODES.arrayNode().add(payload));
        return envelope;
    }

    /**
     * A valid envelope whose one dictionary payload has the right size and sha256 but bytes that are not JSON: only
     * decoding it finds the fault.
     */
    static byte[] unparsableDictionary() {
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        ObjectNode payload = NODES.objectNode()
                .put("id", "p").put("dataname", "cfg").put("payload_type", "dictionary").put("transport", "direct")
                .put("encoding", "base64").put("size", notJson.length)
                .put("data", Base64.getEncoder().encodeToString(notJson));
        payload.set("metadata", NODES.objectNode().put("sha256", Sha256Hex.of(notJson)));
        ObjectNode envelope = NODES.objectNode().put("msg_id", "unparsable");
        envelope.set("payloads", NODES.arrayNode().add(payload));
        return bytes(envelope);
    }


    private static ObjectNode payloadOf(ObjectNode envelope) {
        return (ObjectNode) envelope.get("payloads").get(0);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON value of a type that the field does not take (never null, which reads as "missing"). */
    private JsonNode wrongTypeFor(boolean stringField) {
        switch (random.nextInt(4)) {
            case 0:
                return NODES.numberNode(random.nextInt());
            case 1:
                return NODES.arrayNode().add(1);
            case 2:
                return NODES.booleanNode(true);
            default:
                return stringField ? NODES.objectNode().put("k", 1) : NODES.textNode("not-a-number");
        }
    }

    private Sample randomBytes() {
        byte[] noise = new byte[1 + random.nextInt(2000)];
        random.nextBytes(noise);
        noise[0] = (byte) (noise[0] == '{' ? '!' : noise[0]);
        return new Sample("random bytes", noise);
    }

    private Sample truncated() {
        byte[] whole = bytes(validEnvelope());
        return new Sample("truncated JSON", java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 2)));
    }

    private Sample invalidJson() {
        String[] broken = {"{\"payloads\": [}", "{payloads: []}", "{\"a\":1,}", "[1,2,", "{\"payloads\":[]} {}",
                "{\"payloads\": [\"x\" \"y\"]}", "{\"msg_id\": 'single'}", "nul", "{\"payloads\":[],\"payloads\":[]}"};
        return new Sample("invalid JSON", broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8));
    }

    private Sample wrongEnvelopeFieldType() {
        ObjectNode envelope = validEnvelope();
        int which = random.nextInt(STRING_FIELDS.size() + 2);
        if (which < STRING_FIELDS.size()) {
            envelope.set(STRING_FIELDS.get(which), wrongTypeFor(true));
        } else if (which == STRING_FIELDS.size()) {
            envelope.set("metadata", NODES.arrayNode().add("not an object"));
        } else {
            envelope.set("payloads", NODES.objectNode().put("not", "an array"));
        }
        return new Sample("wrong type of an envelope field", bytes(envelope));
    }

    private Sample wrongPayloadFieldType() {
        ObjectNode envelope = validEnvelope();
        List<String> fields = List.of("id", "dataname", "payload_type", "transport", "encoding", "size", "data",
                "metadata");
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode wrong = field.equals("size") ? wrongTypeFor(false) : field.equals("metadata")
                ? NODES.textNode("not an object") : wrongTypeFor(true);
        payloadOf(envelope).set(field, wrong);
        return new Sample("wrong type of a payload field", bytes(envelope));
    }

    private Sample deepNesting() {
        int depth = 150 + random.nextInt(5000);
        StringBuilder json = new StringBuilder("{\"metadata\":{\"deep\":");
        json.append("[".repeat(depth)).append("]".repeat(depth)).append("},\"payloads\":[]}");
        return new Sample("deep nesting", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Sample sizeTooBig() {
        ObjectNode envelope = validEnvelope();
        payloadOf(envelope).put("size", payloadOf(envelope).get("size").asLong() + 1 + random.nextInt(1000));
        return new Sample("size bigger than the data", bytes(envelope));
    }

    private Sample sizeTooSmall() {
        ObjectNode envelope = validEnvelope();
        payloadOf(envelope).put("size", random.nextInt((int) payloadOf(envelope).get("size").asLong()));
        return new Sample("size smaller than the data", bytes(envelope));
    }

    private Sample invalidBase64() {
        ObjectNode envelope = validEnvelope();
        String[] bad = {"!!!!", "SGVsbG8h*", "SGVs bG8h===", "€uro", "SGVsbG8h=="};
        payloadOf(envelope).put("data", bad[random.nextInt(bad.length)]);
        return new Sample("invalid base64", bytes(envelope));
    }

    private Sample unknownPayloadType() {
        ObjectNode envelope = validEnvelope();
        payloadOf(envelope).put("payload_type", List.of("spreadsheet", "", "tables", "json", "pdf").get(random.nextInt(5)));
        return new Sample("unknown payload type", bytes(envelope));
    }

    private Sample unknownTransport() {
        ObjectNode envelope = validEnvelope();
        payloadOf(envelope).put("transport", List.of("pigeon", "", "Direct", "links").get(random.nextInt(4)));
        return new Sample("unknown transport", bytes(envelope));
    }

    private Sample missingPayloadField() {
        ObjectNode envelope = validEnvelope();
        payloadOf(envelope).remove(REQUIRED_PAYLOAD_FIELDS.get(random.nextInt(REQUIRED_PAYLOAD_FIELDS.size())));
        return new Sample("missing payload field", bytes(envelope));
    }

    private Sample missingPayloads() {
        ObjectNode envelope = validEnvelope();
        envelope.remove("payloads");
        return new Sample("missing payloads", bytes(envelope));
    }

    private Sample hugeString() {
        ObjectNode envelope = validEnvelope();
        // under the broker's 1 MB max_payload, far over anything sensible, in a field that must be valid
        payloadOf(envelope).put("data", "A".repeat(700_000 + random.nextInt(100_000)) + "*");
        return new Sample("huge string", bytes(envelope));
    }

    private Sample oversizeLinkBody() {
        ObjectNode envelope = validEnvelope();
        ObjectNode payload = payloadOf(envelope);
        payload.put("payload_type", "binary").put("transport", "link").put("encoding", "none").put("size", 10)
                .put("data", oversizeLink);
        return new Sample("link with an oversize body", bytes(envelope));
    }

    private Sample wrongSha256() {
        ObjectNode envelope = validEnvelope();
        payloadOf(envelope).set("metadata", NODES.objectNode().put("sha256", "0".repeat(64)));
        return new Sample("sha256 that does not match", bytes(envelope));
    }

}
