package io.github.msghandler.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msghandler.examples.BrowserChat;
import io.github.msghandler.examples.ExampleData;
import io.github.msghandler.testsupport.NatsTestServer;
import io.github.msghandler.testsupport.Sha256Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser chat example in a real headless Chromium: the page (nats.ws over the broker's WebSocket port) sends
 * a text, a jsontable, an image from its file picker and a 700 KB file by link; the Camel route receives exactly
 * those payloads, and the page shows what the route sends back, the echoed file fetched from the Object Store.
 */
@Timeout(180)
class BrowserPageTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void thePageAndTheRouteExchangeTextATableAnImageAndALargeFile(@TempDir Path dir) throws Exception {
        byte[] png = ExampleData.png();
        Path image = Files.write(dir.resolve("avatar.png"), png);
        byte[] document = new byte[700_000];
        new Random(15).nextBytes(document);
        Path file = Files.write(dir.resolve("report.bin"), document);
        Path screenshot = PeerProcess.DIR.resolve("target").resolve("browser-page.png");

        try (NatsTestServer nats = NatsTestServer.startWithWebSocket();
             BrowserChat chat = BrowserChat.start(nats.url(), nats.webSocketUrl(),
                     PeerProcess.DIR.resolve("target").resolve("browser"), 0);
             PeerProcess chromium = PeerProcess.node("browser/drive.mjs", chat.pageUrl(), image.toString(),
                     file.toString(), screenshot.toString())) {
            JsonNode page = chromium.awaitJson("received", WAIT);
            assertEquals(0, chromium.waitFor(WAIT));

            List<BrowserChat.Received> atTheRoute = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                atTheRoute.add(chat.received().poll(10, TimeUnit.SECONDS));
            }
            assertEquals(new BrowserChat.Received("message_text", "text", "direct",
                    Sha256Hex.of("Hello from the browser!".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "Hello from the browser!"), atTheRoute.get(0));
            assertEquals("jsontable", atTheRoute.get(1).type());
            assertEquals(Interop.normalized(List.of(Map.of("city", "Oslo", "temperature", -3.5),
                            Map.of("city", "Lisbon", "temperature", 17))),
                    Interop.normalized(castRows(atTheRoute.get(1).value())));
            assertEquals(new BrowserChat.Received("avatar.png", "image", "direct", Sha256Hex.of(png), null),
                    atTheRoute.get(2));
            assertEquals(new BrowserChat.Received("report.bin", "binary", "link", Sha256Hex.of(document),
                    null), atTheRoute.get(3), "700 KB left the page by link, through the Object Store");

            assertEquals(List.of(), toList(page.get("errors")), "no error on the page");
            JsonNode shown = page.get("shown");
            assertEquals(5, shown.size(), shown.toString());
            assertEquals("Camel received: Hello from the browser!", shown.get(0).get("text").asText());
            assertEquals("[[\"city\",\"temperature\",\"checked_by\"],[\"Oslo\",\"-3.5\",\"camel\"],"
                    + "[\"Lisbon\",\"17\",\"camel\"]]", shown.get(1).get("rows").toString(), "the table, rendered");
            assertEquals("echo_avatar.png", shown.get(2).get("dataname").asText());
            assertEquals(Sha256Hex.of(png), shown.get(2).get("sha256").asText());
            assertTrue(shown.get(2).get("imageWidth").asInt() > 0, "the image is shown");
            assertTrue(shown.get(3).get("text").asText().contains(Sha256Hex.of(document)));
            assertEquals("echo_report.bin", shown.get(4).get("dataname").asText());
            assertEquals("link", shown.get(4).get("transport").asText(), "fetched from the Object Store by the page");
            assertEquals(Sha256Hex.of(document), shown.get(4).get("sha256").asText());
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castRows(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }
}
