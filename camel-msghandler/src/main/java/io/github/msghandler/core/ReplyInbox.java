package io.github.msghandler.core;

import io.github.msghandler.core.api.BrokerException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests and JetStream publishes whose answers come back to a subscription of their own, taken by threads of the
 * sender's ({@link SubscriptionWorkers}) instead of jnats's one reply dispatcher per connection. An answer completes
 * its future on the thread that took it, and the sender may continue its work there ({@link #isDeliveryThread()}):
 * a hand-off to another thread cost a thread wake-up per round trip, tens of microseconds on a loaded machine.
 *
 * <p>Whoever continues on an inbox thread may wait there for another answer, which the busy threads of this inbox
 * might be unable to take: a request or publish made on one of them goes through jnats's own request mechanism.
 */
public final class ReplyInbox implements AutoCloseable {
    /** What answers a request: the subject it went to, for the errors, and when it times out. */
    private record Pending(CompletableFuture<Message> answer, String subject, Duration timeout, long deadline) {
    }

    /** How often waiting requests are checked for their timeout while any wait: a request fails this much late. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(10);

    private static final ThreadLocal<ReplyInbox> DELIVERING = new ThreadLocal<>();

    private final Connection connection;
    private final String prefix;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SubscriptionWorkers answers;
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private volatile boolean closed;

    private ReplyInbox(Connection connection, int threads, ExecutorService executor) {
        this.connection = connection;
        this.prefix = connection.createInbox() + ".";
        // answers are never dropped for a slow taker: each one has a sender waiting for it
        this.answers = SubscriptionWorkers.start(connection, prefix + "*", null, threads, 0, 0, executor,
                this::deliver);
    }

    /**
     * Subscribes to a new inbox on the connection, its answers taken by {@code threads} threads of {@code executor};
     * {@link #close()} unsubscribes.
     */
    public static ReplyInbox start(Connection connection, int threads, ExecutorService executor) {
        return new ReplyInbox(connection, threads, executor);
    }

    /**
     * Sends {@code message} with a reply subject of this inbox. The future completes with the answer, or
     * exceptionally with a {@link BrokerException} when no subscriber answered at once (NATS "no responders") or
     * with a {@link java.util.concurrent.TimeoutException} when nothing came within {@code timeout}. On a thread
     * of this inbox it is jnats's request, failing as jnats fails it.
     */
    public CompletableFuture<Message> request(Message message, Duration timeout) {
        if (isDeliveryThread()) {
            // jnats sweeps timed-out requests only every few seconds: orTimeout fails the request on time
            return connection.requestWithTimeout(message, timeout).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (closed) {
            throw new BrokerException("not sent: the reply inbox for '" + message.getSubject() + "' was closed");
        }
        String token = Long.toString(next.incrementAndGet());
        CompletableFuture<Message> answer = new CompletableFuture<>();
        pending.put(token, new Pending(answer, message.getSubject(), timeout, System.nanoTime() + timeout.toNanos()));
        try {
            connection.publish(message.getSubject(), prefix + token, message.getHeaders(), message.getData());
        } catch (RuntimeException e) {
            pending.remove(token);
            throw e;
        }
        scheduleSweep();
        return answer;
    }

    /**
     * Timeouts are found by one sweep every {@link #SWEEP_INTERVAL} on the connection's scheduler while requests
     * wait, not by a timer per request: orTimeout's scheduler thread was woken on every round trip, 8 µs of CPU
     * per JetStream publish.
     */
    private void scheduleSweep() {
        if (!closed && sweepScheduled.compareAndSet(false, true)) {
            try {
                connection.getOptions().getScheduledExecutor().schedule(this::sweep, SWEEP_INTERVAL.toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                sweepScheduled.set(false);   // the connection is closing: its requests fail with it
            }
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        pending.forEach((token, waiting) -> {
            if (now - waiting.deadline() >= 0 && pending.remove(token, waiting)) {
                waiting.answer().completeExceptionally(new TimeoutException("no answer on '" + waiting.subject()
                        + "' within " + waiting.timeout().toMillis() + " ms"));
            }
        });
        sweepScheduled.set(false);
        if (!pending.isEmpty()) {   // a request added while this sweep ran saw it scheduled
            scheduleSweep();
        }
    }

    /**
     * Publishes {@code message} to JetStream: the future completes with the stream's ack, or exceptionally with a
     * {@link BrokerException} when no stream holds the subject, a {@link JetStreamApiException} when the stream
     * refused it, or a {@link java.util.concurrent.TimeoutException} when no ack came within {@code timeout}.
     */
    public CompletableFuture<PublishAck> publishToJetStream(Message message, Duration timeout) throws IOException {
        if (isDeliveryThread()) {
            return connection.jetStream().publishAsync(message).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        return request(message, timeout).thenApply(ReplyInbox::publishAck);
    }

    private static PublishAck publishAck(Message answer) {
        try {
            return new PublishAck(answer);
        } catch (IOException | JetStreamApiException e) {
            throw new CompletionException(e);
        }
    }

    /** On a thread of this inbox, delivering an answer: its sender may continue here. */
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
