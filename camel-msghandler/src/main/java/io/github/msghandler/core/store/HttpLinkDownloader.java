package io.github.msghandler.core.store;


import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches {@code http} and {@code https} links with a plain GET, as every peer does: Plik download URLs, plain file
 * servers, presigned object-store URLs. Streams the body to the target.
 *
 * <p>Built on {@link HttpURLConnection} for two guarantees: a timeout on each read (a slow but steady transfer
 * never times out, a stalled one does) and redirects followed by hand, each target checked against the
 * {@link LinkPolicy} before it is requested. Failures are classified per wire format section 7.
 */
public final class HttpLinkDownloader implements LinkDownloader {
    /** Connection timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest wait for the next bytes when none is configured. */
    public static final long DEFAULT_READ_TIMEOUT_MILLIS = 30_000;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(DEFAULT_READ_TIMEOUT_MILLIS);
    /** Redirects followed for one link at the most. */
    public static final int MAX_REDIRECTS = 5;
    private static final int ERROR_SUMMARY_BYTES = 512;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final LinkPolicy policy;
    private final Duration readTimeout;
    private final SSLSocketFactory tls;

    /** Any host but link-local and metadata addresses, 30 s read timeout, the JVM's trust store. */
    public HttpLinkDownloader() {
        this(LinkPolicy.ANY_HOST, DEFAULT_READ_TIMEOUT, null);
    }

    /**
     * @param sslContext for https links, or null for the JVM's default (its trust store)
     */
    public HttpLinkDownloader(LinkPolicy policy, Duration readTimeout, SSLContext sslContext) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.tls = sslContext == null ? null : sslContext.getSocketFactory();
    }

    /**
     * The start of an error answer's body, on one line: S3 says why a presigned link failed there ("Request has
     * expired"), which the status alone does not.
     */
    private static String errorSummary(HttpURLConnection connection) {
        try (InputStream error = connection.getErrorStream()) {
            if (error == null) {
                return "";
            }
            String text = new String(error.readNBytes(ERROR_SUMMARY_BYTES), java.nio.charset.StandardCharsets.UTF_8);
            return text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void download(URI link, OutputStream target) throws IOException {
        URI current = link;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = open(current);
            try {
                int status = connection.getResponseCode();
                if (REDIRECTS.contains(status)) {
                    String location = connection.getHeaderField("Location");
                    if (location == null || redirects >= MAX_REDIRECTS) {
                        throw new LinkDownloadException("GET " + current + " answered HTTP " + status + (location == null
                                ? " without a Location" : " after " + MAX_REDIRECTS + " redirects"), false);
                    }
                    // a redirect is a new link: the same policy decides whether to follow it
                    current = policy.check(current.resolve(location));
                    continue;
                }
                if (status / 100 != 2) {
                    throw LinkDownloadException.forHttpStatus("GET", current, status, errorSummary(connection));
                }
                try (InputStream body = connection.getInputStream()) {
                    body.transferTo(target);
                }
                return;
            } finally {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection open(URI uri) throws IOException {
        URLConnection connection = uri.toURL().openConnection();
        if (!(connection instanceof HttpURLConnection)) {
            throw new LinkDownloadException("not an HTTP link: " + uri, false);
        }
        HttpURLConnection http = (HttpURLConnection) connection;
        http.setInstanceFollowRedirects(false);
        http.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        http.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        http.setUseCaches(false);
        if (tls != null && http instanceof HttpsURLConnection) {
            ((HttpsURLConnection) http).setSSLSocketFactory(tls);
        }
        return http;
    }
}
