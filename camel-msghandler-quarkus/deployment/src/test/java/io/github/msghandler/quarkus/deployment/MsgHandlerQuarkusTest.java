package io.github.msghandler.quarkus.deployment;

import io.github.msghandler.camel.MsgHandlerComponent;
import io.github.msghandler.camel.MsgHandlerConfiguration;
import io.nats.client.api.ConsumerConfiguration;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension in a Quarkus application (JVM mode) against a real nats-server, configured only through
 * application properties: a route sends 5 KB by link and another receives them byte-identical, a request gets its
 * reply, and every kind of component option (text, number, duration, secret, bean reference) is in effect.
 */
class MsgHandlerQuarkusTest {
    static final BlockingQueue<Exchange> RECEIVED = new LinkedBlockingQueue<>();

    @RegisterExtension
    @Order(1)
    static final NatsForQuarkus NATS = new NatsForQuarkus();

    @RegisterExtension
    @Order(2)
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Routes.class, Beans.class, NatsForQuarkus.class))
            .overrideConfigKey("camel.component.msghandler.broker-url", "${" + NatsForQuarkus.URL_PROPERTY + "}")
            .overrideConfigKey("camel.component.msghandler.size-threshold", "1000")
            .overrideConfigKey("camel.component.msghandler.sender-name", "quarkus-bridge")
            .overrideConfigKey("camel.component.msghandler.request-timeout", "7s")
            .overrideConfigKey("camel.component.msghandler.s3-secret-key", "not-a-real-secret")
            .overrideConfigKey("camel.component.msghandler.consumer-configuration", "#readerConfig");

    public static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("msghandler:quarkus.files").process(RECEIVED::add);
            from("msghandler:quarkus.ask").transform(simple("answer to ${body}"));
        }
    }

    public static class Beans {
        @Produces
        @Singleton
        @Named("readerConfig")
        ConsumerConfiguration readerConfig() {
            return ConsumerConfiguration.builder().maxAckPending(77).build();
        }
    }

    @Inject
    CamelContext camel;

    @Test
    void runsOnTheCamelLineItIsTestedFor() {
        // 4.14 in the deployment module, 4.18 when camel-msghandler-quarkus-camel-4.18 runs these tests
        String line = System.getProperty("expected.camel.line");
        assertTrue(camel.getVersion().startsWith(line + "."), camel.getVersion() + " is not on the " + line + " line");
    }

    @Test
    void fiveKilobytesGoByLinkAndArriveByteIdentical() throws Exception {
        byte[] sent = new byte[5_000];
        new Random(1).nextBytes(sent);
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            Exchange exchange = template.send("msghandler:quarkus.files", e -> e.getMessage().setBody(sent));
            assertEquals(List.of("link"), exchange.getMessage().getHeader("CamelMsgHandlerTransports"));
        }
        Exchange received = RECEIVED.poll(20, TimeUnit.SECONDS);
        assertNotNull(received, "the route received the payload");
        assertArrayEquals(sent, received.getMessage().getBody(byte[].class));
        assertEquals("quarkus-bridge", received.getMessage().getHeader("CamelMsgHandlerSenderName"));
    }

    @Test
    void aRequestGetsItsReply() throws Exception {
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            assertEquals("answer to ping", template.requestBody("msghandler:quarkus.ask", "ping", String.class));
        }
    }

    @Test
    void applicationPropertiesBindEveryKindOfOption() {
        MsgHandlerConfiguration configuration = camel.getComponent("msghandler", MsgHandlerComponent.class)
                .getConfiguration();
        assertEquals(NatsForQuarkus.url(), configuration.getBrokerUrl());
        assertEquals("quarkus-bridge", configuration.getSenderName());
        assertEquals(1_000, configuration.getSizeThreshold());
        assertEquals(7_000, configuration.getRequestTimeout());
        assertEquals("not-a-real-secret", configuration.getS3SecretKey());
        assertSame(camel.getRegistry().lookupByName("readerConfig"), configuration.getConsumerConfiguration());
        assertEquals(77, configuration.getConsumerConfiguration().getMaxAckPending());
    }
}
