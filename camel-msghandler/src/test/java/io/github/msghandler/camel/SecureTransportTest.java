package io.github.msghandler.camel;

import io.github.msghandler.testsupport.NatsTestServer;
import io.nats.client.NKey;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Envelopes over a nats-server configured for TLS (a certificate made at test time), user and password, token
 * and NKey authentication; a wrong password fails clearly without showing the password.
 */
class SecureTransportTest extends CamelTestSupport {
    @TempDir
    Path dir;

    /** Sends one text envelope from a producer to a consumer with the same options, and checks it arrived. */
    private void roundTrip(String brokerUrl, String options, String subject) throws Exception {
        String uri = "msghandler:" + subject + "?brokerUrl=" + brokerUrl + "&" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:" + subject);
            }
        });
        MockEndpoint received = getMockEndpoint("mock:" + subject);
        received.expectedBodiesReceived("secured " + subject);
        template.sendBody(uri, "secured " + subject);
        received.assertIsSatisfied(10_000);
    }

    @Test
    void envelopesTravelOverTlsWithATestCertificate() throws Exception {
        TestCertificates.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                "cert.pem", "-days", "1", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost");
        TestCertificates.run(dir, "keytool", "-importcert", "-noprompt", "-alias", "nats", "-file", "cert.pem", "-keystore",
                "trust.p12", "-storetype", "PKCS12", "-storepass", TestCertificates.STORE_PASSWORD);
        context.getRegistry().bind("natsTls", TestCertificates.trusting(dir.resolve("trust.p12")));

        try (NatsTestServer server = NatsTestServer.startBinary("--tls", "--tlscert",
                dir.resolve("cert.pem").toString(), "--tlskey", dir.resolve("key.pem").toString())) {
            roundTrip(server.url(), "sslContextParameters=#natsTls", "tls.check");

            RuntimeCamelException plain = assertThrows(RuntimeCamelException.class, () -> context.getEndpoint(
                    "msghandler:tls.plain?brokerUrl=" + server.url() + "&connectionName=no-tls").start());
            assertTrue(plain.getMessage().contains("cannot connect"), plain.getMessage());
            context.stop();   // before the server goes
        }
    }

    @Test
    void userAndPasswordAuthenticateAndAWrongPasswordFailsClearlyWithoutShowingIt() throws Exception {
        try (NatsTestServer server = NatsTestServer.startBinary("--user", "bridge", "--pass", "S3cret-pass")) {
            roundTrip(server.url(), "user=bridge&password=S3cret-pass", "userpass.check");

            RuntimeCamelException wrong = assertThrows(RuntimeCamelException.class, () -> context.getEndpoint(
                    "msghandler:userpass.wrong?brokerUrl=" + server.url() + "&user=bridge&password=Wrong-pass-99")
                    .start());
            assertTrue(wrong.getMessage().contains("Authorization Violation"), wrong.getMessage());
            assertFalse(wrong.getMessage().contains("Wrong-pass-99"), "the password is not in the error");
            assertTrue(wrong.getMessage().contains("password=xxxxxx"), wrong.getMessage());
            context.stop();
        }
    }

    @Test
    void tokenAuthenticates() throws Exception {
        try (NatsTestServer server = NatsTestServer.startBinary("--auth", "t0ken-for-tests")) {
            roundTrip(server.url(), "token=t0ken-for-tests", "token.check");
            context.stop();
        }
    }

    @Test
    void nkeyAuthenticates() throws Exception {
        NKey user = NKey.createUser(null);
        Path config = Files.writeString(dir.resolve("nkey.conf"), "authorization {\n  users = [ { nkey: \""
                + new String(user.getPublicKey()) + "\" } ]\n}\n");
        try (NatsTestServer server = NatsTestServer.startBinary("-c", config.toString())) {
            roundTrip(server.url(), "nkeyPrivateKey=" + new String(user.getSeed()), "nkey.check");
            context.stop();
        }
    }
}
