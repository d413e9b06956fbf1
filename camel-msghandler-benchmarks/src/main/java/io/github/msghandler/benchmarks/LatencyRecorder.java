package io.github.msghandler.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One-way latencies (send and receive in this JVM, so one clock) and the time the last message arrived. */
final class LatencyRecorder {
    private final long[] latencies;
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch done;
    private volatile long lastArrival;

    LatencyRecorder(int messages) {
        this.latencies = new long[messages];
        this.done = new CountDownLatch(messages);
    }

    /** @param sentNanos the System.nanoTime() the sender wrote into the message */
    void arrived(long sentNanos) {
        long now = System.nanoTime();
        int index = received.getAndIncrement();
        if (index < latencies.length) {
            latencies[index] = now - sentNanos;
            lastArrival = now;
            done.countDown();
        }
    }

    boolean await(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    /**
     * Waits until every message arrived or none arrived for {@code quietSeconds}: core NATS is at-most-once, and a
     * message lost (by any implementation) must not stall the run.
     *
     * @return how many arrived
     */
    int awaitAllOrQuiet(long quietSeconds) throws InterruptedException {
        int seen = -1;
        while (received() < latencies.length && received() != seen) {
            seen = received();
            await(quietSeconds);
        }
        return received();
    }

    long lastArrival() {
        return lastArrival;
    }

    int received() {
        return Math.min(received.get(), latencies.length);
    }

    /** The latency at a percentile (0 to 100) in microseconds, over the messages received. */
    double percentileMicros(double percentile) {
        long[] sorted = Arrays.copyOf(latencies, received());
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
