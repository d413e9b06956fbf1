package io.github.msghandler.core;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens NATS connections whose threads end when the connection closes. jnats (2.21) gives each connection an
 * executor (reader, writer, dispatchers) and a scheduler (ping and cleanup timers, three threads) of its own and shuts
 * down neither when the connection closes, so every connection ever opened would leave three threads running: the
 * JVM could not exit, and an application redeployed in a container would leak them each time. Here both are ours,
 * shut down when jnats reports the connection closed, however it was closed (by us, by its user, or by jnats
 * after its last reconnect attempt).
 */
public final class NatsConnections {
    /** How long an idle reader or dispatcher thread is kept for reuse, as jnats keeps its own. */
    private static final long IDLE_THREAD_MILLIS = 500;
    /** The scheduler's threads: ping timer, cleanup timer, write timeout watch (jnats's own count). */
    private static final int SCHEDULER_THREADS = 3;
    private static final String DEFAULT_THREAD_PREFIX = "msghandler-nats";
    /** NATS's default max_payload, assumed when no connection tells the real one. */
    public static final long DEFAULT_MAX_PAYLOAD = 1024 * 1024;

    private NatsConnections() {
    }

    /**
     * Connects with the given options, replacing their executor and scheduler with ones that end with the
     * connection; a connection listener in the options still hears every event.
     *
     * @throws IOException when no server could be reached
     */
    public static Connection connect(Options options) throws IOException, InterruptedException {
        String prefix = options.getConnectionName() == null || options.getConnectionName().isBlank()
                ? DEFAULT_THREAD_PREFIX : options.getConnectionName();
        ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD_MILLIS,
                TimeUnit.MILLISECONDS, new SynchronousQueue<>(), threadsNamed(prefix));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS,
                threadsNamed(prefix + "-timer"));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        ConnectionListener given = options.getConnectionListener();
        Options owned = new Options.Builder(options)
                .executor(executor)
                .scheduledExecutor(scheduler)
                .connectionListener((connection, event) -> {
                    if (given != null) {
                        given.connectionEvent(connection, event);
                    }
                    if (event == ConnectionListener.Events.CLOSED) {
                        executor.shutdown();
                        scheduler.shutdown();
                    }
                })
                .build();
        try {
            return Nats.connect(owned);
        } catch (IOException | InterruptedException | RuntimeException e) {
            executor.shutdownNow();
            scheduler.shutdownNow();
            throw e;
        }
    }

    /**
     * The largest message the connection's server takes, envelope and NATS headers together; NATS's default when
     * there is no connection or it has not heard from a server yet. A larger message makes the server close the
     * connection.
     */
    public static long maxPayload(Connection connection) {
        return connection == null || connection.getServerInfo() == null ? DEFAULT_MAX_PAYLOAD
                : connection.getServerInfo().getMaxPayload();
    }

    private static ThreadFactory threadsNamed(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, prefix + ":" + count.incrementAndGet());
    }
}
