package io.github.msghandler.camel;

import io.github.msghandler.core.api.InvalidCredentialsException;
import io.github.msghandler.testsupport.NatsTestServer;
import io.nats.client.Nats;
import io.nats.client.NKey;
import io.nats.client.Options;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * JWT authentication as production NATS runs it (decentralized auth, Synadia Cloud, NGS): nats-server in operator
 * mode with a memory resolver, the operator, account and user JWTs minted here with jnats's NKey and JwtUtils. The
 * component connects with {@code credentialsFile}, and refuses a file whose seed belongs to another user, or whose
 * user JWT has expired, with an error that says which (the server says only "Authorization Violation" to both).
 */
class CredentialsFileTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;
    private static NKey account;
    private static NatsTestServer server;

    @BeforeAll
    static void startServerInOperatorMode() throws Exception {
        NKey operator = NKey.createOperator(RANDOM);
        account = NKey.createAccount(RANDOM);
        long now = JwtUtils.currentTimeSeconds();
        String operatorJwt = JwtUtils.issueJWT(operator, publicKey(operator), "test-operator", null, now,
                publicKey(operator), claim("{\"type\":\"operator\",\"version\":2}"));
        String accountJwt = JwtUtils.issueJWT(operator, publicKey(account), "test-account", null, now,
                publicKey(operator), claim("{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
                        + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1},"
                        + "\"type\":\"account\",\"version\":2}"));
        Path config = dir.resolve("operator.conf");
        Files.writeString(config, "operator: " + operatorJwt + "\n"
                + "resolver: MEMORY\n"
                + "resolver_preload: {\n  " + publicKey(account) + ": " + accountJwt + "\n}\n");
        server = NatsTestServer.startBinary("-c", config.toString());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String publicKey(NKey key) throws Exception {
        return new String(key.getPublicKey());
    }

    private static JsonSerializable claim(String json) {
        return () -> json;
    }

    /** A credentials file as nsc writes it: the JWT of {@code jwtUser}, the seed of {@code seedUser}. */
    private static Path credentials(String name, NKey jwtUser, NKey seedUser, Duration expiration, long issuedAt)
            throws Exception {
        String jwt = JwtUtils.issueJWT(account, publicKey(jwtUser), name, expiration, issuedAt, publicKey(account),
                new JwtUtils.UserClaim(null));
        Path file = dir.resolve(name + ".creds");
        Files.writeString(file, String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(seedUser.getSeed())));
        return file;
    }

    private static String uri(String subject, Path credentials) {
        return "msghandler:" + subject + "?brokerUrl=" + server.url() + "&credentialsFile=" + credentials
                + "&maxReconnects=0";
    }

    @Test
    @Timeout(60)
    void aValidCredentialsFileConnectsAndMessagesFlow() throws Exception {
        NKey user = NKey.createUser(RANDOM);
        Path creds = credentials("valid", user, user, null, JwtUtils.currentTimeSeconds());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("jwt.chat", creds)).process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            });
            camel.start();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                template.sendBody(uri("jwt.chat", creds) + "&confirmPublish=true", "hello with a JWT");
            }
            assertEquals("hello with a JWT", received.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    @Timeout(60)
    void aSeedOfAnotherUserIsRefusedNamingTheMismatch() throws Exception {
        NKey user = NKey.createUser(RANDOM);
        NKey stranger = NKey.createUser(RANDOM);
        Path creds = credentials("mixed", user, stranger, null, JwtUtils.currentTimeSeconds());

        InvalidCredentialsException refused = refusedByTheComponent(creds);
        assertEquals(InvalidCredentialsException.Problem.SEED_OF_ANOTHER_USER, refused.problem());
        assertTrue(refused.getMessage().contains("belongs to user " + publicKey(stranger)), refused.getMessage());
        assertTrue(refused.getMessage().contains("its JWT is for user " + publicKey(user)), refused.getMessage());
        assertRefusedByTheServer(creds);
    }

    @Test
    @Timeout(60)
    void anExpiredUserJwtIsRefusedNamingWhenItExpired() throws Exception {
        long anHourAgo = JwtUtils.currentTimeSeconds() - 3_600;
        NKey user = NKey.createUser(RANDOM);
        Path creds = credentials("expired", user, user, Duration.ofMinutes(1), anHourAgo);

        InvalidCredentialsException refused = refusedByTheComponent(creds);
        assertEquals(InvalidCredentialsException.Problem.EXPIRED, refused.problem());
        assertTrue(refused.getMessage().contains("expired at " + java.time.Instant.ofEpochSecond(anHourAgo + 60)),
                refused.getMessage());
        assertRefusedByTheServer(creds);
    }

    /** Starting a route with the file fails, and the cause says what is wrong with it. */
    private static InvalidCredentialsException refusedByTheComponent(Path creds) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("jwt.refused", creds)).to("log:never");
                }
            });
            Exception failure = assertThrows(Exception.class, camel::start);
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidCredentialsException invalid) {
                    assertTrue(invalid.getMessage().contains(creds.toString()), "names the file: "
                            + invalid.getMessage());
                    return invalid;
                }
            }
            return fail("no InvalidCredentialsException in " + failure);
        }
    }

    /** The server refuses the file too (so the check above is the server's rule said plainly, not a rule of ours). */
    private static void assertRefusedByTheServer(Path creds) {
        IOException refused = assertThrows(IOException.class, () -> Nats.connect(new Options.Builder()
                .server(server.url()).authHandler(Nats.credentials(creds.toString())).maxReconnects(0)
                .connectionTimeout(Duration.ofSeconds(2)).errorListener(new io.nats.client.ErrorListener() { })
                .build()).close());
        assertNotNull(refused.getMessage());
        assertTrue(refused.getMessage().contains("Authorization Violation"), refused.getMessage());
    }
}
