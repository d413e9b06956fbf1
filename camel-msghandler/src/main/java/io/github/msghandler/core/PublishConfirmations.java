package io.github.msghandler.core;

import io.github.msghandler.core.api.BrokerException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Confirmed core NATS publishes on one connection: a publish counts as confirmed once the server has processed it,
 * proven by a confirmation token that this connection publishes after it and receives back on its own
 * subscription. NATS processes a client's messages in order, so the token's return covers every publish before it.
 *
 * <p>At most one token is outstanding: every publish made while one is on its way waits for the next, so any number
 * of concurrent senders share one round trip. A token confirms only on the connection it was sent on: when the
 * connection drops every pending publish fails (it may or may not have arrived), and a token that comes back after a
 * reconnect (jnats re-sends what it still had queued) fails the publishes made before that reconnect instead of
 * confirming them, since they may have died with the old socket. After a reconnect the next publish is confirmed
 * at once.
 *
 * <p>jnats's {@code Connection.flush} is not used: it counts every flush PING against {@code maxPingsOut} and
 * treats more as a broken connection (concurrent senders made it reconnect every few ms), it returns normally when
 * its PING was refused or the connection was not connected, and a PING queued while jnats leaves its reconnect mode
 * can be stranded in the reconnect queue while its PONG future stays first in line, after which every flush on
 * that connection is answered by the PONG of the next one and times out.
 */
public final class PublishConfirmations implements AutoCloseable {

    /**
     * A publish waiting for its confirmation; {@code connectionEpoch} is the connection's reconnect count when it was
     * published, and only a token returning in that same epoch confirms it.
     */
    private record Pending(CompletableFuture<Void> confirmed, long connectionEpoch, long deadlineNanos,
                           Duration timeout, String subject) {
    }

    /** The publishes one token covers. */
    private record Batch(long token, List<Pending> publishes, ScheduledFuture<?> deadline) {
    }

    private final Connection connection;
    private final String tokenSubject;
    private final Dispatcher dispatcher;
    private final ConnectionListener listener = this::connectionEvent;
    private final ScheduledExecutorService timer;

    private final Object lock = new Object();
    private List<Pending> waiting = new ArrayList<>();
    private Batch inFlight;
    private long lastToken;
    private boolean closed;

    private PublishConfirmations(Connection connection) {
        this.connection = connection;
        this.tokenSubject = connection.createInbox();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "msghandler-confirm-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // a dispatcher of its own: tokens are not held up behind a slow route on the connection's other dispatchers
        this.dispatcher = connection.createDispatcher(this::tokenReturned);
    }

    /**
     * Subscribes to this connection's confirmation subject and watches its connection events.
     *
     * @throws BrokerException when the connection was opened with {@code noEcho}: its own tokens would never return
     */
    public static PublishConfirmations start(Connection connection) {
        if (connection.getOptions().isNoEcho()) {
            throw new BrokerException("confirmed publishes need a NATS connection without noEcho: the confirmation "
                    + "comes back as a message to the same connection");
        }
        PublishConfirmations confirmations = new PublishConfirmations(connection);
        connection.addConnectionListener(confirmations.listener);
        confirmations.dispatcher.subscribe(confirmations.tokenSubject);
        return confirmations;
    }

