package io.github.msghandler.core;

import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.LinkRefusedException;
import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.api.PayloadTooLargeException;
import io.github.msghandler.core.api.PayloadValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken envelopes and unfit values are typed errors that name what is wrong. */
class BadInputTest {
    private static final String HELLO_SHA = "334d016f755cd6dc58c53a86e183882f8ec14f52fb05345887c8a5edd42c87b7";

    private static UnpackedEnvelope unpack(String json) {
        return MsgHandler.smartunpack(json.getBytes(StandardCharsets.UTF_8),
                UnpackOptions.builder().maxRetries(1).build());
    }

    private static String envelopeWith(String payloadJson) {
        return "{\"msg_id\":\"m\",\"payloads\":[" + payloadJson + "]}";
    }

    private static String payload(String type, String transport, String encoding, String size, String data,
                                  String sha) {
        return "{\"id\":\"p\",\"dataname\":\"d\",\"payload_type\":" + type + ",\"transport\":" + transport
                + ",\"encoding\":" + encoding + ",\"size\":" + size + ",\"data\":" + data
                + ",\"metadata\":{\"sha256\":" + sha + "}}";
    }

    private static InvalidEnvelopeException invalid(String json) {
        return assertThrows(InvalidEnvelopeException.class, () -> unpack(json));
    }

    @Test
    void invalidJsonNamesTheDocument() {
        InvalidEnvelopeException e = invalid("{\"payloads\": [");
        assertEquals("$", e.field());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals("$", invalid("").field());
        assertEquals("$", invalid("[1,2]").field());
        assertEquals("$", invalid("{\"payloads\":[]} trailing").field());
    }

    @Test
    void missingOrMistypedPayloadsAreNamed() {
        assertEquals("payloads", invalid("{\"msg_id\":\"m\"}").field());
        assertEquals("payloads", invalid("{\"payloads\":{}}").field());
        assertEquals("payloads[0]", invalid("{\"payloads\":[42]}").field());
        assertEquals("msg_id", invalid("{\"msg_id\":7,\"payloads\":[]}").field());
        assertEquals("metadata", invalid("{\"metadata\":[],\"payloads\":[]}").field());
    }

