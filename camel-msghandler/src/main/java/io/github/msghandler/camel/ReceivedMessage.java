package io.github.msghandler.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultMessage;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A received message whose headers are filled when they are first asked for, as camel-jms's {@code JmsMessage}
 * does: the envelope's twenty or so headers cost more than reading the envelope, and a route that reads only the
 * body never needs them. A copy is an ordinary message with the headers filled.
 */
final class ReceivedMessage extends DefaultMessage {
    private final Consumer<Map<String, Object>> initialHeaders;

    ReceivedMessage(Exchange exchange, Consumer<Map<String, Object>> initialHeaders) {
        super(exchange);
        this.initialHeaders = initialHeaders;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> map) {
        initialHeaders.accept(map);
    }

    /** Fills the headers first: since Camel 4.18 the default answers from the map only if it exists already. */
    @Override
    public boolean hasHeaders() {
        return !getHeaders().isEmpty();
    }

    @Override
    public DefaultMessage newInstance() {
        return new DefaultMessage(getExchange());
    }
}
