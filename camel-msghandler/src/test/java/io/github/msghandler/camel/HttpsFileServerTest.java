package io.github.msghandler.camel;

import io.github.msghandler.core.api.LinkFetchException;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.testsupport.FileTestServer;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Link payloads through an HTTPS file server whose certificate is made at test time. */
class HttpsFileServerTest extends MsgHandlerTestSupport {
    private static final char[] PASSWORD = TestCertificates.STORE_PASSWORD.toCharArray();
    private static final byte[] DATA = "over https".getBytes(StandardCharsets.UTF_8);
    private static Path keyStore;
    private static FileTestServer https;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path dir = Files.createTempDirectory("https-test");
        keyStore = dir.resolve("server.p12");
        TestCertificates.run(dir, "keytool", "-genkeypair", "-alias", "files", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "1", "-keystore",
                keyStore.toString(), "-storetype", "PKCS12", "-storepass", TestCertificates.STORE_PASSWORD);
        https = FileTestServer.startHttps(serverContext());
        https.put("/files/data", DATA);
    }

    @AfterAll
    static void stopHttpsServer() {
        https.close();
    }

    private static KeyStore load() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientContext() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("fileserverTls", TestCertificates.trusting(keyStore));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("https.files", "fileserverUrl=" + https.url() + "&fileserverSslContextParameters=#fileserverTls"))
                        .to("mock:files");
            }
        };
    }

    private static byte[] envelopeLinkingTo(String url) {
        return ("{\"payloads\":[{\"dataname\":\"d\",\"payload_type\":\"binary\",\"transport\":\"link\",\"size\":"
                + DATA.length + ",\"data\":\"" + url + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void httpsLinkIsFetchedWithTheTrustedTestCertificateAndRefusedWithoutIt() throws Exception {
        byte[] envelope = envelopeLinkingTo(https.url() + "/files/data");

        LinkFetchException untrusted = assertThrows(LinkFetchException.class, () -> MsgHandler.smartunpack(envelope,
                UnpackOptions.builder().maxRetries(1).build()));
        assertInstanceOf(SSLHandshakeException.class, untrusted.getCause());

        assertArrayEquals(DATA, MsgHandler.smartunpack(envelope, UnpackOptions.builder()
                .linkSslContext(clientContext()).build()).payloads().get(0).bytes());
    }

    @Test
    void httpStoreUploadsAndConsumerDownloadsOverHttps() throws Exception {
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(1);

        template.sendBody(uri("https.files", "store=http&fileserverUrl=" + https.url() + "/store"
                + "&fileserverSslContextParameters=#fileserverTls&sizeThreshold=1"), DATA);

        files.assertIsSatisfied(10_000);
        assertArrayEquals(DATA, files.getReceivedExchanges().get(0).getMessage().getBody(byte[].class));
        assertEquals("link", files.getReceivedExchanges().get(0).getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
    }
}
