package io.github.msghandler.examples.springboot;

import io.github.msghandler.examples.FrameworkChat;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The chat scenario's sender and receiver ({@link FrameworkChat}), found by Spring as a component. */
@Component
public class ChatRoutes extends RouteBuilder {
    static final String SUBJECT = "chat.spring-boot";

    @Override
    public void configure() {
        FrameworkChat.configure(this, SUBJECT);
    }
}
