package io.github.msghandler.core;

import io.nats.client.Connection;
import io.nats.client.MessageHandler;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A core NATS subscription whose messages a set of threads take in turn, each handling a message on the thread that
 * took it: whichever thread is free takes the next message, and the client's reader thread wakes it directly. A
 * jnats dispatcher handing messages on to a pool would wake a second thread per message, tens of microseconds on a
 * loaded machine. With one thread the messages are handled in the order they arrived.
 */
public final class SubscriptionWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWorkers.class);
    /** How often an idle thread looks whether it should stop. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    private final Connection connection;
    private final Subscription subscription;
    private final MessageHandler handler;
    /** The threads waiting for a message, which a stop wakes (jnats wakes only one of them); guarded by itself. */
    private final Set<Thread> waiting = new HashSet<>();
    private volatile boolean stopping;

    private SubscriptionWorkers(Connection connection, Subscription subscription, MessageHandler handler) {
        this.connection = connection;
        this.subscription = subscription;
        this.handler = handler;
    }

    /**
     * Subscribes to {@code subject} (in queue group {@code queue} unless null) and runs {@code threads} takers on
     * {@code executor}, which must have as many threads free for them; the pending limits are jnats's.
     */
    public static SubscriptionWorkers start(Connection connection, String subject, String queue, int threads,
                                            long pendingMessageLimit, long pendingBytesLimit,
                                            ExecutorService executor, MessageHandler handler) {
        Subscription subscription = queue != null ? connection.subscribe(subject, queue)
                : connection.subscribe(subject);
        subscription.setPendingLimits(pendingMessageLimit, pendingBytesLimit);
        SubscriptionWorkers workers = new SubscriptionWorkers(connection, subscription, handler);
        for (int i = 0; i < threads; i++) {
            executor.execute(workers::takeUntilStopped);
        }
        return workers;
    }

    /** The subscription, for its pending and dropped counts. */
    public Subscription subscription() {
        return subscription;
    }

    private void takeUntilStopped() {
        Thread current = Thread.currentThread();
        while (true) {
            Message message;
            synchronized (waiting) {
                waiting.add(current);
            }
            try {
                message = subscription.nextMessage(IDLE_CHECK);
            } catch (IllegalStateException closed) {
                return; // unsubscribed, drained or the connection closed
            } catch (InterruptedException e) {
                if (!stopping) {
                    current.interrupt();   // not ours: the executor's owner wants the thread back
                }
                return;
            } finally {
                synchronized (waiting) {
                    waiting.remove(current);
                    if (stopping) {
                        Thread.interrupted();   // a stop's wake-up that came as a message was taken
                    }
                }
            }
            if (message != null) {
                handle(message);
            } else if (stopping) {
                return;
            }
        }
    }

    private void handle(Message message) {
        try {
            handler.onMessage(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the handler owns its errors; one that escapes must not end this thread's taking
            LOG.warn("A message on '{}' failed in its handler", message.getSubject(), e);
        }
    }

    /**
     * Stops taking new messages: on a connected connection the subscription drains, so that the messages already
     * delivered to it are still taken, within {@code timeout}; the threads end once nothing is left to take (the
     * caller then waits for its executor).
     *
     * @return false when the drain did not finish in time
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        boolean drained = true;
        try {
            if (connection.getStatus() == Connection.Status.CONNECTED) {
                drained = subscription.drain(timeout).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            drained = false;
        } finally {
            close();
        }
        return drained;
    }

    /** Unsubscribes at once, dropping what was not taken yet; the threads end (the caller waits for its executor). */
    public void close() {
        stopping = true;
        try {
            if (subscription.isActive()) {
                subscription.unsubscribe();
            }
        } catch (IllegalStateException connectionClosed) {
            // the closed connection took the subscription with it
        }
        synchronized (waiting) {
            waiting.forEach(Thread::interrupt);
        }
    }
}
