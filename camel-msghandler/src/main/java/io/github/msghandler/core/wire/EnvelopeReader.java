package io.github.msghandler.core.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.msghandler.core.Envelope;
import io.github.msghandler.core.InvalidEnvelopeException;
import io.github.msghandler.core.PayloadType;
import io.github.msghandler.core.Transport;
import io.github.msghandler.core.WirePayload;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.msghandler.core.wire.WireFields.*;

/**
 * Reads and validates the JSON body of a NATS message as an {@link Envelope} (wire format section 2 and 3).
 *
 * <p>A missing string field reads as {@code ""} and a missing {@code metadata} as {@code {}}; unknown fields are
 * ignored. Everything else that breaks the contract is an {@link InvalidEnvelopeException} naming the field.
 */
public final class EnvelopeReader {
    private EnvelopeReader() {
    }

    /**
     * @throws InvalidEnvelopeException when the body is not a v1 envelope
     */
    public static Envelope read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidEnvelopeException("$", "the message body is empty, expected a JSON envelope");
        }
        JsonNode root;
        try {
            root = WireJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidEnvelopeException("$", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEnvelopeException("$", "not readable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEnvelopeException("$", "expected a JSON object, found " + describe(root));
        }
        return toEnvelope((ObjectNode) root);
    }

    private static Envelope toEnvelope(ObjectNode root) {
        Envelope.Builder envelope = Envelope.builder()
                .correlationId(optionalString(root, CORRELATION_ID, CORRELATION_ID))
                .msgId(optionalString(root, MSG_ID, MSG_ID))
                .timestamp(optionalString(root, TIMESTAMP, TIMESTAMP))
                .sendTo(optionalString(root, SEND_TO, SEND_TO))
                .msgPurpose(optionalString(root, MSG_PURPOSE, MSG_PURPOSE))
                .senderName(optionalString(root, SENDER_NAME, SENDER_NAME))
                .senderId(optionalString(root, SENDER_ID, SENDER_ID))
                .receiverName(optionalString(root, RECEIVER_NAME, RECEIVER_NAME))
                .receiverId(optionalString(root, RECEIVER_ID, RECEIVER_ID))
                .replyTo(optionalString(root, REPLY_TO, REPLY_TO))
                .replyToMsgId(optionalString(root, REPLY_TO_MSG_ID, REPLY_TO_MSG_ID))
                .brokerUrl(optionalString(root, BROKER_URL, BROKER_URL))
                .metadata(optionalObject(root, METADATA, METADATA));

        JsonNode payloads = root.get(PAYLOADS);
        if (payloads == null || payloads.isNull()) {
            throw new InvalidEnvelopeException(PAYLOADS, "required field is missing");
        }
        if (!payloads.isArray()) {
            throw new InvalidEnvelopeException(PAYLOADS, "expected an array, found " + describe(payloads));
        }
        for (int i = 0; i < payloads.size(); i++) {
            envelope.addPayload(toPayload(payloads.get(i), PAYLOADS + "[" + i + "]"));
        }
        return envelope.build();
    }

    private static WirePayload toPayload(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidEnvelopeException(path, "expected a payload object, found " + describe(node));
        }
        String dataname = requiredString(node, DATANAME, path);
        if (dataname.isEmpty()) {
            throw new InvalidEnvelopeException(path + "." + DATANAME, "must not be empty");
        }
        PayloadType type = parse(path + "." + PAYLOAD_TYPE, requiredString(node, PAYLOAD_TYPE, path),
                PayloadType::fromWireName);
        Transport transport = parse(path + "." + TRANSPORT, requiredString(node, TRANSPORT, path),
                Transport::fromWireName);
        String encoding = optionalString(node, ENCODING, path + "." + ENCODING);
        if (!encoding.isEmpty() && !encoding.equals(transport.encoding())) {
            throw new InvalidEnvelopeException(path + "." + ENCODING, "'" + encoding + "' does not go with transport "
                    + transport + ", expected '" + transport.encoding() + "'");
        }
        return WirePayload.builder()
                .id(optionalString(node, ID, path + "." + ID))
                .dataname(dataname)
                .payloadType(type)
                .transport(transport)
                .size(requiredSize(node, path))
                .data(requiredString(node, DATA, path))
                .metadata(optionalObject(node, METADATA, path + "." + METADATA))
                .build();
    }

    private interface WireNameParser<T> {
        T parse(String name);
    }

    private static <T> T parse(String path, String name, WireNameParser<T> parser) {
        try {
            return parser.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException(path, e.getMessage());
        }
    }

    private static long requiredSize(JsonNode payload, String path) {
        JsonNode size = payload.get(SIZE);
        String field = path + "." + SIZE;
        if (size == null || size.isNull()) {
            throw new InvalidEnvelopeException(field, "required field is missing");
        }
        if (!size.isIntegralNumber() || !size.canConvertToLong()) {
            throw new InvalidEnvelopeException(field, "expected an integer byte count, found " + describe(size));
        }
        if (size.longValue() < 0) {
            throw new InvalidEnvelopeException(field, "must not be negative, found " + size.longValue());
        }
        return size.longValue();
    }

    private static String requiredString(JsonNode parent, String name, String parentPath) {
        JsonNode value = parent.get(name);
        String field = parentPath + "." + name;
        if (value == null || value.isNull()) {
            throw new InvalidEnvelopeException(field, "required field is missing");
        }
        if (!value.isTextual()) {
            throw new InvalidEnvelopeException(field, "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    private static String optionalString(JsonNode parent, String name, String field) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidEnvelopeException(field, "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    private static Map<String, Object> optionalObject(JsonNode parent, String name, String field) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidEnvelopeException(field, "expected an object, found " + describe(value));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), WireJson.mapper().convertValue(entry.getValue(), Object.class));
        }
        return map;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return "the number " + node.asText();
            case BOOLEAN:
                return "the boolean " + node.asText();
            case NULL:
                return "null";
            default:
                return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
