package io.github.msghandler.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With camel-quarkus-microprofile-health, the component's health checks are in SmallRye Health: {@code /q/health}
 * is UP with a route on a connected broker, and DOWN once the broker is gone, Camel's consumers check carrying the
 * msghandler consumer's endpoint and its NATS connection's status.
 */
@Timeout(120)
class MsgHandlerQuarkusHealthTest {
    @RegisterExtension
    @Order(1)
    static final NatsForQuarkus NATS = new NatsForQuarkus();

    @RegisterExtension
    @Order(2)
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Routes.class, NatsForQuarkus.class))
            .overrideConfigKey("camel.component.msghandler.broker-url", "${" + NatsForQuarkus.URL_PROPERTY + "}")
            // fail over quickly to nothing: the broker does not come back in this test
            .overrideConfigKey("camel.component.msghandler.reconnect-wait", "100");

    public static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("msghandler:quarkus.health").routeId("health-route").log("${body}");
        }
    }

    private static HttpResponse<String> health() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:8081/q/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithTheBrokerAndDownWithoutIt() throws Exception {
        HttpResponse<String> up = health();
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("camel-consumers"), up.body());

        NatsForQuarkus.stopServer();
        HttpResponse<String> down = health();
        for (int i = 0; i < 100 && down.statusCode() == 200; i++) {
            Thread.sleep(100);
            down = health();
        }
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"status\": \"DOWN\""), down.body());
        // Camel's consumers check is DOWN with our consumer's details
        assertTrue(down.body().contains("\"nats.status\": \"DISCONNECTED\""), down.body());
        assertTrue(down.body().contains("\"endpoint.uri\": \"msghandler://quarkus.health\""), down.body());
    }
}
