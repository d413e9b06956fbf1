package io.github.msghandler.camel;

import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.PackResult;
import io.github.msghandler.core.PublishConfirmations;
import io.github.msghandler.core.RandomIds;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.core.WirePayload;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.support.DefaultAsyncProducer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Packs the exchange into an envelope and sends it: a core NATS publish (confirmed by default: the exchange
 * completes asynchronously when the server's confirmation covering it returns, without holding a thread), a
 * JetStream publish that waits for its ack, or (InOut) a NATS request whose reply envelope becomes the exchange's
 * message.
 */
public class MsgHandlerProducer extends DefaultAsyncProducer {
    /** Exchange property (per endpoint) holding the msg id of the last send, reused by a redelivery. */
    static final String MSG_ID_PROPERTY_PREFIX = "CamelMsgHandlerSentMsgId:";
    private static final Logger LOG = LoggerFactory.getLogger(MsgHandlerProducer.class);

    private HealthCheckRegistration healthCheck;
    private PublishConfirmations confirmations;
    private Duration confirmTimeout;
    /** Continues confirmed exchanges, so that routing never runs on the thread that reads confirmations. */
    private ExecutorService workerPool;

    public MsgHandlerProducer(MsgHandlerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MsgHandlerEndpoint getEndpoint() {
        return (MsgHandlerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthCheck = HealthCheckRegistration.register(getEndpoint().getCamelContext(), "producers",
                new MsgHandlerHealthCheck("msghandler-producer-" + getEndpoint().getSubject(),
                        getEndpoint()::connection));
        if (confirmsCorePublishes()) {
            confirmations = getEndpoint().getComponent().connections()
                    .acquireConfirmations(getEndpoint().connection());
            confirmTimeout = Duration.ofMillis(getEndpoint().getConfiguration().getConfirmTimeout());
            workerPool = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newDefaultThreadPool(this, "msghandler-confirmed-" + getEndpoint().getSubject());
        }
    }

    private boolean confirmsCorePublishes() {
        return getEndpoint().getConfiguration().isConfirmPublish() && !getEndpoint().getConfiguration().isJetstream();
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        if (confirmations != null) {
            getEndpoint().getComponent().connections().releaseConfirmations(getEndpoint().connection());
            confirmations = null;
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workerPool);
            workerPool = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            MsgHandlerEndpoint endpoint = getEndpoint();
            PackOptions options = endpoint.packOptions(exchange.getMessage())
                    .msgId(msgIdFor(exchange))
                    .build();
            PackResult packed = MsgHandler.smartpack(endpoint.getSubject(),
                    endpoint.exchangePayloads().toPayloads(exchange), options);
            Message message = packed.toNatsMessage();
            setSentHeaders(exchange, packed);
            if (exchange.getPattern().isOutCapable()) {
                request(exchange, message);
            } else if (endpoint.getConfiguration().isJetstream()) {
                publishToJetStream(exchange, message);
            } else if (confirmations != null) {
                return publishConfirmed(exchange, message, callback);
            } else {
                endpoint.connection().publish(message);
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    /** Completes the exchange when the confirmation covering its publish returns (or fails). */
    private boolean publishConfirmed(Exchange exchange, Message message, AsyncCallback callback) {
        // a route continuing on the confirmations' own thread could wait for a confirmation only it can deliver
        confirmations.publish(message, confirmTimeout).whenCompleteAsync((confirmed, failure) -> {
            if (failure != null) {
                exchange.setException(new CamelExchangeException("envelope on '" + message.getSubject()
                        + "' not confirmed: " + failure.getMessage(), exchange, failure));
            }
            callback.done(false);
        }, this::continueRouting);
        return false;
    }

    /** On the worker pool; after a stop (whose pool discards tasks) on the completing thread, never lost. */
    private void continueRouting(Runnable continuation) {
        ExecutorService pool = workerPool;
        if (pool == null || pool.isShutdown()) {
            continuation.run();
        } else {
            pool.execute(continuation);
        }
    }

    /**
     * A redelivery of the same exchange to this endpoint sends the same msg id, so JetStream drops the copy when
     * an earlier attempt was stored but its ack was lost; any other send gets a new id.
     */
    private String msgIdFor(Exchange exchange) {
        String property = MSG_ID_PROPERTY_PREFIX + getEndpoint().getEndpointKey();
        String previous = exchange.getProperty(property, String.class);
        if (previous != null && exchange.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class)) {
            return previous;
        }
        String msgId = RandomIds.uuid();
        exchange.setProperty(property, msgId);
        return msgId;
    }

    private static void setSentHeaders(Exchange exchange, PackResult packed) {
        org.apache.camel.Message message = exchange.getMessage();
        message.setHeader(MsgHandlerConstants.MSG_ID, packed.envelope().msgId());
        message.setHeader(MsgHandlerConstants.CORRELATION_ID, packed.envelope().correlationId());
        message.setHeader(MsgHandlerConstants.TIMESTAMP, packed.envelope().timestamp());
        List<String> transports = packed.envelope().payloads().stream()
                .map(WirePayload::transport).map(t -> t.wireName()).toList();
        message.setHeader(MsgHandlerConstants.TRANSPORTS, transports);
    }

    private void publishToJetStream(Exchange exchange, Message message) throws CamelExchangeException {
        try {
            PublishAck ack = getEndpoint().connection().jetStream().publish(message);
            if (ack.isDuplicate()) {
                LOG.debug("JetStream reported msg id {} as a duplicate", exchange.getMessage()
                        .getHeader(MsgHandlerConstants.MSG_ID));
            }
        } catch (IOException | JetStreamApiException e) {
            throw new CamelExchangeException("JetStream did not acknowledge the envelope on '"
                    + message.getSubject() + "': " + e.getMessage(), exchange, e);
        }
    }

    private void request(Exchange exchange, Message message) throws Exception {
        long timeout = getEndpoint().getConfiguration().getRequestTimeout();
        CompletableFuture<Message> pending = getEndpoint().connection()
                .requestWithTimeout(message, Duration.ofMillis(timeout));
        long start = System.nanoTime();
        Message reply;
        try {
            reply = pending.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ExchangeTimedOutException(exchange, timeout, "no reply on '" + message.getSubject() + "'");
        } catch (CancellationException | ExecutionException e) {
            if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= timeout) {
                throw new ExchangeTimedOutException(exchange, timeout, "no reply on '" + message.getSubject() + "'");
            }
            throw new CamelExchangeException("request on '" + message.getSubject() + "' failed (is anyone "
                    + "subscribed?): " + e.getMessage(), exchange, e);
        }
        UnpackedEnvelope unpacked = MsgHandler.smartunpack(reply, getEndpoint().unpackOptions());
        EnvelopeMessages.populate(exchange, exchange.getMessage(), unpacked);
    }
}
