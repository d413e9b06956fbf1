package io.github.msghandler.examples;

import io.github.msghandler.camel.MsgHandlerConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario 3, device command: a controller route asks a device route to read a sensor and waits for the answer
 * (request-reply). The reply keeps the correlation id and points reply_to_msg_id at the command.
 */
final class DeviceCommandScenario implements Scenario {
    private final AtomicReference<String> commandMsgId = new AtomicReference<>();

    @Override
    public String name() {
        return "device";
    }

    @Override
    public String description() {
        return "request-reply between a controller and a device route (correlation id, reply_to_msg_id)";
    }

    @Override
    public void addRoutes(Main main) {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:device.command?msgPurpose=reading&senderName=device-7").routeId("device")
                        .log("Device got ${body} (msg_id=${header.CamelMsgHandlerMsgId}, correlation_id="
                                + "${header.CamelMsgHandlerCorrelationId}, reply subject "
                                + "${header.CamelMsgHandlerNatsReplyTo})")
                        .process(exchange -> {
                            commandMsgId.set(exchange.getMessage().getHeader(MsgHandlerConstants.MSG_ID, String.class));
                            exchange.getMessage().setBody(Map.of("sensor", "temperature", "value", 21.5,
                                    "unit", "C"));
                        });

                from("direct:ask").routeId("controller")
                        .setHeader(MsgHandlerConstants.CORRELATION_ID, constant("device-7-read-1"))
                        .to("msghandler:device.command?exchangePattern=InOut&msgPurpose=command"
                                + "&senderName=controller&replyTo=device.response&requestTimeout=5000")
                        .log("Controller got ${body} (correlation_id=${header.CamelMsgHandlerCorrelationId}, "
                                + "reply_to_msg_id=${header.CamelMsgHandlerReplyToMsgId}, from "
                                + "${header.CamelMsgHandlerSenderName})");
            }
        });
    }

    @Override
    public String drive(CamelContext camel, Path dir) {
        Exchange reply = camel.createProducerTemplate().request("direct:ask",
                exchange -> exchange.getMessage().setBody(Map.of("action", "read_sensor", "sensor", "temperature")));
        if (reply.getException() != null) {
            throw new AssertionError("the command failed", reply.getException());
        }
        Map<?, ?> reading = reply.getMessage().getBody(Map.class);
        require(reading != null && Double.valueOf(21.5).equals(reading.get("value")), "reading " + reading);
        require("device-7-read-1".equals(reply.getMessage().getHeader(MsgHandlerConstants.CORRELATION_ID)),
                "correlation id kept");
        require(commandMsgId.get() != null && commandMsgId.get().equals(
                reply.getMessage().getHeader(MsgHandlerConstants.REPLY_TO_MSG_ID)), "reply_to_msg_id = command msg_id");
        return "reading " + reading + " came back with the correlation id and reply_to_msg_id " + commandMsgId.get();
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("expected: " + what);
        }
    }
}
