package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsServerExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel test with a real nats-server for the test class, and msghandler URIs that point at it. */
abstract class MsgHandlerTestSupport extends CamelTestSupport {
    @RegisterExtension
    static NatsServerExtension nats = new NatsServerExtension();

    static String uri(String subject) {
        return uri(subject, "");
    }

    static String uri(String subject, String options) {
        return "msghandler:" + subject + "?brokerUrl=" + nats.url() + (options.isEmpty() ? "" : "&" + options);
    }
}
