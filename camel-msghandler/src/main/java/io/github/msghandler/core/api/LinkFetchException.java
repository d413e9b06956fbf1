package io.github.msghandler.core.api;

/**
 * A link payload could not be fetched: every attempt of the backoff failed, or an attempt failed in a way that
 * retrying cannot mend (a 404, say). Names the URL, the attempts made and the last cause.
 */
public class LinkFetchException extends MsgHandlerException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int attempts;

    public LinkFetchException(String url, int attempts, Throwable lastCause) {
        super("could not fetch link '" + url + "' after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + ": " + lastCause.getMessage(), lastCause);
        this.url = url;
        this.attempts = attempts;
    }

    public String url() {
        return url;
    }

    public int attempts() {
        return attempts;
    }
}
