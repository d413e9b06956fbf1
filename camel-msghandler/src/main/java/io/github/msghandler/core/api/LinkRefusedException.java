package io.github.msghandler.core.api;

/**
 * A link payload's URL is not one this receiver fetches: a scheme other than http, https or nats-os, or a URL that
 * is not absolute. Nothing was fetched.
 */
public class LinkRefusedException extends BrokenMessageException {
    private static final long serialVersionUID = 1L;

    private final String url;

    public LinkRefusedException(String url, String reason) {
        super("refused link '" + url + "': " + reason);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
