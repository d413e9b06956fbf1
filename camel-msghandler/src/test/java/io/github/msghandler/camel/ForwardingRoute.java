package io.github.msghandler.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A bridge route {@code msghandler:in → msghandler:out} in a CamelContext of its own, so that a test can start it
 * from a class loader without Arrow, as a user's bridge application has none.
 */
public final class ForwardingRoute {
    private ForwardingRoute() {
    }

    /** Starts the route; close the returned context to stop it. */
    public static AutoCloseable start(String brokerUrl, String in, String out) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:" + in + "?brokerUrl=" + brokerUrl).to("msghandler:" + out + "?brokerUrl=" + brokerUrl);
            }
        });
        camel.start();
        return camel;
    }
}
