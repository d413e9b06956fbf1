package io.github.msghandler.core.store;

import java.io.IOException;
import java.net.URI;

/** Told before each new attempt at a link after a failed one: what counts fetch retries listens here. */
@FunctionalInterface
public interface RetryListener {
    RetryListener NONE = (link, attempt, lastFailure) -> {
    };

    /**
     * @param attempt     the attempt about to start, 2 or more
     * @param lastFailure why the attempt before it failed
     */
    void retrying(URI link, int attempt, IOException lastFailure);
}
