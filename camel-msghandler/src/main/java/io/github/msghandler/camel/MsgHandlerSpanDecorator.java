package io.github.msghandler.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.TagConstants;
import org.apache.camel.tracing.decorators.AbstractMessagingSpanDecorator;

/**
 * Names the spans of msghandler endpoints by their subject and tags them with the envelope's msg id and correlation
 * id. Camel's tracing (camel-opentelemetry) finds it through {@code META-INF/services}; the trace context itself
 * crosses NATS as the {@code traceparent} NATS header, like any other header the filter lets through.
 */
public class MsgHandlerSpanDecorator extends AbstractMessagingSpanDecorator {
    public static final String CORRELATION_ID_TAG = "msghandler.correlation_id";

    @Override
    public String getComponent() {
        return "msghandler";
    }

    @Override
    public String getComponentClassName() {
        return MsgHandlerComponent.class.getName();
    }

    @Override
    protected String getDestination(Exchange exchange, Endpoint endpoint) {
        return endpoint instanceof MsgHandlerEndpoint msgHandler ? msgHandler.getSubject()
                : super.getDestination(exchange, endpoint);
    }

    /** Tagged in {@link #pre} when receiving, in {@link #post} when sending: only then is the right id known. */
    @Override
    protected String getMessageId(Exchange exchange) {
        return null;
    }

    @Override
    public void pre(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.pre(span, exchange, endpoint);
        if (isConsumerOf(exchange, endpoint)) {
            tagIds(span, exchange.getIn().getHeader(MsgHandlerConstants.MSG_ID, String.class), exchange);
        }
    }

    @Override
    public void post(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.post(span, exchange, endpoint);
        if (!isConsumerOf(exchange, endpoint)) {
            // the message now holds a request's reply; the id sent is kept apart
            tagIds(span, exchange.getProperty(MsgHandlerProducer.sentMsgIdProperty(endpoint), String.class), exchange);
        }
    }

    private static boolean isConsumerOf(Exchange exchange, Endpoint endpoint) {
        return exchange.getFromEndpoint() == endpoint;
    }

    private static void tagIds(SpanAdapter span, String msgId, Exchange exchange) {
        if (msgId != null) {
            span.setTag(TagConstants.MESSAGE_ID, msgId);
        }
        String correlationId = exchange.getMessage().getHeader(MsgHandlerConstants.CORRELATION_ID, String.class);
        if (correlationId != null) {
            span.setTag(CORRELATION_ID_TAG, correlationId);
        }
    }
}
