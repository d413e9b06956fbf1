package io.github.msghandler.camel;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chat and file-bridge routes written in YAML DSL, with endpoint options as YAML parameters. */
class YamlDslRoutesTest extends MsgHandlerTestSupport {
    @TempDir
    Path dir;

    private void loadYaml(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", yaml));
    }

    @Test
    void yamlProducerAndConsumerRoutesCarryATypedPayload() throws Exception {
        loadYaml("""
                - route:
                    from:
                      uri: direct:chat
                      steps:
                        - to:
                            uri: msghandler:yaml.chat
                            parameters:
                              brokerUrl: "%s"
                              msgPurpose: chat
                              senderName: yaml-route
                - route:
                    from:
                      uri: msghandler:yaml.chat
                      parameters:
                        brokerUrl: "%s"
                      steps:
                        - to: mock:chat
                """.formatted(nats.url(), nats.url()));
        MockEndpoint chat = getMockEndpoint("mock:chat");
        chat.expectedMessageCount(1);

        template.sendBody("direct:chat", Map.of("text", "hello from YAML"));

        chat.assertIsSatisfied(10_000);
        Exchange received = chat.getReceivedExchanges().get(0);
        assertEquals(Map.of("text", "hello from YAML"), received.getMessage().getBody(Map.class));
        assertEquals("yaml-route", received.getMessage().getHeader(MsgHandlerConstants.SENDER_NAME));
        assertEquals("dictionary", received.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE));
    }

    @Test
    void yamlFileBridgeMovesAFileByLink() throws Exception {
        byte[] bytes = new byte[1_200_000];
        new Random(3).nextBytes(bytes);
        Files.createDirectories(dir.resolve("out"));
        loadYaml("""
                - route:
                    from:
                      uri: file:%s
                      parameters:
                        initialDelay: 0
                        delay: 100
                      steps:
                        - to:
                            uri: msghandler:yaml.files
                            parameters:
                              brokerUrl: "%s"
                              sizeThreshold: 500000
                - route:
                    from:
                      uri: msghandler:yaml.files
                      parameters:
                        brokerUrl: "%s"
                      steps:
                        - to: file:%s
                        - to: mock:files
                """.formatted(dir.resolve("out"), nats.url(), nats.url(), dir.resolve("in")));
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedHeaderReceived(MsgHandlerConstants.TRANSPORT, "link");

        Files.write(dir.resolve("out").resolve("scan.pdf"), bytes);

        files.assertIsSatisfied(20_000);
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("in").resolve("scan.pdf")));
    }
}
