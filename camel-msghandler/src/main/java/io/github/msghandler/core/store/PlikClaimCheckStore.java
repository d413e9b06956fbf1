package io.github.msghandler.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.core.api.ClaimCheckStoreException;
import io.github.msghandler.core.wire.WireJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Claim-check store on a <a href="https://github.com/root-gg/plik">Plik</a> server, the original msghandler's default upload
 * handler: {@code POST /upload} creates an upload, {@code POST /file/<uploadId>} streams the file as multipart
 * with the upload token, and the link is {@code <server>/file/<uploadId>/<fileId>/<fileName>}.
 *
 * <p>Uploads default to a TTL, not to one-shot: Plik marks a one-shot file consumed before it streams it, so a
 * download that fails half-way, or a retried one, loses the payload for good. One-shot (the original msghandler's
 * {@code plik_oneshot_upload}) stays available for peers that need it.
 */
public final class PlikClaimCheckStore implements ClaimCheckStore {
    /** How long an upload lives when no TTL is configured. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private final URI serverUrl;
    private final boolean oneShot;
    private final Duration ttl;
    private final String token;
    private final HttpClient client;
    private final HttpLinkDownloader downloader;

    private PlikClaimCheckStore(Builder builder) {
        this.serverUrl = HttpUrls.requireHttpBase(builder.serverUrl);
        this.oneShot = builder.oneShot;
        this.ttl = builder.ttl;
        this.token = builder.token;
        this.client = builder.client == null ? HttpUrls.defaultClient() : builder.client;
        // downloads trust what the uploads trust
        this.downloader = new HttpLinkDownloader(LinkPolicy.ANY_HOST, HttpLinkDownloader.DEFAULT_READ_TIMEOUT,
                this.client.sslContext());
    }

    public static Builder builder(URI serverUrl) {
        return new Builder(serverUrl);
    }

    @Override
    public URI upload(ClaimCheckKey key, InputStream content, long size) throws IOException {
        JsonNode upload = createUpload();
        String uploadId = requiredText(upload, "id", "POST /upload");
        String uploadToken = requiredText(upload, "uploadToken", "POST /upload");
        JsonNode file = uploadFile(uploadId, uploadToken, key.dataname(), content);
        String fileId = requiredText(file, "id", "POST /file");
        return HttpUrls.resolve(serverUrl, "file/" + PathSegment.encode(uploadId) + "/" + PathSegment.encode(fileId)
                + "/" + PathSegment.encode(key.dataname()));
    }

    private JsonNode createUpload() throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("oneShot", oneShot);
        options.put("ttl", ttl.toSeconds());
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpUrls.resolve(serverUrl, "upload"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.mapper().writeValueAsBytes(options)));
        if (token != null) {
            request.header("X-PlikToken", token);
        }
        return send(request.build(), "POST /upload");
    }

    private JsonNode uploadFile(String uploadId, String uploadToken, String fileName, InputStream content)
            throws IOException {
        String boundary = "msghandler-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(fileName) + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                new UnclosedInputStream(content),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        HttpUrls.resolve(serverUrl, "file/" + PathSegment.encode(uploadId)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-UploadToken", uploadToken)
                .POST(HttpUrls.streamingBody(body, -1));
        if (token != null) {
            request.header("X-PlikToken", token);
        }
        return send(request.build(), "POST /file");
    }

    private static String quoted(String fileName) {
        return fileName.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
    }

    private JsonNode send(HttpRequest request, String step) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during Plik " + step);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ClaimCheckStoreException("Plik " + step + " at " + serverUrl + " answered HTTP "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8).strip());
        }
        try {
            return WireJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new ClaimCheckStoreException("Plik " + step + " at " + serverUrl + " did not answer JSON", e);
        }
    }

    private String requiredText(JsonNode node, String field, String step) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new ClaimCheckStoreException("Plik " + step + " at " + serverUrl + " answered without '" + field
                    + "'; is this a Plik server?");
        }
        return value.textValue();
    }

    @Override
    public void download(URI link, OutputStream target) throws IOException {
        downloader.download(link, target);
    }

    @Override
    public String toString() {
        return "PlikClaimCheckStore[" + serverUrl + ", oneShot=" + oneShot + ", ttl=" + ttl + "]";
    }

    /** Builder for {@link PlikClaimCheckStore}. */
    public static final class Builder {
        private final URI serverUrl;
        private boolean oneShot;
        private Duration ttl = DEFAULT_TTL;
        private String token;
        private HttpClient client;

        private Builder(URI serverUrl) {
            this.serverUrl = serverUrl;
        }

        /** One-shot uploads, deleted by Plik after their first download. Default false: see the class doc. */
        public Builder oneShot(boolean oneShot) {
            this.oneShot = oneShot;
            return this;
        }

        /** How long Plik keeps an upload; default 24 hours. The server's own maximum TTL still applies. */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** A Plik user token ({@code X-PlikToken}) for servers that require authentication. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The HTTP client to use; by default one of a client with a 10 s connect timeout. */
        public Builder httpClient(HttpClient client) {
            this.client = client;
            return this;
        }

        public PlikClaimCheckStore build() {
            return new PlikClaimCheckStore(this);
        }
    }
}
