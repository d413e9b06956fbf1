package io.github.msghandler.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Fetches {@code http} and {@code https} links with a plain GET, as every peer does: Plik download URLs, plain file
 * servers, presigned object-store URLs. Streams the body to the target. Classifies failures per wire format
 * section 7.
 */
public final class HttpLinkDownloader implements LinkDownloader {
    /** Connection timeout used when none is given. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    /** A downloader with its own HTTP client and the default connection timeout. */
    public HttpLinkDownloader() {
        this(defaultClient());
    }

    public HttpLinkDownloader(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** An HTTP client that follows same-or-safer redirects, for stores and downloaders that need one. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public void download(URI link, OutputStream target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(link).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + link);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw LinkDownloadException.forHttpStatus("GET", link, response.statusCode());
            }
            body.transferTo(target);
        }
    }
}
