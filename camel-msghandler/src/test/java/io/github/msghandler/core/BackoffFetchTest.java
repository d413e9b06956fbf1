package io.github.msghandler.core;

import io.github.msghandler.core.api.LinkFetchException;
import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.store.Backoff;
import io.github.msghandler.testsupport.FileTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Link fetching with exponential backoff, exactly as wire format section 7, against a real HTTP server. */
class BackoffFetchTest {
    private static final byte[] CONTENT = "payload behind a flaky server".getBytes(StandardCharsets.UTF_8);
    private FileTestServer server;

    @BeforeEach
    void start() {
        server = FileTestServer.start();
        server.put("/flaky/file", CONTENT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String envelopeLinkingTo(String path) {
        return "{\"payloads\":[{\"id\":\"p\",\"dataname\":\"doc\",\"payload_type\":\"text\",\"transport\":\"link\","
                + "\"encoding\":\"none\",\"size\":" + CONTENT.length + ",\"data\":\"" + server.url() + path + "\"}]}";
    }

    private UnpackedEnvelope fetch(String path, int maxRetries) {
        return MsgHandler.smartunpack(envelopeLinkingTo(path).getBytes(StandardCharsets.UTF_8),
                UnpackOptions.builder().maxRetries(maxRetries).baseDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(40)).build());
    }

    @Test
    void delaysDoubleFromBaseAndStopAtMax() {
        Backoff backoff = new Backoff(7, Duration.ofMillis(100), Duration.ofMillis(500));
        List<Long> delays = List.of(1, 2, 3, 4, 5, 6, 7).stream()
                .map(n -> backoff.delayBefore(n).toMillis()).toList();
        assertEquals(List.of(0L, 100L, 200L, 400L, 500L, 500L, 500L), delays);
        assertEquals(Duration.ofMillis(5000), Backoff.DEFAULT.delayBefore(40), "no overflow on many attempts");
    }

    @ParameterizedTest(name = "HTTP {0} twice, then the file")
    @ValueSource(ints = {503, 500, 408, 429})
    void serverThatFailsTwiceThenAnswersIsFetched(int status) {
        server.failNextGets(2, status);

        UnpackedEnvelope unpacked = fetch("/flaky/file", 5);

        assertEquals("payload behind a flaky server", unpacked.payloads().get(0).value());
        assertEquals(3, server.getCount());
    }

    @Test
    void serverThatAlwaysFailsGivesUpAfterTheConfiguredAttempts() {
        server.failNextGets(Integer.MAX_VALUE, 503);

        LinkFetchException e = assertThrows(LinkFetchException.class, () -> fetch("/flaky/file", 4));

        assertEquals(4, e.attempts());
        assertEquals(4, server.getCount());
        assertEquals(server.url() + "/flaky/file", e.url());
        assertTrue(e.getMessage().contains("after 4 attempts") && e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void clientErrorIsFinalAtOnce() {
        LinkFetchException e = assertThrows(LinkFetchException.class, () -> fetch("/no/such/file", 5));

        assertEquals(1, e.attempts());
        assertEquals(1, server.getCount());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void connectionRefusedIsRetriedThenNamed() {
        String deadUrl = server.url();
        server.close();
        String json = envelopeLinkingTo("/flaky/file").replace(server.url(), deadUrl);

        LinkFetchException e = assertThrows(LinkFetchException.class, () -> MsgHandler.smartunpack(
                json.getBytes(StandardCharsets.UTF_8), UnpackOptions.builder().maxRetries(3)
                        .baseDelay(Duration.ofMillis(5)).build()));

        assertEquals(3, e.attempts());
        server = FileTestServer.start();
    }

    @Test
    void linkDeliveringMoreThanItsSizeIsCutOffAndRefused() {
        server.put("/flaky/file", (new String(CONTENT, StandardCharsets.UTF_8) + " and more").getBytes(
                StandardCharsets.UTF_8));

        PayloadIntegrityException e = assertThrows(PayloadIntegrityException.class, () -> fetch("/flaky/file", 5));

        assertTrue(e.getMessage().contains("more than the declared size"), e.getMessage());
        assertEquals(1, server.getCount(), "an integrity failure is not retried");
    }
}
