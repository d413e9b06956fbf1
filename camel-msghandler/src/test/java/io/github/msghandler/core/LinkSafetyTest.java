package io.github.msghandler.core;

import io.github.msghandler.core.api.LinkFetchException;
import io.github.msghandler.core.api.LinkRefusedException;
import io.github.msghandler.core.store.LinkPolicy;
import io.github.msghandler.testsupport.FileTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The envelope's URL is attacker-controlled: allow-list, redirects, link-local addresses, stalled transfers. */
class LinkSafetyTest {
    private static final byte[] DATA = "link payload".getBytes(StandardCharsets.UTF_8);
    private FileTestServer server;

    @BeforeEach
    void start() {
        server = FileTestServer.start();
        server.put("/files/data", DATA);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] envelopeLinkingTo(String url, int size) {
        return ("{\"payloads\":[{\"dataname\":\"d\",\"payload_type\":\"binary\",\"transport\":\"link\",\"size\":"
                + size + ",\"data\":\"" + url + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private String port() {
        return String.valueOf(URI.create(server.url()).getPort());
    }

    @Test
    void redirectToAnAllowedHostIsFollowed() throws Exception {
        server.redirect("/moved", server.url() + "/files/data");

        UnpackedEnvelope unpacked = MsgHandler.smartunpack(envelopeLinkingTo(server.url() + "/moved", DATA.length),
                UnpackOptions.builder().allowedLinkHosts(List.of("127.0.0.1")).build());

        assertArrayEquals(DATA, unpacked.payloads().get(0).bytes());
    }

    @Test
    void redirectToAHostOutsideTheAllowListIsRefusedBeforeItIsRequested() {
        server.redirect("/moved", "http://localhost:" + port() + "/files/data");

        LinkRefusedException e = assertThrows(LinkRefusedException.class, () -> MsgHandler.smartunpack(
                envelopeLinkingTo(server.url() + "/moved", DATA.length),
                UnpackOptions.builder().allowedLinkHosts(List.of("127.0.0.1:" + port())).build()));

        assertTrue(e.getMessage().contains("localhost") && e.getMessage().contains("allowedLinkHosts"),
                e.getMessage());
        assertEquals(1, server.getCount(), "only the redirecting request was made");
    }

    @Test
    void redirectToTheCloudMetadataAddressIsRefusedEvenWhenAnyHostIsAllowed() {
        server.redirect("/moved", "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        LinkRefusedException e = assertThrows(LinkRefusedException.class, () -> MsgHandler.smartunpack(
                envelopeLinkingTo(server.url() + "/moved", 10), UnpackOptions.defaults()));

        assertTrue(e.getMessage().contains("link-local or cloud metadata"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "http://169.254.1.1:8080/x",
            "http://[fd00:ec2::254]/latest", "http://[fe80::1]/x"})
    void linkLocalAndMetadataLinksAreRefusedWithoutAnyRequest(String url) {
        assertThrows(LinkRefusedException.class, () -> MsgHandler.smartunpack(envelopeLinkingTo(url, 10),
                UnpackOptions.defaults()));
    }

    @Test
    void aLinkLocalHostListedByNameIsAllowedOnPurpose() {
        LinkPolicy policy = LinkPolicy.allowing(List.of("169.254.169.254"));

        assertEquals(URI.create("http://169.254.169.254/latest"), policy.check("http://169.254.169.254/latest"));
        assertThrows(LinkRefusedException.class, () -> policy.check("http://10.1.2.3/x"));
    }

    @Test
    void stalledTransferTimesOutPerReadAndIsRetried() {
        byte[] large = new byte[64 * 1024];
        server.put("/files/stalls", large);
        server.slow("/files/stalls", 1, 3_000);

        LinkFetchException e = assertThrows(LinkFetchException.class, () -> MsgHandler.smartunpack(
                envelopeLinkingTo(server.url() + "/files/stalls", large.length),
                UnpackOptions.builder().linkReadTimeout(Duration.ofMillis(300)).maxRetries(2)
                        .baseDelay(Duration.ofMillis(10)).build()));

        assertEquals(2, e.attempts());
        assertInstanceOf(SocketTimeoutException.class, e.getCause(), e.getMessage());
    }

    @Test
    void slowButSteadyTransferIsNotCutOffByTheReadTimeout() throws Exception {
        byte[] large = new byte[200_000];
        new Random(9).nextBytes(large);
        server.put("/files/trickles", large);
        server.slow("/files/trickles", 8, 150);   // 8 pieces, 150 ms apart: about 1.2 s in all

        UnpackedEnvelope unpacked = MsgHandler.smartunpack(envelopeLinkingTo(server.url() + "/files/trickles",
                large.length), UnpackOptions.builder().linkReadTimeout(Duration.ofMillis(600)).build());

        assertArrayEquals(large, unpacked.payloads().get(0).bytes());
    }
}
