package io.github.msghandler.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP file server on loopback (the JDK's): PUT stores a file, GET serves it. It can be told to fail the
 * next GETs with a status, to exercise backoff.
 */
public final class FileTestServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger getCount = new AtomicInteger();
    private volatile int failureStatus = 503;

    private FileTestServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static FileTestServer start() {
        try {
            return new FileTestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} at {@code path} (which starts with a slash). */
    public void put(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    /** The next {@code count} GETs answer {@code status} instead of the file. */
    public void failNextGets(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    public int getCount() {
        return getCount.get();
    }

    public int fileCount() {
        return files.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            switch (exchange.getRequestMethod()) {
                case "PUT":
                    try (InputStream body = exchange.getRequestBody()) {
                        files.put(path, body.readAllBytes());
                    }
                    exchange.sendResponseHeaders(201, -1);
                    break;
                case "GET":
                    getCount.incrementAndGet();
                    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        exchange.sendResponseHeaders(failureStatus, -1);
                        break;
                    }
                    byte[] file = files.get(path);
                    if (file == null) {
                        exchange.sendResponseHeaders(404, -1);
                        break;
                    }
                    exchange.sendResponseHeaders(200, file.length == 0 ? -1 : file.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(file);
                    }
                    break;
                default:
                    exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
