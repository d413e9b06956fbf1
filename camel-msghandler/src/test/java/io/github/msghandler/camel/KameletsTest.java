package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The msghandler-source and msghandler-sink Kamelets, loaded from the jar by camel-kamelet in a Camel Main
 * application whose routes are YAML DSL, move a message from one to the other over a real nats-server.
 */
class KameletsTest {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    @TempDir
    Path dir;

    @Test
    void messageCrossesFromTheSinkKameletToTheSourceKamelet() throws Exception {
        Path routes = Files.writeString(dir.resolve("kamelet-routes.yaml"), """
                - route:
                    from:
                      uri: direct:in
                      steps:
                        - to:
                            uri: kamelet:msghandler-sink
                            parameters:
                              subject: kamelets.demo
                              brokerUrl: "{{nats.url}}"
                              senderName: kamelet-sink
                              sizeThreshold: 10
                - route:
                    from:
                      uri: kamelet:msghandler-source
                      parameters:
                        subject: kamelets.demo
                        brokerUrl: "{{nats.url}}"
                      steps:
                        - to: mock:received
                """);
        Main main = new Main();
        main.addInitialProperty("nats.url", nats.url());
        main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath());
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            MockEndpoint received = camel.getEndpoint("mock:received", MockEndpoint.class);
            received.expectedMessageCount(1);

            camel.createProducerTemplate().sendBodyAndHeader("direct:in", "through two Kamelets",
                    Exchange.FILE_NAME, "note.txt");

            received.assertIsSatisfied(10_000);
            Exchange exchange = received.getReceivedExchanges().get(0);
            assertEquals("through two Kamelets", exchange.getMessage().getBody(String.class));
            assertEquals("note.txt", exchange.getMessage().getHeader(Exchange.FILE_NAME));
            assertEquals("kamelet-sink", exchange.getMessage().getHeader(MsgHandlerConstants.SENDER_NAME));
            assertEquals("link", exchange.getMessage().getHeader(MsgHandlerConstants.TRANSPORT),
                    "the sink's sizeThreshold reached the endpoint");
        } finally {
            main.stop();
        }
    }

    @Test
    void kameletsDeclareTheirPropertiesSecretsAndMavenDependency() throws Exception {
        for (String name : new String[] {"msghandler-source", "msghandler-sink"}) {
            String yaml;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name
                    + ".kamelet.yaml")) {
                assertNotNull(in, name + " is in the jar under kamelets/");
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<?, ?> kamelet = assertInstanceOf(Map.class,
                    new Load(LoadSettings.builder().build()).loadFromString(yaml));
            assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
            assertEquals("Kamelet", kamelet.get("kind"));
            assertTrue(yaml.contains("format: password"), name + " marks secrets");
            assertFalse(yaml.contains("@project.version@"), name + " has its version filled in");
            assertTrue(yaml.contains("mvn:io.github.msghandler:camel-msghandler:"), name + " names its artifact");
        }
    }
}
