package io.github.msghandler.core.store;

import io.github.msghandler.core.api.LinkFetchException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Objects;

/**
 * Fetches a link with a {@link LinkDownloader} on the {@link Backoff} schedule. Each attempt writes to a fresh
 * target, so a half-finished attempt never mixes with the next.
 */
public final class RetryingFetcher {

    /** Where one attempt writes; {@link #begin()} discards what an earlier attempt wrote. */
    @FunctionalInterface
    public interface AttemptTarget {
        OutputStream begin() throws IOException;
    }

    private final LinkDownloader downloader;
    private final Backoff backoff;
    private final RetryListener retryListener;

    public RetryingFetcher(LinkDownloader downloader, Backoff backoff, RetryListener retryListener) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
    }

    /** The downloader each attempt uses, for asking about a link without fetching it. */
    public LinkDownloader downloader() {
        return downloader;
    }

    /**
     * @throws LinkFetchException naming the URL, the attempts and the last cause, once retrying is over
     */
    public void fetch(URI link, AttemptTarget target) {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= backoff.maxRetries(); attempt++) {
            if (lastFailure != null) {
                retryListener.retrying(link, attempt, lastFailure);
            }
            sleep(backoff.delayBefore(attempt).toMillis(), link, attempt, lastFailure);
            try {
                OutputStream out = target.begin();
                downloader.download(link, out);
                out.flush();
                return;
            } catch (InterruptedIOException e) {
                // SocketTimeoutException is an InterruptedIOException too, but a stalled read is worth a retry
                if (!(e instanceof SocketTimeoutException)) {
                    Thread.currentThread().interrupt();
                    throw new LinkFetchException(link.toString(), attempt, e);
                }
                lastFailure = e;
            } catch (LinkDownloadException e) {
                lastFailure = e;
                if (!e.isRetryable()) {
                    throw new LinkFetchException(link.toString(), attempt, e);
                }
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new LinkFetchException(link.toString(), backoff.maxRetries(), lastFailure);
    }

    private static void sleep(long millis, URI link, int attempt, IOException lastFailure) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            if (lastFailure != null) {
                interrupted.addSuppressed(lastFailure);
            }
            throw new LinkFetchException(link.toString(), attempt - 1, interrupted);
        }
    }
}
