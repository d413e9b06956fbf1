package io.github.msghandler.springboot;

import io.github.msghandler.camel.MsgHandlerComponent;
import io.github.msghandler.camel.MsgHandlerConfiguration;
import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.testsupport.NatsServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Spring Boot application with the starter against a real nats-server: application.properties configures
 * the component, two routes move a payload by link, Actuator reports the component's health and masks its secrets.
 */
@CamelSpringBootTest
@SpringBootTest(classes = MsgHandlerStarterTest.ChatApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class MsgHandlerStarterTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    @SpringBootApplication
    static class ChatApplication {
        @Bean
        RouteBuilder chatRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").routeId("send").to("msghandler:sb.chat");
                    from("msghandler:sb.chat").routeId("receive").to("mock:received");
                }
            };
        }
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("test.nats.url", nats::url);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    HealthEndpoint health;
    @Autowired
    ConfigurationPropertiesReportEndpoint configProps;
    @Autowired
    MeterRegistry meters;
    @EndpointInject("mock:received")
    MockEndpoint received;

    @Test
    @Order(1)
    void applicationPropertiesConfigureTheComponent() {
        MsgHandlerConfiguration configuration =
                camelContext.getComponent("msghandler", MsgHandlerComponent.class).getConfiguration();
        assertEquals(1000, configuration.getSizeThreshold());
        assertEquals(nats.url(), configuration.getBrokerUrl());
        assertEquals("objectstore", configuration.getStore());
        assertEquals("s3cret-from-properties", configuration.getPassword(), "the secret binds");
        assertEquals(250, configuration.getBaseDelay(), "250ms, in Spring's duration notation");
    }

    @Test
    @Order(2)
    void aRouteSendsAPayloadByLinkAndAnotherReceivesIt() throws Exception {
        byte[] photo = new byte[5_000];
        new Random(5).nextBytes(photo);
        received.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:send", photo, MsgHandlerConstants.DATA_NAME, "photo.bin");

        received.assertIsSatisfied(20_000);
        var message = received.getReceivedExchanges().get(0).getMessage();
        assertEquals("link", message.getHeader(MsgHandlerConstants.TRANSPORT));
        assertEquals("spring-boot-test", message.getHeader(MsgHandlerConstants.SENDER_NAME));
        assertArrayEquals(photo, message.getBody(byte[].class));
        assertEquals(5_000, meters.find("msghandler.payload.bytes").tag("direction", "received")
                .tag("transport", "link").counter().count(), "the endpoint counts in Spring Boot's registry");
    }

    @Test
    @Order(3)
    void actuatorMasksTheSecretOptions() {
        Map<String, Object> properties = configProps.configurationProperties().getContexts().values().stream()
                .flatMap(context -> context.getBeans().values().stream())
                .filter(bean -> "camel.component.msghandler".equals(bean.getPrefix()))
                .findFirst().orElseThrow().getProperties();
        assertEquals("******", properties.get("password"));
        assertEquals("******", properties.get("user"));
        assertEquals(1000L, ((Number) properties.get("sizeThreshold")).longValue(), "other values stay visible");
    }

    @Test
    @Order(4)
    void actuatorHealthIncludesOurChecksAndIsDownOnceNatsServerIsKilled() throws Exception {
        assumeTrue(nats.supportsRestart(), "killing the server needs the nats-server binary");
        assertEquals(Status.UP, health.health().getStatus());
        String camelHealth = String.valueOf(((CompositeHealth) health.health()).getComponents().get("camelHealth"));
        assertTrue(camelHealth.contains("msghandler"), "our checks are in Actuator's health: " + camelHealth);

        nats.kill();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HealthComponent now = health.health();
        while (now.getStatus() != Status.DOWN && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = health.health();
        }
        assertEquals(Status.DOWN, now.getStatus(), "health after the kill: " + now);
    }
}
