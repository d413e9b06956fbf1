package io.github.msghandler.camel;

import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.PublishConfirmations;
import io.github.msghandler.core.RandomIds;
import io.github.msghandler.core.ReplyInbox;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.support.DefaultAsyncProducer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Packs the exchange into an envelope and sends it, completing the exchange without holding a thread while the
 * server answers: a core NATS publish (fire-and-forget, or confirmed: completed when the confirmation covering it
 * returns), a JetStream publish completed from its own publish ack (at most maxPendingAcks waiting at once), or
 * (InOut) a NATS request completed from its reply envelope.
 *
 * <p>Acks and replies come back to this producer's own {@link ReplyInbox}, whose threads continue the exchanges;
 * confirmations continue on the worker pool. Routing never continues on a jnats thread, where a route could wait
 * for an answer only that thread can deliver.
 */
public class MsgHandlerProducer extends DefaultAsyncProducer {
    private static final String MSG_ID_PROPERTY_PREFIX = "CamelMsgHandlerSentMsgId:";
    private static final Logger LOG = LoggerFactory.getLogger(MsgHandlerProducer.class);
    /** How many exchanges continue after their answer at once, as many as the consumers' default threads. */
    private static final int REPLY_THREADS = MsgHandlerConfiguration.DEFAULT_CORE_CONSUMER_THREADS;

    private HealthCheckRegistration healthCheck;
    private PublishConfirmations confirmations;
    private Duration confirmTimeout;
    private Duration requestTimeout;
    /** Free slots for JetStream publishes awaiting their ack. */
    private Semaphore pendingAcks;
    /** Continues confirmed publishes, and sends made on a reply thread of this producer. */
    private ExecutorService workerPool;
    /** Where acks and replies arrive, and the threads that take them; opened by the first send that waits for one. */
    private volatile ReplyInbox replyInbox;
    private ExecutorService replyThreads;

    /** The exchange property holding the msg id last sent to this endpoint, for redeliveries. */
    private final String msgIdProperty;

    public MsgHandlerProducer(MsgHandlerEndpoint endpoint) {
        super(endpoint);
        msgIdProperty = sentMsgIdProperty(endpoint);
    }

    @Override
    public MsgHandlerEndpoint getEndpoint() {
        return (MsgHandlerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MsgHandlerConfiguration configuration = getEndpoint().getConfiguration();
        healthCheck = HealthCheckRegistration.register(getEndpoint().getCamelContext(), "producers",
                new MsgHandlerHealthCheck("msghandler-producer-" + getEndpoint().getSubject(),
                        getEndpoint()::connection));
        confirmTimeout = Duration.ofMillis(configuration.getConfirmTimeout());
        requestTimeout = Duration.ofMillis(configuration.getRequestTimeout());
        if (configuration.isConfirmPublish() && !configuration.isJetstream()) {
            confirmations = getEndpoint().getComponent().connections()
                    .acquireConfirmations(getEndpoint().connection());
        }
        pendingAcks = new Semaphore(Math.max(1, configuration.getMaxPendingAcks()));
        workerPool = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newDefaultThreadPool(this, "msghandler-producer-" + getEndpoint().getSubject());
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
        }
        if (replyInbox != null) {
            replyInbox.close();
            replyInbox = null;
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(replyThreads);
            replyThreads = null;
        }
        if (workerPool != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workerPool);
            workerPool = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        MsgHandlerEndpoint endpoint = getEndpoint();
        EncodedEnvelope packed;
        Message message;
        try {
            MsgHandlerConfiguration configuration = endpoint.getConfiguration();
            packed = !configuration.isRawEnvelope()
                    ? endpoint.binding().pack(endpoint.getSubject(), exchange, msgIdFor(exchange))
                    : endpoint.binding().forward(exchange, configuration.isRenewMsgId() ? msgIdFor(exchange) : null);
            message = endpoint.binding().toNatsMessage(endpoint.getSubject(), packed);
        } catch (Exception e) {
            exchange.setException(e);
            endpoint.metrics().failed(EndpointMetrics.Direction.SENT);
            callback.done(true);
            return true;
        }
        return send(exchange, message, doneSync -> {
            if (exchange.getException() == null) {
                endpoint.metrics().sent(packed.envelope());
            } else {
                endpoint.metrics().failed(EndpointMetrics.Direction.SENT);
            }
            callback.done(doneSync);
        });
    }

