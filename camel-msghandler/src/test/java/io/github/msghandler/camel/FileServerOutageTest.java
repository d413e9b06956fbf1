package io.github.msghandler.camel;

import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.Sha256Hex;
import io.nats.client.api.ConsumerInfo;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file server behind a link goes down while a JetStream message waits on it: a short outage is bridged by
 * the backoff; a long one fails the exchange, JetStream redelivers the nak'ed message, and it succeeds once the
 * server is back.
 */
class FileServerOutageTest extends MsgHandlerTestSupport {
    private static final byte[] DOCUMENT = "the document behind the link".getBytes(StandardCharsets.UTF_8);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the file server comes back on a port of its own: allow the host, any port
                from(uri("outage.patient", "jetstream=true&createStream=true&maxRetries=6&baseDelay=100"
                        + "&maxDelay=400&allowedLinkHosts=127.0.0.1")).to("mock:patient");
                from(uri("outage.impatient", "jetstream=true&createStream=true&durableName=impatient&maxRetries=2"
                        + "&baseDelay=50&maxDelay=50&nakDelay=300&allowedLinkHosts=127.0.0.1")).to("mock:impatient");
            }
        };
    }

    private static byte[] envelopeLinkingTo(String url) throws Exception {
        String sha = Sha256Hex.of(DOCUMENT);
        return ("{\"payloads\":[{\"dataname\":\"doc\",\"payload_type\":\"binary\",\"transport\":\"link\","
                + "\"encoding\":\"none\",\"size\":" + DOCUMENT.length + ",\"data\":\"" + url + "\","
                + "\"metadata\":{\"sha256\":\"" + sha + "\"}}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shortOutageIsBridgedByTheBackoff() throws Exception {
        FileTestServer server = FileTestServer.start();
        server.put("/doc", DOCUMENT);
        int port = server.port();
        server.close();
        MockEndpoint patient = getMockEndpoint("mock:patient");
        patient.expectedMessageCount(1);

        nats.connection().jetStream().publish("outage.patient",
                envelopeLinkingTo("http://127.0.0.1:" + port + "/doc"));
        Thread.sleep(300);   // a few attempts fail: connection refused
        FileTestServer back = FileTestServer.start(port);
        back.put("/doc", DOCUMENT);
        try {
            patient.assertIsSatisfied(10_000);
            assertArrayEquals(DOCUMENT, patient.getReceivedExchanges().get(0).getMessage().getBody(byte[].class));
        } finally {
            back.close();
        }
    }

    @Test
    void longOutageFailsTheExchangeAndTheRedeliveredMessageSucceedsLater() throws Exception {
        FileTestServer server = FileTestServer.start();
        int port = server.port();
        server.close();
        MockEndpoint impatient = getMockEndpoint("mock:impatient");
        impatient.expectedMessageCount(1);

        nats.connection().jetStream().publish("outage.impatient",
                envelopeLinkingTo("http://127.0.0.1:" + port + "/doc"));
        Thread.sleep(1_500);   // several deliveries fail after their 2 attempts and are nak'ed
        assertEquals(0, impatient.getReceivedCounter(), "nothing can arrive while the file server is down");
        FileTestServer back = FileTestServer.start(port);
        back.put("/doc", DOCUMENT);
        try {
            impatient.assertIsSatisfied(10_000);
            ConsumerInfo consumer = nats.connection().jetStreamManagement()
                    .getConsumerInfo("MSGHANDLER_outage_impatient", "impatient");
            assertTrue(consumer.getRedelivered() >= 1 || consumer.getDelivered().getConsumerSequence() > 1,
                    "the message was delivered again after failing: " + consumer.getDelivered());
            assertArrayEquals(DOCUMENT, impatient.getReceivedExchanges().get(0).getMessage().getBody(byte[].class));
        } finally {
            back.close();
        }
    }
}
