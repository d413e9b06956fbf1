package io.github.msghandler.camel;

import io.github.msghandler.testsupport.FileTestServer;
import io.github.msghandler.testsupport.Sha256Hex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With a MeterRegistry where camel-micrometer keeps it, every endpoint counts what it moved, per transport. */
class EndpointMetricsTest extends MsgHandlerTestSupport {
    private static final String OUT = "metrics.flow";
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(OUT)).routeId("flow").to("mock:flow");
                from(uri("metrics.links", "maxRetries=5&baseDelay=10&maxDelay=10&allowedLinkHosts=127.0.0.1"))
                        .routeId("links").to("mock:links");
            }
        };
    }

    private double count(String name, String subject, String direction, String transport) {
        Search search = meters.find(name).tag("subject", subject);
        if (direction != null) {
            search = search.tag("direction", direction);
        }
        if (transport != null) {
            search = search.tag("transport", transport);
        }
        // producer and consumer endpoints of one subject differ in URI: add them up
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void sentAndReceivedEnvelopesPayloadsAndBytesAreCountedByTransport() throws Exception {
        MockEndpoint flow = getMockEndpoint("mock:flow");
        flow.expectedMessageCount(2);
        byte[] large = new byte[600_000];
        new Random(3).nextBytes(large);

        template.sendBody(uri(OUT, "store=objectstore"), "a small text");
        template.sendBodyAndHeader(uri(OUT, "store=objectstore"), large, MsgHandlerConstants.DATA_NAME, "big.bin");
        flow.assertIsSatisfied(20_000);

        for (String direction : new String[] {"sent", "received"}) {
            assertEquals(2, count(MicrometerEndpointMetrics.ENVELOPES, OUT, direction, null), direction);
            assertEquals(1, count(MicrometerEndpointMetrics.PAYLOADS, OUT, direction, "direct"), direction);
            assertEquals(1, count(MicrometerEndpointMetrics.PAYLOADS, OUT, direction, "link"), direction);
            assertEquals("a small text".length(),
                    count(MicrometerEndpointMetrics.PAYLOAD_BYTES, OUT, direction, "direct"), direction);
            assertEquals(large.length, count(MicrometerEndpointMetrics.PAYLOAD_BYTES, OUT, direction, "link"),
                    direction);
            assertEquals(0, count(MicrometerEndpointMetrics.FAILURES, OUT, direction, null), direction);
        }
    }

    @Test
    void linkFetchRetriesAndFailuresAreCounted() throws Exception {
        byte[] document = "behind a flaky file server".getBytes(StandardCharsets.UTF_8);
        MockEndpoint links = getMockEndpoint("mock:links");
        links.expectedMessageCount(1);
        try (FileTestServer server = FileTestServer.start()) {
            server.put("/doc", document);
            server.failNextGets(2, 503);
            String sha = Sha256Hex.of(document);
            nats.connection().publish("metrics.links", ("{\"payloads\":[{\"dataname\":\"doc\",\"payload_type\":"
                    + "\"binary\",\"transport\":\"link\",\"encoding\":\"none\",\"size\":" + document.length
                    + ",\"data\":\"" + server.url() + "/doc\",\"metadata\":{\"sha256\":\"" + sha + "\"}}]}")
                    .getBytes(StandardCharsets.UTF_8));
            links.assertIsSatisfied(20_000);
        }
        assertEquals(2, count(MicrometerEndpointMetrics.LINK_FETCH_RETRIES, "metrics.links", null, null));

        nats.connection().publish("metrics.links", "not an envelope".getBytes(StandardCharsets.UTF_8));
        assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader(uri("metrics.links"), "x", "Broken", "line\nbreak"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count(MicrometerEndpointMetrics.FAILURES, "metrics.links", "received", null) < 1
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, count(MicrometerEndpointMetrics.FAILURES, "metrics.links", "received", null));
        assertEquals(1, count(MicrometerEndpointMetrics.FAILURES, "metrics.links", "sent", null));
        assertEquals(1, count(MicrometerEndpointMetrics.ENVELOPES, "metrics.links", "received", null));
    }
}