    /**
     * Publishes the message and returns a future completed when the server confirms it, or completed
     * exceptionally with a {@link BrokerException} when the connection drops first or no confirmation arrives
     * within {@code timeout} of the publish.
     *
     * @throws BrokerException when the connection is not connected: the message was not sent
     */
    public CompletableFuture<Void> publish(Message message, Duration timeout) {
        Connection.Status status = connection.getStatus();
        if (status != Connection.Status.CONNECTED) {
            throw new BrokerException("not sent: the NATS connection is " + status + ", not CONNECTED");
        }
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                throw new BrokerException("not sent: the confirmations on this connection were closed");
            }
            // published under the lock, so that a token published later follows this message on the wire
            connection.publish(message);
            waiting.add(new Pending(confirmed, epoch(), System.nanoTime() + timeout.toNanos(), timeout,
                    message.getSubject()));
            if (inFlight == null) {
                sendToken();
            }
        }
        return confirmed;
    }

    /**
     * Publishes a token covering every waiting publish, with a timeout at the earliest of their deadlines; the caller
     * holds the lock. While jnats reconnects the token waits in its buffer; on a closed connection it cannot be sent,
     * and the timeout (or the CLOSED event) fails the batch.
     */
    private void sendToken() {
        List<Pending> covered = waiting;
        waiting = new ArrayList<>();
        long token = ++lastToken;
        long deadline = covered.stream().mapToLong(Pending::deadlineNanos).min().orElseThrow();
        ScheduledFuture<?> timeout = timer.schedule(() -> tokenTimedOut(token),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        inFlight = new Batch(token, covered, timeout);
        try {
            connection.publish(tokenSubject, Long.toString(token).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalStateException closedConnection) {
            // nothing to send on; the timeout fails the batch
        }
    }

    /** Counts this connection's reconnects: jnats raises it before it sends anything on the new socket. */
    private long epoch() {
        return connection.getStatistics().getReconnects();
    }

    private void tokenReturned(Message message) {
        long token;
        try {
            token = Long.parseLong(new String(message.getData(), StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return; // not one of ours
        }
        Batch batch;
        synchronized (lock) {
            if (inFlight == null || inFlight.token() != token) {
                return; // a token whose batch already failed
            }
            batch = takeInFlight();
        }
        batch.deadline().cancel(false);
        long epoch = epoch();
        for (Pending pending : batch.publishes()) {
            if (pending.connectionEpoch() == epoch) {
                pending.confirmed().complete(null);
            } else {
                pending.confirmed().completeExceptionally(new BrokerException("the connection to NATS was "
                        + "re-established before the envelope was confirmed; it may or may not have arrived"));
            }
        }
    }

    private void tokenTimedOut(long token) {
        Batch batch;
        synchronized (lock) {
            if (inFlight == null || inFlight.token() != token) {
                return;
            }
            batch = takeInFlight();
        }
        for (Pending pending : batch.publishes()) {
            pending.confirmed().completeExceptionally(new BrokerException("NATS did not confirm the envelope on '"
                    + pending.subject() + "' within " + pending.timeout().toMillis()
                    + " ms; it may or may not have arrived"));
        }
    }

    /** Removes the batch in flight and starts the next one for the publishes that waited behind it. */
    private Batch takeInFlight() {
        Batch batch = inFlight;
        inFlight = null;
        if (!waiting.isEmpty()) {
            sendToken();
        }
        return batch;
    }

    private void connectionEvent(Connection source, ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.DISCONNECTED || event == ConnectionListener.Events.CLOSED) {
            failAll("the connection to NATS was lost (" + event + ") before the envelope was confirmed; it may or "
                    + "may not have arrived");
        }
    }

    private void failAll(String reason) {
        List<Pending> failed = new ArrayList<>();
        synchronized (lock) {
            if (inFlight != null) {
                inFlight.deadline().cancel(false);
                failed.addAll(inFlight.publishes());
                inFlight = null;
            }
            failed.addAll(waiting);
            waiting = new ArrayList<>();
        }
        fail(failed, reason);
    }

    private static void fail(List<Pending> publishes, String reason) {
        for (Pending pending : publishes) {
            pending.confirmed().completeExceptionally(new BrokerException(reason));
        }
    }

    /** Fails what is still pending, unsubscribes and stops watching the connection; the connection stays open. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        failAll("the producer stopped before the envelope was confirmed; it may or may not have arrived");
        connection.removeConnectionListener(listener);
        if (connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
        timer.shutdownNow();
    }
}
