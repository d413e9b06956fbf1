package io.github.msghandler.examples.springboot;

import io.github.msghandler.examples.Broker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chat scenario as a Spring Boot application: the starter configures the component from
 * application.properties, {@link ChatRoutes} send and receive, {@link ChatConversation} drives one message.
 */
@SpringBootApplication
public class ChatApplication {
    static final String BROKER_URL = "camel.component.msghandler.broker-url";
    private static final Logger LOG = LoggerFactory.getLogger(ChatApplication.class);

    /** Runs the conversation against the broker at -Dcamel.component.msghandler.broker-url, else a local one. */
    public static String run(String... args) throws Exception {
        try (Broker broker = Broker.atOrStart(System.getProperty(BROKER_URL, "nats://localhost:4222"))) {
            System.setProperty(BROKER_URL, broker.url());
            try (ConfigurableApplicationContext context = SpringApplication.run(ChatApplication.class, args)) {
                return context.getBean(ChatConversation.class).hold();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            LOG.info("Spring Boot chat example: {}", run(args));
        } catch (Broker.Unavailable e) {
            System.err.println(e.getMessage());   // one line that says how to get a server, no stack trace
            System.exit(3);
        }
    }
}
