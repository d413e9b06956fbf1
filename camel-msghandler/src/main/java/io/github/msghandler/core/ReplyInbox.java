package io.github.msghandler.core;

import io.github.msghandler.core.api.BrokerException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests and JetStream publishes whose answers come back to a subscription of their own, taken by threads of the
 * sender's ({@link SubscriptionWorkers}) instead of jnats's one reply dispatcher per connection. An answer completes
 * its future on the thread that took it, and the sender may continue its work there: a hand-off to another thread
 * cost a thread wake-up per round trip, tens of microseconds on a loaded machine.
 *
 * <p>Whoever continues on an inbox thread must not wait there for another answer of the same inbox, which the busy
 * threads might be unable to take. {@link #isDeliveryThread()} tells a sender that it is on such a thread, so that
 * it sends through jnats's own request mechanism instead.
 */
public final class ReplyInbox implements AutoCloseable {
    /** What answers a request: the subject it went to, for the error when nobody answers. */
    private record Pending(CompletableFuture<Message> answer, String subject) {
    }

    private static final ThreadLocal<ReplyInbox> DELIVERING = new ThreadLocal<>();

    private final Connection connection;
    private final String prefix;
    private SubscriptionWorkers answers;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ReplyInbox(Connection connection) {
        this.connection = connection;
        this.prefix = connection.createInbox() + ".";
    }

    /**
     * Subscribes to a new inbox on the connection, its answers taken by {@code threads} threads of {@code executor};
     * {@link #close()} unsubscribes.
     */
    public static ReplyInbox start(Connection connection, int threads, ExecutorService executor) {
        ReplyInbox inbox = new ReplyInbox(connection);
        // answers are never dropped for a slow taker: each one has a sender waiting for it
        inbox.answers = SubscriptionWorkers.start(connection, inbox.prefix + "*", null, threads, 0, 0, executor,
                inbox::deliver);
        return inbox;
    }

    /**
     * Sends {@code message} with a reply subject of this inbox. The future completes with the answer, or
     * exceptionally with a {@link BrokerException} when no subscriber answered at once (NATS "no responders") or
     * with a {@link java.util.concurrent.TimeoutException} when nothing came within {@code timeout}.
     */
    public CompletableFuture<Message> request(Message message, Duration timeout) {
        if (closed) {
            throw new BrokerException("not sent: the reply inbox for '" + message.getSubject() + "' was closed");
        }
        String token = Long.toString(next.incrementAndGet());
        CompletableFuture<Message> answer = new CompletableFuture<>();
        pending.put(token, new Pending(answer, message.getSubject()));
        try {
            connection.publish(NatsMessage.builder().subject(message.getSubject()).replyTo(prefix + token)
                    .headers(message.getHeaders()).data(message.getData()).build());
        } catch (RuntimeException e) {
            pending.remove(token);
            throw e;
        }
        answer.whenComplete((reply, failure) -> pending.remove(token));
        return answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Publishes {@code message} to JetStream: the future completes with the stream's ack, or exceptionally with a
     * {@link BrokerException} when no stream holds the subject, a {@link JetStreamApiException} when the stream
     * refused it, or a {@link java.util.concurrent.TimeoutException} when no ack came within {@code timeout}.
     */
    public CompletableFuture<PublishAck> publishToJetStream(Message message, Duration timeout) {
        return request(message, timeout).thenApply(ReplyInbox::publishAck);
    }

    private static PublishAck publishAck(Message answer) {
        try {
            return new PublishAck(answer);
        } catch (IOException | JetStreamApiException e) {
            throw new CompletionException(e);
        }
    }

    /** On a thread of this inbox, delivering an answer: one that waits here holds a taker of this inbox. */
    public boolean isDeliveryThread() {
        return DELIVERING.get() == this;
    }

    private void deliver(Message message) {
        Pending waiting = pending.remove(message.getSubject().substring(prefix.length()));
        if (waiting == null) {
            return; // answered after its timeout, or a second answer
        }
        DELIVERING.set(this);
        try {
            if (message.isStatusMessage() && message.getStatus().getCode() == 503) {
                waiting.answer().completeExceptionally(new BrokerException("nobody answered on '"
                        + waiting.subject() + "': no subscriber, or no JetStream stream, has that subject"));
            } else {
                waiting.answer().complete(message);
            }
        } finally {
            DELIVERING.remove();
        }
    }

    /** Unsubscribes (the caller then waits for its executor); a request still waiting fails at once. */
    @Override
    public void close() {
        closed = true;
        answers.close();
        pending.values().forEach(waiting -> waiting.answer().completeExceptionally(new BrokerException(
                "the sender on '" + waiting.subject() + "' stopped before its answer arrived")));
        pending.clear();
    }
}