    @Test
    void unknownPayloadTypeAndTransportAreNamed() {
        InvalidEnvelopeException type = invalid(envelopeWith(
                payload("\"spreadsheet\"", "\"direct\"", "\"base64\"", "6", "\"SGVsbG8h\"", "null")));
        assertEquals("payloads[0].payload_type", type.field());
        assertTrue(type.getMessage().contains("spreadsheet") && type.getMessage().contains("arrowtable"));

        assertEquals("payloads[0].transport", invalid(envelopeWith(
                payload("\"text\"", "\"carrier-pigeon\"", "\"base64\"", "6", "\"SGVsbG8h\"", "null"))).field());
        assertEquals("payloads[0].encoding", invalid(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"gzip\"", "6", "\"SGVsbG8h\"", "null"))).field());
        assertEquals("payloads[0].size", invalid(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "\"6\"", "\"SGVsbG8h\"", "null"))).field());
        assertEquals("payloads[0].size", invalid(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "-1", "\"SGVsbG8h\"", "null"))).field());
        assertEquals("payloads[0].data", invalid(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "6", "17", "null"))).field());
    }

    @Test
    void aKeyThatAppearsTwiceIsRefusedAndNamed() {
        String ok = payload("\"text\"", "\"direct\"", "\"base64\"", "6", "\"SGVsbG8h\"", "\"" + HELLO_SHA + "\"");
        assertEquals("msg_id", invalid("{\"msg_id\":\"m\",\"msg_id\":\"n\",\"payloads\":[" + ok + "]}").field());
        assertEquals("x_extra", invalid("{\"x_extra\":1,\"payloads\":[" + ok + "],\"x_extra\":2}").field());
        assertEquals("payloads[0].size", invalid(envelopeWith(ok.replace("\"size\":6", "\"size\":6,\"size\":7")))
                .field());
        InvalidEnvelopeException inMetadata = invalid(envelopeWith(ok.replace("\"metadata\":{",
                "\"metadata\":{\"k\":{\"a\":1,\"a\":2},")));
        assertEquals("payloads[0].metadata", inMetadata.field());
        assertTrue(inMetadata.getMessage().contains("Duplicate field 'a'"), inMetadata.getMessage());
    }

    @Test
    void badBase64IsNamed() {
        InvalidEnvelopeException e = invalid(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "6", "\"SGVs*bG8h\"", "null")));
        assertEquals("payloads[0].data", e.field());
        assertTrue(e.getMessage().contains("base64"));
    }

    @Test
    void sha256MismatchIsRefused() {
        PayloadIntegrityException e = assertThrows(PayloadIntegrityException.class, () -> unpack(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "6", "\"SGVsbG8h\"", "\"" + HELLO_SHA.replace('3', '4')
                        + "\""))));
        assertEquals("d", e.dataname());
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void sizeThatLiesIsRefused() {
        PayloadIntegrityException e = assertThrows(PayloadIntegrityException.class, () -> unpack(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "7", "\"SGVsbG8h\"", "\"" + HELLO_SHA + "\""))));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
    }

    @Test
    void bytesThatAreNotTheirTypeAreNamed() {
        // "SGVsbG8h" is "Hello!": not JSON, not Arrow
        assertEquals("payloads[0].data", invalid(envelopeWith(
                payload("\"dictionary\"", "\"direct\"", "\"base64\"", "6", "\"SGVsbG8h\"", "null"))).field());
        assertEquals("payloads[0].data", invalid(envelopeWith(
                payload("\"arrowtable\"", "\"direct\"", "\"base64\"", "6", "\"SGVsbG8h\"", "null"))).field());
        // "WzEsMl0=" is [1,2]: JSON, but not a table of row objects
        assertEquals("payloads[0].data", invalid(envelopeWith(
                payload("\"jsontable\"", "\"direct\"", "\"base64\"", "5", "\"WzEsMl0=\"", "null"))).field());
        // 0xC3 0x28 is invalid UTF-8
        assertEquals("payloads[0].data", invalid(envelopeWith(
                payload("\"text\"", "\"direct\"", "\"base64\"", "2", "\"wyg=\"", "null"))).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/app.jar!/secret", "ftp://example.org/x",
            "gopher://example.org/", "relative/path", "http:///no-host"})
    void linksWithOtherSchemesAreRefusedBeforeAnyFetch(String url) {
        LinkRefusedException e = assertThrows(LinkRefusedException.class, () -> unpack(envelopeWith(
                payload("\"binary\"", "\"link\"", "\"none\"", "6", "\"" + url + "\"", "null"))));
        assertEquals(url, e.url());
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRefusedWithNameTypeAndClass() {
        PackOptions noPublish = PackOptions.builder().publish(false).build();
        Map<String, Object> cases = Map.of(
                "text", 42,
                "dictionary", "just a string",
                "jsontable", List.of("not", "rows"),
                "arrowtable", "not a table",
                "image", "not bytes");
        cases.forEach((type, value) -> {
            PayloadValueException e = assertThrows(PayloadValueException.class,
                    () -> MsgHandler.smartpack("s", List.of(Payload.of("item_" + type, value, type)), noPublish));
            assertTrue(e.getMessage().contains("item_" + type), e.getMessage());
            assertTrue(e.getMessage().contains(type), e.getMessage());
            assertTrue(e.getMessage().contains(value.getClass().getName()), e.getMessage());
        });
    }

    @Test
    void unknownPayloadTypeOnSendNamesNameTypeAndClass() {
        PayloadValueException e = assertThrows(PayloadValueException.class,
                () -> Payload.of("sheet", List.of(), "spreadsheet"));
        assertEquals("sheet", e.dataname());
        assertEquals("spreadsheet", e.payloadType());
        assertTrue(e.getMessage().contains("java.util"), e.getMessage());
    }

    @Test
    void linkToAHostOutsideTheAllowListIsRefusedNamingTheOption() {
        String json = envelopeWith(payload("\"binary\"", "\"link\"", "\"none\"", "6",
                "\"http://169.254.169.254/latest/meta-data\"", "null"));
        LinkRefusedException e = assertThrows(LinkRefusedException.class, () -> MsgHandler.smartunpack(
                json.getBytes(StandardCharsets.UTF_8),
                UnpackOptions.builder().allowedLinkHosts(List.of("files.example.org", "localhost:8080")).build()));
        assertTrue(e.getMessage().contains("allowedLinkHosts"), e.getMessage());
    }

    @Test
    void payloadDeclaringMoreThanTheLimitIsRefusedBeforeFetching() {
        String json = envelopeWith(payload("\"binary\"", "\"link\"", "\"none\"", "5000000000",
                "\"http://127.0.0.1:9/never-fetched\"", "null"));
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> MsgHandler.smartunpack(
                json.getBytes(StandardCharsets.UTF_8), UnpackOptions.builder().maxPayloadSize(1_000_000).build()));
        assertEquals("d", e.dataname());
        assertTrue(e.getMessage().contains("maxPayloadSize"), e.getMessage());
    }
}
