package io.github.msghandler.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * A sender and a receiver on one subject. The receiver splits the message and writes each payload to
 * {@code inbox/<dataname>}; the endpoint URIs carry no options, which all come from application.properties.
 */
public class ChatRoutes extends RouteBuilder {
    static final String SUBJECT = "chat.quarkus";

    @Override
    public void configure() {
        from("direct:chat").routeId("chat-sender")
                .to("msghandler:" + SUBJECT)
                .log("Sent msg_id=${header.CamelMsgHandlerMsgId} with transports ${header.CamelMsgHandlerTransports}");

        from("msghandler:" + SUBJECT).routeId("chat-receiver")
                .log("Received msg_id=${header.CamelMsgHandlerMsgId} from ${header.CamelMsgHandlerSenderName}: "
                        + "${header.CamelMsgHandlerPayloadCount} payloads")
                .split(body())
                    .log("  ${header.CamelFileName}: ${header.CamelMsgHandlerPayloadType}, "
                            + "${header.CamelMsgHandlerTransport}, ${header.CamelMsgHandlerPayloadSize} bytes")
                    .to("file:{{examples.dir}}/inbox")
                .end();
    }
}
