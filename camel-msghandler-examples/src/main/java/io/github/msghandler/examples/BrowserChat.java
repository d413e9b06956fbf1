package io.github.msghandler.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.ReceivedPayload;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The browser chat: a web page (camel-msghandler-peers/browser, bundled with nats.ws) that talks over the broker's
 * WebSocket port to a Camel route. The route answers each payload on {@value #OUT}: a text with a text, a table
 * with the table and a column of its own, an image with the image, any other file with a line about it and the
 * file itself (by link when it is 500 KB or more, which the page fetches from the Object Store).
 */
public final class BrowserChat implements AutoCloseable {
    public static final String IN = "browser.chat.in";
    public static final String OUT = "browser.chat.out";

    /** A payload the route received from the page: its text or table rows as the value, else null. */
    public record Received(String dataname, String type, String transport, String sha256, Object value) {
    }

    private final CamelContext camel;
    private final HttpServer pageServer;
    private final String webSocketUrl;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private BrowserChat(CamelContext camel, HttpServer pageServer, String webSocketUrl) {
        this.camel = camel;
        this.pageServer = pageServer;
        this.webSocketUrl = webSocketUrl;
    }

    /**
     * @param pageDir  the built page: index.html and app.js
     * @param httpPort where to serve it on loopback; 0 for any free port
     */
    public static BrowserChat start(String brokerUrl, String webSocketUrl, Path pageDir, int httpPort)
            throws Exception {
        for (String file : List.of("index.html", "app.js")) {
            if (!Files.isRegularFile(pageDir.resolve(file))) {
                throw new IllegalStateException("The browser page is not built (no " + pageDir.resolve(file)
                        + "): build it with mvn -B -pl camel-msghandler-peers -am -DskipTests install, which needs "
                        + "Node.js and npm.");
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        server.createContext("/", exchange -> servePage(exchange, pageDir));
        server.start();
        CamelContext camel = new DefaultCamelContext();
        BrowserChat chat = new BrowserChat(camel, server, webSocketUrl);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:" + IN + "?brokerUrl=" + brokerUrl).routeId("browser-chat")
                        .process(chat::answer)
                        .to("msghandler:" + OUT + "?senderName=camel-route&brokerUrl=" + brokerUrl);
            }
        });
        camel.start();
        return chat;
    }

    private static void servePage(HttpExchange exchange, Path pageDir) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String file = path.equals("/") || path.equals("/index.html") ? "index.html"
                : path.equals("/app.js") ? "app.js" : null;
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] content = Files.readAllBytes(pageDir.resolve(file));
        exchange.getResponseHeaders().set("Content-Type",
                file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    /** One answer per payload of the page's envelope, in one envelope back. */
    private void answer(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        List<Message> parts = new ArrayList<>();
        if (body instanceof List<?> list) {
            list.forEach(part -> parts.add((Message) part));
        } else {
            parts.add(exchange.getMessage());
        }
        List<Payload> answers = new ArrayList<>();
        for (Message part : parts) {
            ReceivedPayload payload = part.getBody(ReceivedPayload.class);
            String name = payload.dataname();
            switch (payload.type()) {
                case TEXT -> {
                    String text = part.getBody(String.class);
                    record(payload, text);
                    answers.add(Payload.of("reply_text", "Camel received: " + text, "text"));
                }
                case JSONTABLE -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> rows = part.getBody(List.class);
                    record(payload, rows);
                    List<Map<String, Object>> checked = new ArrayList<>();
                    for (Map<String, Object> row : rows) {
                        Map<String, Object> copy = new LinkedHashMap<>(row);
                        copy.put("checked_by", "camel");
                        checked.add(copy);
                    }
                    answers.add(Payload.of("checked_" + name, checked, "jsontable"));
                }
                case IMAGE -> {
                    record(payload, null);
                    Object contentType = payload.metadata().getOrDefault("content_type", "image/png");
                    answers.add(Payload.of("echo_" + name, payload.bytes(), "image")
                            .withMetadata("content_type", contentType));
                }
                default -> {
                    record(payload, null);
                    answers.add(Payload.of("reply_text", "Camel received " + name + ": " + payload.size()
                            + " bytes by " + payload.transport().wireName() + ", sha256 " + payload.sha256(), "text"));
                    answers.add(Payload.of("echo_" + name, payload.bytes(), payload.type().wireName()));
                }
            }
        }
        exchange.getMessage().setBody(answers);
    }

    private void record(ReceivedPayload payload, Object value) {
        received.add(new Received(payload.dataname(), payload.type().wireName(), payload.transport().wireName(),
                payload.sha256(), value));
    }

    /** What the route received from the page, in order. */
    public BlockingQueue<Received> received() {
        return received;
    }

    /** The page's address, with the broker's WebSocket URL in it. */
    public String pageUrl() {
        return "http://127.0.0.1:" + pageServer.getAddress().getPort() + "/?ws=" + webSocketUrl;
    }

    @Override
    public void close() {
        camel.stop();
        pageServer.stop(0);
    }
}
