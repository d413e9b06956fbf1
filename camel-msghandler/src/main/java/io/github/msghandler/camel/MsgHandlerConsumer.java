package io.github.msghandler.camel;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.LinkRefusedException;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.api.PayloadTooLargeException;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.core.api.WirePayload;
import io.nats.client.Dispatcher;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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


    /** How one message ended, which JetStream turns into ack, nak (redeliver) or term (never again). */
    enum Outcome {
        DONE, FAILED, REJECTED
    }

    /** How long stopping waits for messages already delivered to finish. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private Dispatcher dispatcher;
    private ExecutorService workers;
    private JetStreamPuller jetStreamPuller;
    /** Sends JetStream's in-progress acks while a message's links are fetched. */
    private ScheduledExecutorService inProgressTimer;

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
            inProgressTimer = endpoint.getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "msghandler-in-progress-" + endpoint.getSubject());
            jetStreamPuller = new JetStreamPuller(this::process, endpoint.getCamelContext().getExecutorServiceManager(),
                    endpoint.connection(), endpoint.getSubject(), configuration);
            jetStreamPuller.start();
        } else {
            if (configuration.getConcurrentConsumers() > 1) {
                workers = endpoint.getCamelContext().getExecutorServiceManager()
                        .newFixedThreadPool(this, "msghandler-" + endpoint.getSubject(),
                                configuration.getConcurrentConsumers());
            }
            dispatcher = endpoint.connection().createDispatcher(this::onMessage);
            dispatcher.setPendingLimits(configuration.getPendingMessageLimit(), configuration.getPendingBytesLimit());
            Slf4jErrorListener.of(endpoint.connection()).ifPresent(l -> l.watch(dispatcher, endpoint.getSubject()));
            if (configuration.getQueueName() != null) {
                dispatcher.subscribe(endpoint.getSubject(), configuration.getQueueName());
            } else {
                dispatcher.subscribe(endpoint.getSubject());
            }
            // make sure the server has the subscription before the route counts as started
            endpoint.connection().flush(java.time.Duration.ofSeconds(5));
        }
        // Camel's consumers repository asks each route's consumer for its own check
        String routeId = getRouteId() != null ? getRouteId() : endpoint.getSubject();
        setHealthCheck(new MsgHandlerHealthCheck("msghandler-consumer-" + routeId, endpoint::connection,
                this::subscription));
    }

    @Override
    protected void doStop() throws Exception {
        if (dispatcher != null) {
            Slf4jErrorListener.of(getEndpoint().connection()).ifPresent(l -> l.unwatch(dispatcher));
            stopDispatcher();
            dispatcher = null;
        }
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        if (jetStreamPuller != null) {
            jetStreamPuller.stop();
            jetStreamPuller = null;
        }
        if (inProgressTimer != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(inProgressTimer);
            inProgressTimer = null;
        }
        super.doStop();
    }

    /** The core NATS subscription (its pending and dropped counts); null under JetStream or when stopped. */
    io.nats.client.Consumer subscription() {
        return dispatcher;
    }

    /** Stops taking new messages and lets the ones already delivered to this consumer finish. */
    private void stopDispatcher() throws InterruptedException {
        if (getEndpoint().connection().getStatus() == io.nats.client.Connection.Status.CONNECTED) {
            try {
                dispatcher.drain(SHUTDOWN_TIMEOUT).get(SHUTDOWN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Draining the subscription on '{}' did not finish: {}", getEndpoint().getSubject(),
                        e.toString());
            }
        }
        if (dispatcher.isActive()) {
            getEndpoint().connection().closeDispatcher(dispatcher);
        }
    }

    private void onMessage(Message message) {
        if (workers != null) {
            workers.execute(() -> process(message));
        } else {
            process(message);
        }
    }

    /** Runs one NATS message through the route. */
    Outcome process(Message message) {
        Exchange exchange = createExchange(false);
        try {
            // a JetStream message's reply subject is its ack subject, not a requester
            boolean request = message.getReplyTo() != null && !message.isJetStream();
            exchange.setPattern(request ? ExchangePattern.InOut : getEndpoint().getExchangePattern());
            org.apache.camel.Message in = exchange.getIn();
            in.setHeader(MsgHandlerConstants.SUBJECT, message.getSubject());
            if (request) {
                in.setHeader(MsgHandlerConstants.NATS_REPLY_TO, message.getReplyTo());
            }
            if (message.isJetStream()) {
                long deliveries = message.metaData().deliveredCount();
                in.setHeader(MsgHandlerConstants.DELIVERY_COUNT, deliveries);
                in.setHeader(MsgHandlerConstants.REDELIVERED, deliveries > 1);
                if (getEndpoint().getConfiguration().isManualAck()) {
                    in.setHeader(MsgHandlerConstants.ACK_HANDLE, new JetStreamAck(message));
                }
            }
            boolean raw = getEndpoint().getConfiguration().isRawEnvelope();
            UnpackedEnvelope unpacked = null;
            EncodedEnvelope asItTravels = null;
            try {
                if (raw) {
                    asItTravels = MsgHandler.readEnvelope(message.getData());   // validated, no link fetched
                } else {
                    unpacked = unpack(message);
                }
            } catch (RuntimeException e) {
                getEndpoint().metrics().failed(EndpointMetrics.Direction.RECEIVED);
                in.setBody(message.getData());
                routeToErrorHandler(exchange, e);
                if (exchange.getException() == null) {
                    return Outcome.DONE;   // a dead letter channel has it now
                }
                // a broken envelope never mends; anything else (a file server or cluster node that is down) may
                return isBroken(e) ? Outcome.REJECTED : Outcome.FAILED;
            }
            Envelope envelope = raw ? asItTravels.envelope() : unpacked.envelope();
            getEndpoint().metrics().received(envelope);
            if (raw) {
                getEndpoint().binding().populateRaw(exchange, in, message, asItTravels);
            } else {
                getEndpoint().binding().populate(exchange, in, message, unpacked);
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
                return causedByBrokenPayload(exchange.getException()) ? Outcome.REJECTED : Outcome.FAILED;
            }
            // an envelope handed on as it travels still needs its links
            if (getEndpoint().getConfiguration().isS3DeleteAfterConsume() && !raw) {
                deleteLinkedObjects(envelope);
            }
            return Outcome.DONE;
        } catch (Exception e) {
            getEndpoint().metrics().failed(EndpointMetrics.Direction.RECEIVED);
            getExceptionHandler().handleException("msghandler: processing the message on '" + message.getSubject()
                    + "' failed", exchange, e);
            return Outcome.FAILED;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * smartunpack; for a JetStream message it also tells JetStream every half ackWait that the message is in
     * progress, since fetching a large link can outlast ackWait, after which JetStream would deliver it again.
     */
    private UnpackedEnvelope unpack(Message message) {
        if (inProgressTimer == null || !message.isJetStream()) {
            return MsgHandler.smartunpack(message, getEndpoint().unpackOptions());
        }
        long every = Math.max(100, getEndpoint().getConfiguration().getAckWait() / 2);
        ScheduledFuture<?> inProgress = inProgressTimer.scheduleAtFixedRate(message::inProgress, every, every,
                TimeUnit.MILLISECONDS);
        try {
            return MsgHandler.smartunpack(message, getEndpoint().unpackOptions());
        } finally {
            inProgress.cancel(false);
        }
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

    private static boolean causedByBrokenPayload(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEnvelopeException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the message itself is at fault, so that delivering it again cannot help. Only these are terminated:
     * an unexpected failure (a client library's surprise during a cluster failover, say) is redelivered instead,
     * since terminating it would lose the message.
     */
    private static boolean isBroken(RuntimeException failure) {
        return failure instanceof InvalidEnvelopeException || failure instanceof PayloadIntegrityException
                || failure instanceof PayloadTooLargeException || failure instanceof LinkRefusedException;
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
