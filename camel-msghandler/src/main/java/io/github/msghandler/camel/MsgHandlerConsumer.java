package io.github.msghandler.camel;

import io.github.msghandler.core.SubscriptionWorkers;
import io.github.msghandler.core.api.BrokenMessageException;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * One exchange per NATS message: the envelope unpacked into headers and body, the route run, and for an InOut
 * exchange the result packed and sent back (wire format section 8). Messages come from a core NATS subscription,
 * or from a durable JetStream pull consumer with explicit acks.
 *
 * <p>A message that cannot be unpacked goes to the route's error handler (a dead letter channel receives it with
 * the raw body and the typed exception); the consumer keeps consuming. Under JetStream such a message is acked
 * when a dead letter channel took it, terminated when the message itself is at fault (a broken envelope, a payload
 * that fails its checks), and nak'ed for redelivery on any other failure, which may pass (a file server that is
 * down, a cluster electing a leader).
 */
public class MsgHandlerConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(MsgHandlerConsumer.class);

    /** How long stopping waits for messages already delivered to finish. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private SubscriptionWorkers subscription;
    private ExecutorService workers;
    private JetStreamDelivery jetStream;

    public MsgHandlerConsumer(MsgHandlerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MsgHandlerEndpoint getEndpoint() {
        return (MsgHandlerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MsgHandlerEndpoint endpoint = getEndpoint();
        MsgHandlerConfiguration configuration = endpoint.getConfiguration();
        if (configuration.isJetstream()) {
            jetStream = new JetStreamDelivery(this::process, endpoint.getCamelContext().getExecutorServiceManager(),
                    endpoint.connection(), endpoint.getSubject(), configuration);
            jetStream.start();
        } else {
            // each thread takes the next message itself and runs the route on it: a dispatcher handing messages
            // to a pool cost a second thread wake-up per message, tens of microseconds on a loaded machine
            int threads = configuration.consumerThreads();
            workers = endpoint.getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "msghandler-" + endpoint.getSubject(), threads);
            subscription = SubscriptionWorkers.start(endpoint.connection(), endpoint.getSubject(),
                    configuration.getQueueName(), threads, configuration.getPendingMessageLimit(),
                    configuration.getPendingBytesLimit(), workers, this::process);
            Slf4jErrorListener.of(endpoint.connection())
                    .ifPresent(l -> l.watch(subscription.subscription(), endpoint.getSubject()));
            // make sure the server has the subscription before the route counts as started
            endpoint.connection().flush(Duration.ofSeconds(5));
        }
        // Camel's consumers repository asks each route's consumer for its own check
        String routeId = getRouteId() != null ? getRouteId() : endpoint.getSubject();
        setHealthCheck(new MsgHandlerHealthCheck("msghandler-consumer-" + routeId, endpoint::connection,
                this::subscription));
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            Slf4jErrorListener.of(getEndpoint().connection()).ifPresent(l -> l.unwatch(subscription.subscription()));
            // stops taking new messages and lets the ones already delivered to this consumer finish
            if (!subscription.stop(SHUTDOWN_TIMEOUT)) {
                LOG.warn("Draining the subscription on '{}' did not finish within {}", getEndpoint().getSubject(),
                        SHUTDOWN_TIMEOUT);
            }
            subscription = null;
        }
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        if (jetStream != null) {
            jetStream.stop();
            jetStream = null;
        }
        super.doStop();
    }

    /** The core NATS subscription (its pending and dropped counts); null under JetStream or when stopped. */
    io.nats.client.Consumer subscription() {
        return subscription != null ? subscription.subscription() : null;
    }

    /** Runs one NATS message through the route. */
    ExchangeOutcome process(Message message) {
        Exchange exchange = createExchange(false);
        try {
            // a JetStream message's reply subject is its ack subject, not a requester
            boolean request = message.getReplyTo() != null && !message.isJetStream();
            exchange.setPattern(request ? ExchangePattern.InOut : getEndpoint().getExchangePattern());
            Consumer<Map<String, Object>> ownHeaders = headers -> {
                headers.put(MsgHandlerConstants.SUBJECT, message.getSubject());
                if (request) {
                    headers.put(MsgHandlerConstants.NATS_REPLY_TO, message.getReplyTo());
                }
                if (jetStream != null && message.isJetStream()) {
                    jetStream.putDeliveryHeaders(message, headers);
                }
            };
            Envelope envelope;
            try {
                envelope = getEndpoint().binding().receive(exchange, message, ownHeaders,
                        unpack -> jetStream != null && message.isJetStream()
                                ? jetStream.inProgressDuring(message, unpack) : unpack.get());
            } catch (RuntimeException e) {
                getEndpoint().metrics().failed(EndpointMetrics.Direction.RECEIVED);
                ownHeaders.accept(exchange.getIn().getHeaders());
                exchange.getIn().setBody(message.getData());
                routeToErrorHandler(exchange, e);
                if (exchange.getException() == null) {
                    return ExchangeOutcome.DONE;   // a dead letter channel has it now
                }
                return outcomeOf(e);
            }
            getProcessor().process(exchange);
            if (exchange.getException() == null && exchange.getPattern().isOutCapable()) {
                reply(message, envelope, exchange);
            }
            if (exchange.getException() != null) {
                getEndpoint().metrics().failed(EndpointMetrics.Direction.RECEIVED);
                getExceptionHandler().handleException("msghandler: processing the message on '"
                        + message.getSubject() + "' failed", exchange, exchange.getException());
                // a payload that does not parse as its type, found when the route converted it, never mends either
                return outcomeOf(exchange.getException());
            }
            // an envelope handed on as it travels still needs its links
            if (getEndpoint().getConfiguration().isS3DeleteAfterConsume()
                    && !getEndpoint().getConfiguration().isRawEnvelope()) {
                deleteLinkedObjects(envelope);
            }
            return ExchangeOutcome.DONE;
        } catch (Exception e) {
            getEndpoint().metrics().failed(EndpointMetrics.Direction.RECEIVED);
            getExceptionHandler().handleException("msghandler: processing the message on '" + message.getSubject()
                    + "' failed", exchange, e);
            return ExchangeOutcome.FAILED;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * The one rule for a failed exchange: rejected when the message itself is at fault, so that delivering it
     * again cannot help; anything else (a file server or cluster node that is down, a client library's surprise
     * during a failover) may pass, and rejecting it would lose the message.
     */
    private static ExchangeOutcome outcomeOf(Throwable failure) {
        return BrokenMessageException.isCauseOf(failure) ? ExchangeOutcome.REJECTED : ExchangeOutcome.FAILED;
    }

    /**
     * Deletes the stored objects of the envelope's link payloads once the exchange succeeded; a failed delete is
     * logged (the bucket's lifecycle rule still expires the object) and does not fail the exchange.
     */
    private void deleteLinkedObjects(Envelope envelope) {
        for (WirePayload payload : envelope.payloads()) {
            if (payload.transport() != Transport.LINK) {
                continue;
            }
            try {
                getEndpoint().store().delete(URI.create(payload.data()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not delete the consumed payload '{}' from {}: {}", payload.dataname(),
                        getEndpoint().store(), e.getMessage());
            }
        }
    }

    /**
     * Hands an exchange that failed before routing to the route's error handler, as Camel's bridge error handler
     * does, but keeps the raw message body so that a dead letter channel receives exactly what arrived.
     */
    private void routeToErrorHandler(Exchange exchange, Exception failure) throws Exception {
        exchange.setException(failure);
        exchange.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, failure);
        exchange.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, true);
        // redelivering a broken envelope cannot mend it
        exchange.getExchangeExtension().setRedeliveryExhausted(true);
        createUoW(exchange);
        try {
            getProcessor().process(exchange);
        } finally {
            doneUoW(exchange);
        }
    }

    /**
     * Section 8: answer on the NATS reply subject when there is one, else on the envelope's reply_to; keep the
     * correlation id, point reply_to_msg_id at the request, address the requester.
     */
    private void reply(Message request, Envelope requestEnvelope, Exchange exchange) throws CamelExchangeException {
        String replySubject = request.getReplyTo() != null && !request.isJetStream() ? request.getReplyTo()
                : requestEnvelope.header().replyTo();
        if (replySubject == null || replySubject.isEmpty()) {
            LOG.debug("InOut exchange for msg id {} has nowhere to reply", requestEnvelope.header().msgId());
            return;
        }
        ExchangeBinding binding = getEndpoint().binding();
        getEndpoint().connection().publish(binding.toNatsMessage(replySubject,
                binding.packReply(replySubject, exchange, requestEnvelope)));
    }
}
