package io.github.msghandler.core.store;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;

/** URL and request-body helpers shared by the HTTP-based stores. */
final class HttpUrls {
    private HttpUrls() {
    }

    /** The HTTP client of the stores' uploads when none is given. */
    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * @throws IllegalArgumentException unless the URL is an absolute http or https URL
     */
    static URI requireHttpBase(URI url) {
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("a file server URL must be an absolute http or https URL: " + url);
        }
        return url;
    }

    /** {@code base} joined with an already-encoded relative path, with exactly one slash between them. */
    static URI resolve(URI base, String encodedPath) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + encodedPath);
    }

    /** A request body read from the stream as the request is sent; the stream is not closed by the client. */
    static HttpRequest.BodyPublisher streamingBody(InputStream content, long size) {
        if (size == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new UnclosedInputStream(content));
        return size > 0 ? HttpRequest.BodyPublishers.fromPublisher(publisher, size) : publisher;
    }

}
