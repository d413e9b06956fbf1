package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.arrow.ArrowTable;
import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.github.msghandler.testsupport.Sha256Hex;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A live Node.js peer (the official {@code nats} client and {@code apache-arrow}, js/msghandler.mjs written from
 * the wire format) and the component exchange every payload type in both directions: direct and by link, through
 * the Object Store and through an HTTP file server, by request and reply and by plain publish.
 */
@Timeout(120)
class NodePeerTest extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:from.node?brokerUrl=" + nats.url()).to("mock:fromNode");
            }
        };
    }

    @Test
    void everyPayloadTypeGoesToNodeAndBackByRequestAndReplyThroughTheObjectStore() throws Exception {
        try (PeerProcess responder = PeerProcess.node("js/peer.mjs", "responder", "--server", nats.url(),
                "--subject", "node.echo")) {
            EveryPayloadType.assertRoundTrips(template, "msghandler:node.echo?requestTimeout=30000&brokerUrl="
                    + nats.url(), responder, "node-peer");
        }
    }

    @Test
    void everyPayloadTypeGoesToNodeAndBackByRequestAndReplyThroughAnHttpFileServer() throws Exception {
        try (FileTestServer files = FileTestServer.start();
             PeerProcess responder = PeerProcess.node("js/peer.mjs", "responder", "--server", nats.url(),
                     "--subject", "node.echo.http", "--store", "http", "--fileserver", files.url())) {
            EveryPayloadType.assertRoundTrips(template, "msghandler:node.echo.http?requestTimeout=30000"
                    + "&store=http&fileserverUrl=" + files.url() + "&brokerUrl=" + nats.url(), responder,
                    "node-peer");
        }
    }

    @Test
    void everyPayloadTypePublishedByNodeArrivesInARoute() throws Exception {
        MockEndpoint fromNode = getMockEndpoint("mock:fromNode");
        fromNode.expectedMessageCount(1);
        JsonNode sent;
        try (PeerProcess sender = PeerProcess.node("js/peer.mjs", "send", "--server", nats.url(),
                "--subject", "from.node")) {
            sent = sender.sentAndEnded(WAIT);
        }
        fromNode.assertIsSatisfied(WAIT.toMillis());

        List<Message> parts = Interop.payloadsOfTheOnlyEnvelope(fromNode);
        assertEquals(8, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Message part = parts.get(i);
            JsonNode expected = sent.get("payloads").get(i);
            assertEquals(expected.get("dataname").asText(), part.getHeader(MsgHandlerConstants.DATA_NAME));
            assertEquals(expected.get("type").asText(), part.getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
            assertEquals(expected.get("transport").asText(), part.getHeader(MsgHandlerConstants.TRANSPORT));
            assertEquals(expected.get("sha256").asText(), Sha256Hex.of(part.getBody(byte[].class)));
        }
        assertEquals("Grüße aus Node.js 🚀", parts.get(0).getBody(String.class));
        assertEquals(Map.of("peer", "node", "numbers", List.of(1, 2, 3), "nested", Map.of("ok", true)),
                parts.get(1).getBody(Map.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonRows = parts.get(2).getBody(List.class);
        assertEquals(Interop.normalized(EveryPayloadType.ROWS), Interop.normalized(jsonRows));
        assertEquals(Interop.normalized(EveryPayloadType.ROWS),
                Interop.normalized(parts.get(3).getBody(ArrowTable.class).rows()));
        assertEquals("link", parts.get(6).getHeader(MsgHandlerConstants.TRANSPORT), "700 KB went by link");
        assertEquals(700_000, parts.get(6).getBody(byte[].class).length);
    }
}
