package io.github.msghandler.core.store;

import java.io.IOException;

/**
 * One download attempt failed, and says whether another attempt can help (a 503 can, a 404 cannot).
 */
public class LinkDownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public LinkDownloadException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public LinkDownloadException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Wire format section 7: a 4xx other than 408 and 429 is final; 408, 429 and 5xx are worth retrying.
     *
     * @param detail what the server said in its answer's body, or empty
     */
    public static LinkDownloadException forHttpStatus(String method, Object url, int status, String detail) {
        boolean retryable = status >= 500 || status == 408 || status == 429;
        return new LinkDownloadException(method + " " + url + " answered HTTP " + status
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), retryable);
    }
}
