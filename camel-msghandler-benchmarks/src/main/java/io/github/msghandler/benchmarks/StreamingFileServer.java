package io.github.msghandler.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;

/**
 * A plain HTTP file server on loopback that keeps files on disk, so that a large payload stored on it does not sit
 * in the heap the benchmark measures: PUT writes the body to a file, GET streams it back.
 */
final class StreamingFileServer implements AutoCloseable {
    private final HttpServer server;
    private final Path directory;

    StreamingFileServer(Path directory) throws IOException {
        this.directory = directory;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // one flat directory: the request path, made into a file name
            Path file = directory.resolve(exchange.getRequestURI().getRawPath().replaceAll("[^A-Za-z0-9._-]", "_"));
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    exchange.sendResponseHeaders(201, -1);
                }
                case "GET" -> {
                    if (!Files.exists(file)) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.sendResponseHeaders(200, Files.size(file));
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(file, out);
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
