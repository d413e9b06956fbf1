package io.github.msghandler.core.store;

import java.time.Duration;

/**
 * The retry schedule of wire format section 7: up to {@code maxRetries} attempts; before attempt n+1 wait
 * {@code min(baseDelay * 2^(n-1), maxDelay)}.
 *
 * @param maxRetries attempts in all, at least 1 (original msghandler default 5)
 * @param baseDelay the wait before the second attempt (original msghandler default 100 ms)
 * @param maxDelay the longest single wait (original msghandler default 5000 ms)
 */
public record Backoff(int maxRetries, Duration baseDelay, Duration maxDelay) {
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final long DEFAULT_BASE_DELAY_MILLIS = 100;
    public static final long DEFAULT_MAX_DELAY_MILLIS = 5000;
    /** The original msghandler's defaults: 5 attempts, 100 ms, 5000 ms. */
    public static final Backoff DEFAULT = new Backoff(DEFAULT_MAX_RETRIES, Duration.ofMillis(DEFAULT_BASE_DELAY_MILLIS),
            Duration.ofMillis(DEFAULT_MAX_DELAY_MILLIS));

    public Backoff {
        if (maxRetries < 1) {
            throw new IllegalArgumentException("maxRetries must be at least 1, was " + maxRetries);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /**
     * The wait before attempt number {@code attempt} (1-based); zero before the first.
     */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        int doublings = attempt - 2;
        long base = baseDelay.toMillis();
        long delay = doublings >= 62 || base > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : base << doublings;
        return Duration.ofMillis(Math.min(delay, maxDelay.toMillis()));
    }
}
