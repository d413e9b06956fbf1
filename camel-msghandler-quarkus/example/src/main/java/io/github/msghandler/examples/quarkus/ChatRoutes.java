package io.github.msghandler.examples.quarkus;

import io.github.msghandler.examples.FrameworkChat;
import org.apache.camel.builder.RouteBuilder;

/** The chat scenario's sender and receiver ({@link FrameworkChat}), found by Camel Quarkus as a RouteBuilder. */
public class ChatRoutes extends RouteBuilder {
    static final String SUBJECT = "chat.quarkus";

    @Override
    public void configure() {
        FrameworkChat.configure(this, SUBJECT);
    }
}
