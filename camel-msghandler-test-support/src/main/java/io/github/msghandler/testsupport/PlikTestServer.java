package io.github.msghandler.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-test server that follows Plik's documented API (there is no Plik binary here):
 * {@code POST /upload} creates an upload and answers its {@code id} and {@code uploadToken};
 * {@code POST /file/<uploadId>} takes a multipart part named {@code file} with {@code X-UploadToken} and answers
 * the file's {@code id}; {@code GET /file/<uploadId>/<fileId>/<fileName>} serves it. A one-shot file is marked
 * consumed before it is streamed, as Plik does, so a second GET is a 404.
 */
public final class PlikTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private volatile JsonNode lastUploadRequest;

    private static final class Upload {
        final String token = UUID.randomUUID().toString();
        final boolean oneShot;
        final Map<String, byte[]> files = new ConcurrentHashMap<>();

        Upload(boolean oneShot) {
            this.oneShot = oneShot;
        }
    }

    private PlikTestServer(HttpServer server) {
        this.server = server;
        server.createContext("/upload", this::createUpload);
        server.createContext("/file/", this::file);
        server.start();
    }

    public static PlikTestServer start() {
        try {
            return new PlikTestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JSON body of the last {@code POST /upload}. */
    public JsonNode lastUploadRequest() {
        return lastUploadRequest;
    }

    private void createUpload(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            lastUploadRequest = request;
            String id = UUID.randomUUID().toString().substring(0, 16);
            Upload upload = new Upload(request.path("oneShot").asBoolean(false));
            uploads.put(id, upload);
            respondJson(exchange, Map.of("id", id, "uploadToken", upload.token, "oneShot", upload.oneShot,
                    "ttl", request.path("ttl").asLong(0)));
        }
    }

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getRawPath().split("/");
            // ["", "file", uploadId, fileId?, fileName?]
            Upload upload = parts.length > 2 ? uploads.get(parts[2]) : null;
            if (upload == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && parts.length == 3) {
                if (!upload.token.equals(exchange.getRequestHeaders().getFirst("X-UploadToken"))) {
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                String fileId = UUID.randomUUID().toString().substring(0, 16);
                Multipart part = Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestBody());
                upload.files.put(fileId, part.content);
                respondJson(exchange, Map.of("id", fileId, "fileName", part.fileName,
                        "fileSize", part.content.length, "status", "uploaded"));
            } else if (exchange.getRequestMethod().equals("GET") && parts.length == 5) {
                byte[] content = upload.oneShot ? upload.files.remove(parts[3]) : upload.files.get(parts[3]);
                if (content == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private static void respondJson(HttpExchange exchange, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** The one part of a multipart/form-data body that Plik reads: the one named {@code file}. */
    private static final class Multipart {
        final String fileName;
        final byte[] content;

        private Multipart(String fileName, byte[] content) {
            this.fileName = fileName;
            this.content = content;
        }

        static Multipart parse(String contentType, InputStream body) throws IOException {
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            byte[] bytes = body.readAllBytes();
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            int headerStart = latin.indexOf("--" + boundary) + boundary.length() + 4;
            int headerEnd = latin.indexOf("\r\n\r\n", headerStart);
            String headers = new String(bytes, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            if (!headers.contains("name=\"file\"")) {
                throw new IOException("no part named file");
            }
            int nameStart = headers.indexOf("filename=\"") + "filename=\"".length();
            String fileName = headers.substring(nameStart, headers.indexOf('"', nameStart));
            int dataStart = headerEnd + 4;
            int dataEnd = latin.lastIndexOf("\r\n--" + boundary + "--");
            byte[] content = new byte[dataEnd - dataStart];
            System.arraycopy(bytes, dataStart, content, 0, content.length);
            return new Multipart(fileName, content);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
