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

    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, long[]> slowFiles = new ConcurrentHashMap<>();

    private FileTestServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        // one thread per request, so a stalled answer does not hold up the others
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** GET {@code path} answers 302 with {@code Location: location}. */
    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /**
     * GET {@code path} sends the file {@code chunks} pieces at a time, waiting {@code gapMillis} between pieces;
     * with {@code chunks} = 1 it sends half and then stalls for {@code gapMillis}.
     */
    public void slow(String path, int chunks, long gapMillis) {
        slowFiles.put(path, new long[] {chunks, gapMillis});
    }

    public static FileTestServer start() {
        return start(0);
    }

    /** A server on the given port (0: a free one), for a test that takes a server down and brings it back. */
    public static FileTestServer start(int port) {
        try {
            return new FileTestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * An HTTPS file server with the given server TLS context (a test certificate).
     */
    public static FileTestServer startHttps(javax.net.ssl.SSLContext tls) {
        try {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                    new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            return new FileTestServer(https);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, or https for a server from {@link #startHttps}. */
    public String url() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
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
                    if (redirects.containsKey(path)) {
                        exchange.getResponseHeaders().set("Location", redirects.get(path));
                        exchange.sendResponseHeaders(302, -1);
                        break;
                    }
                    byte[] file = files.get(path);
                    if (file == null) {
                        exchange.sendResponseHeaders(404, -1);
                        break;
                    }
                    exchange.sendResponseHeaders(200, file.length == 0 ? -1 : file.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        write(out, file, slowFiles.get(path));
                    }
                    break;
                default:
                    exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private static void write(OutputStream out, byte[] file, long[] slow) throws IOException {
        if (slow == null) {
            out.write(file);
            return;
        }
        int chunks = (int) slow[0];
        int pieces = Math.max(chunks, 2);
        int size = (file.length + pieces - 1) / pieces;
        for (int i = 0, offset = 0; offset < file.length; i++, offset += size) {
            out.write(file, offset, Math.min(size, file.length - offset));
            out.flush();
            try {
                Thread.sleep(slow[1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
