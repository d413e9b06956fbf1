package io.github.msghandler.core.store;

import io.github.msghandler.core.api.ClaimCheckStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Claim-check store on a plain HTTP file server that accepts {@code PUT} (nginx with WebDAV, a MinIO or S3 bucket
 * with a public-write policy, your own service): uploads to {@code <base>/<id>/<dataname>} and hands out the same
 * URL for a plain {@code GET}. Python's {@code http.server} serves GET only, so it can serve links but not take
 * uploads.
 */
public final class HttpClaimCheckStore implements ClaimCheckStore {
    private final URI baseUrl;
    private final HttpClient client;
    private final HttpLinkDownloader downloader;

    public HttpClaimCheckStore(URI baseUrl) {
        this(baseUrl, HttpUrls.defaultClient());
    }

    public HttpClaimCheckStore(URI baseUrl, HttpClient client) {
        this.baseUrl = HttpUrls.requireHttpBase(baseUrl);
        this.client = Objects.requireNonNull(client, "client");
        // downloads trust what the uploads trust
        this.downloader = new HttpLinkDownloader(LinkPolicy.ANY_HOST, HttpLinkDownloader.DEFAULT_READ_TIMEOUT,
                this.client.sslContext());
    }

    @Override
    public URI upload(ClaimCheckKey key, InputStream content, long size) throws IOException {
        URI target = HttpUrls.resolve(baseUrl, PathSegment.encode(key.id()) + "/" + PathSegment.encode(key.dataname()));
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpUrls.streamingBody(content, size))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading to " + target);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ClaimCheckStoreException("PUT " + target + " answered HTTP " + response.statusCode()
                    + "; the file server must accept PUT uploads for the http claim-check store");
        }
        return target;
    }

    @Override
    public void download(URI link, OutputStream target) throws IOException {
        downloader.download(link, target);
    }

    @Override
    public String toString() {
        return "HttpClaimCheckStore[" + baseUrl + "]";
    }
}
