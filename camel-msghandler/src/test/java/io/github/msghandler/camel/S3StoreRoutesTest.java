package io.github.msghandler.camel;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.testsupport.S3TestServer;
import io.github.msghandler.testsupport.Sha256Hex;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * store=s3 from a producer route to a consumer route, against a real S3 API server (S3Proxy) in this JVM, and the
 * NATS ⇄ S3 bridges with camel-aws2-s3 on the same server.
 */
class S3StoreRoutesTest extends MsgHandlerTestSupport {
    private static final String BUCKET = "payloads";
    private static final String ARCHIVE = "archive";
    private static S3TestServer s3;

    @BeforeAll
    static void startS3() {
        s3 = S3TestServer.start();
        s3.createBucket(BUCKET);
        s3.createBucket(ARCHIVE);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    private static String s3Options(String more) {
        return "store=s3&s3Bucket=" + BUCKET + "&s3Region=" + S3TestServer.REGION + "&s3EndpointOverride="
                + s3.endpoint() + "&s3PathStyleAccess=true&s3AccessKey=" + S3TestServer.ACCESS_KEY
                + "&s3SecretKey=" + S3TestServer.SECRET_KEY + (more.isEmpty() ? "" : "&" + more);
    }

    private static String aws2s3(String bucket, String more) {
        return "aws2-s3://" + bucket + "?region=" + S3TestServer.REGION + "&overrideEndpoint=true"
                + "&uriEndpointOverride=" + s3.endpoint() + "&forcePathStyle=true&accessKey=" + S3TestServer.ACCESS_KEY
                + "&secretKey=RAW(" + S3TestServer.SECRET_KEY + ")" + (more.isEmpty() ? "" : "&" + more);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("s3.types", s3Options(""))).to("mock:received");
                // a spooled payload's file lives as long as its exchange: hash it while it is there
                from(uri("s3.mixed", s3Options(""))).split(body())
                        .process(e -> {
                            if ("link".equals(e.getMessage().getHeader(MsgHandlerConstants.TRANSPORT))) {
                                try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                                    e.getMessage().setHeader("received-sha256", Sha256Hex.of(in));
                                }
                            }
                        })
                        .to("mock:parts");
                from(uri("s3.consume", s3Options("s3KeyPrefix=consume/&s3DeleteAfterConsume=true")))
                        .to("mock:consumed");
                from(uri("s3.failing", s3Options("s3KeyPrefix=failing/&s3DeleteAfterConsume=true")))
                        .process(e -> {
                            throw new IllegalStateException("the route fails on purpose");
                        });
                // bridge: every received payload becomes an object named after its dataname
                from(uri("uploads", s3Options("")))
                        .setHeader(AWS2S3Constants.KEY, header(MsgHandlerConstants.DATA_NAME))
                        .to(aws2s3(ARCHIVE, ""));
                // reverse bridge: objects under incoming/ are sent as envelopes
                from(aws2s3(ARCHIVE, "prefix=incoming/&deleteAfterRead=true&delay=200"))
                        .setHeader(MsgHandlerConstants.DATA_NAME, header(AWS2S3Constants.KEY))
                        .to(uri("downloads", s3Options("")));
                from(uri("downloads", s3Options(""))).to("mock:downloaded");
            }
        };
    }

    @ParameterizedTest
    @EnumSource(PayloadType.class)
    void everyTypeTravelsByPresignedS3Link(PayloadType type) throws Exception {
        MockEndpoint received = getMockEndpoint("mock:received");
        received.expectedMessageCount(1);
        Object sent = PayloadSamples.sample(type);
        template.sendBodyAndHeader(uri("s3.types", s3Options("sizeThreshold=1")), sent,
                MsgHandlerConstants.PAYLOAD_TYPE, type.wireName());
        received.assertIsSatisfied(20_000);

        Exchange exchange = received.getReceivedExchanges().get(0);
        assertEquals("link", exchange.getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
        PayloadSamples.assertReceived(type, sent, exchange.getMessage());
    }

    @Test
    void aFiftyMegabyteFileAndAMixedEnvelopeArriveWhole() throws Exception {
        Path file = Files.createTempFile("s3-big", ".bin");
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(3);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 50; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        MockEndpoint parts = getMockEndpoint("mock:parts");
        parts.expectedMessageCount(3);
        template.sendBody(uri("s3.mixed", s3Options("s3PartSize=5242880")), List.of(
                List.of("note.txt", "small and direct", "text"),
                List.of("big.bin", file, "binary"),
                List.of("config", Map.of("k", "v"), "dictionary")));
        parts.assertIsSatisfied(120_000);

        List<Exchange> received = parts.getReceivedExchanges();
        assertEquals("direct", received.get(0).getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
        assertEquals("link", received.get(1).getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
        try (InputStream expected = Files.newInputStream(file)) {
            assertEquals(Sha256Hex.of(expected), received.get(1).getMessage().getHeader("received-sha256"));
        }
        assertEquals(Map.of("k", "v"), received.get(2).getMessage().getBody(Map.class));
        Files.delete(file);
    }

    @Test
    void deleteAfterConsumeRemovesTheObjectOnlyAfterSuccess() throws Exception {
        MockEndpoint consumed = getMockEndpoint("mock:consumed");
        consumed.expectedMessageCount(1);
        template.sendBody(uri("s3.consume", s3Options("s3KeyPrefix=consume/&sizeThreshold=1")), "gone after use");
        consumed.assertIsSatisfied(20_000);
        awaitKeys("consume/", 0);

        template.sendBody(uri("s3.failing", s3Options("s3KeyPrefix=failing/&sizeThreshold=1")), "kept");
        Thread.sleep(1_000);   // time for the failing route to run
        awaitKeys("failing/", 1);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream hashing = new DigestInputStream(in, digest)) {
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void awaitKeys(String prefix, long expected) throws InterruptedException {
        long count = -1;
        for (int i = 0; i < 100; i++) {
            count = s3.keys(BUCKET).stream().filter(k -> k.startsWith(prefix)).count();
            if (count == expected) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(expected, count, "objects under " + prefix + ": " + s3.keys(BUCKET));
    }

    @Test
    void bridgeStoresEachReceivedPayloadAsAnObjectNamedAfterItsDataname() throws Exception {
        byte[] report = new byte[700_000];
        new Random(9).nextBytes(report);
        template.sendBodyAndHeader(uri("uploads", s3Options("")), report, MsgHandlerConstants.DATA_NAME,
                "reports/q3.bin");

        for (int i = 0; i < 100 && !s3.keys(ARCHIVE).contains("reports/q3.bin"); i++) {
            Thread.sleep(100);
        }
        assertTrue(s3.keys(ARCHIVE).contains("reports/q3.bin"), s3.keys(ARCHIVE).toString());
        byte[] stored = context.createConsumerTemplate().receiveBody(
                aws2s3(ARCHIVE, "prefix=reports/&deleteAfterRead=false"), 10_000, byte[].class);
        assertArrayEquals(report, stored);
    }

    @Test
    void reverseBridgeDeliversAnS3ObjectToAConsumerRoute() throws Exception {
        byte[] image = new byte[600_000];
        new Random(11).nextBytes(image);
        MockEndpoint downloaded = getMockEndpoint("mock:downloaded");
        downloaded.expectedMessageCount(1);
        template.sendBodyAndHeader(aws2s3(ARCHIVE, ""), image, AWS2S3Constants.KEY, "incoming/photo.png");
        downloaded.assertIsSatisfied(30_000);

        Exchange exchange = downloaded.getReceivedExchanges().get(0);
        assertEquals("incoming/photo.png", exchange.getMessage().getHeader(MsgHandlerConstants.DATA_NAME));
        assertEquals("link", exchange.getMessage().getHeader(MsgHandlerConstants.TRANSPORT));
        assertArrayEquals(image, exchange.getMessage().getBody(byte[].class));
    }
}