    private boolean send(Exchange exchange, Message message, AsyncCallback callback) {
        try {
            MsgHandlerEndpoint endpoint = getEndpoint();
            if (exchange.getPattern().isOutCapable()) {
                return request(exchange, message, callback);
            } else if (endpoint.getConfiguration().isJetstream()) {
                return publishToJetStream(exchange, message, callback);
            } else if (confirmations != null) {
                return whenDone(confirmations.publish(message, confirmTimeout), exchange, callback,
                        (confirmed, failure) -> failure == null ? null : new CamelExchangeException("envelope on '"
                                + message.getSubject() + "' not confirmed: " + failure.getMessage(), exchange, failure));
            } else {
                endpoint.connection().publish(message);
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    /** What to do when the server has answered; returns the exception that fails the exchange, or null. */
    @FunctionalInterface
    private interface Completion<T> {
        Exception complete(T result, Throwable failure) throws Exception;
    }

    /**
     * Completes the exchange when {@code answer} completes: on the reply thread that took the answer, else (a
     * confirmation, a jnats reply, a timeout) on the worker pool.
     */
    private <T> boolean whenDone(CompletableFuture<T> answer, Exchange exchange, AsyncCallback callback,
                                 Completion<T> completion) {
        answer.whenComplete((result, failure) -> {
            Runnable continuation = () -> {
                try {
                    Exception exception = completion.complete(result, unwrap(failure));
                    if (exception != null) {
                        exchange.setException(exception);
                    }
                } catch (Exception e) {
                    exchange.setException(e);
                }
                callback.done(false);
            };
            ReplyInbox inbox = replyInbox;
            if (inbox != null && inbox.isDeliveryThread()) {
                continuation.run();
            } else {
                continueRouting(continuation);
            }
        });
        return false;
    }

    /** This producer's reply inbox, opened on first use. */
    private ReplyInbox replyInbox() {
        ReplyInbox inbox = replyInbox;
        if (inbox == null) {
            synchronized (this) {
                inbox = replyInbox;
                if (inbox == null) {
                    replyThreads = getEndpoint().getCamelContext().getExecutorServiceManager().newFixedThreadPool(
                            this, "msghandler-replies-" + getEndpoint().getSubject(), REPLY_THREADS);
                    inbox = ReplyInbox.start(getEndpoint().connection(), REPLY_THREADS, replyThreads);
                    replyInbox = inbox;
                }
            }
        }
        return inbox;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
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

    /** The exchange property holding the msg id of the exchange's last send to the endpoint. */
    static String sentMsgIdProperty(Endpoint endpoint) {
        return MSG_ID_PROPERTY_PREFIX + endpoint.getEndpointKey();
    }

    /**
     * A redelivery of the same exchange to this endpoint sends the same msg id, so JetStream drops the copy when
     * an earlier attempt was stored but its ack was lost; any other send gets a new id.
     */
    private String msgIdFor(Exchange exchange) {
        String previous = exchange.getProperty(msgIdProperty, String.class);
        if (previous != null && exchange.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class)) {
            return previous;
        }
        String msgId = RandomIds.uuid();
        exchange.setProperty(msgIdProperty, msgId);
        return msgId;
    }

    /** Completes the exchange from its own publish ack; waits for a free slot when maxPendingAcks are out. */
    private boolean publishToJetStream(Exchange exchange, Message message, AsyncCallback callback)
            throws Exception {
        if (!pendingAcks.tryAcquire(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new CamelExchangeException("no JetStream publish slot freed within " + confirmTimeout.toMillis()
                    + " ms: " + getEndpoint().getConfiguration().getMaxPendingAcks() + " publishes on '"
                    + message.getSubject() + "' still wait for their ack", exchange);
        }
        CompletableFuture<PublishAck> ack;
        try {
            ack = replyInbox().publishToJetStream(message, confirmTimeout);
        } catch (IOException | RuntimeException e) {
            pendingAcks.release();
            throw new CamelExchangeException("cannot publish to JetStream on '" + message.getSubject() + "': "
                    + e.getMessage(), exchange, e);
        }
        ack.whenComplete((result, failure) -> pendingAcks.release());
        return whenDone(ack, exchange, callback, (result, failure) -> {
            if (failure != null) {
                return new CamelExchangeException("JetStream did not acknowledge the envelope on '"
                        + message.getSubject() + "': " + (failure instanceof TimeoutException
                        ? "no ack within " + confirmTimeout.toMillis() + " ms" : failure.getMessage()),
                        exchange, failure);
            }
            if (result.isDuplicate()) {
                LOG.debug("JetStream reported msg id {} as a duplicate",
                        exchange.getMessage().getHeader(MsgHandlerConstants.MSG_ID));
            }
            return null;
        });
    }

    /** Completes the exchange from the reply envelope, which becomes its message. */
    private boolean request(Exchange exchange, Message message, AsyncCallback callback) {
        long start = System.nanoTime();
        CompletableFuture<Message> reply = replyInbox().request(message, requestTimeout);
        return whenDone(reply, exchange, callback, (answer, failure) -> {
            if (failure == null) {
                getEndpoint().binding().receive(exchange, exchange.getMessage(), answer);
                return null;
            }
            if (failure instanceof TimeoutException
                    || System.nanoTime() - start >= requestTimeout.toNanos()) {
                return new ExchangeTimedOutException(exchange, requestTimeout.toMillis(),
                        "no reply on '" + message.getSubject() + "'");
            }
            return new CamelExchangeException("request on '" + message.getSubject() + "' failed (is anyone "
                    + "subscribed?): " + failure, exchange, failure);
        });
    }
}
