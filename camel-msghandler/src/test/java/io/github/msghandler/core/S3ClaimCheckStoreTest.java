package io.github.msghandler.core;

import io.github.msghandler.core.api.LinkFetchException;
import io.github.msghandler.core.api.LinkRefusedException;
import io.github.msghandler.core.s3.S3ClaimCheckStore;
import io.github.msghandler.core.s3.S3Clients;
import io.github.msghandler.core.s3.S3Encryption;
import io.github.msghandler.core.store.ClaimCheckKey;
import io.github.msghandler.core.store.LinkPolicy;
import io.github.msghandler.testsupport.S3TestServer;
import io.github.msghandler.testsupport.Sha256Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 store against a real S3 API server (S3Proxy) on loopback. */
class S3ClaimCheckStoreTest {
    private static final String BUCKET = "claims";
    private static S3TestServer s3;
    private static S3Clients clients;

    @BeforeAll
    static void startServer() {
        s3 = S3TestServer.start();
        s3.createBucket(BUCKET);
        clients = new S3Clients(S3TestServer.REGION, s3.endpoint(), true, S3TestServer.ACCESS_KEY,
                S3TestServer.SECRET_KEY);
    }

    @AfterAll
    static void stopServer() {
        clients.close();
        s3.close();
    }

    private static S3ClaimCheckStore.Builder store() {
        return S3ClaimCheckStore.builder(clients.client(), clients.presigner(), BUCKET);
    }

    private static HttpResponse<byte[]> plainGet(URI link) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void presignedLinkGivesTheExactBytesToAPlainGetWithoutCredentials() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(1).nextBytes(bytes);
        URI link = store().keyPrefix("tenant-a/").build()
                .upload(new ClaimCheckKey("id-1", "report.pdf"), bytes);

        assertTrue(link.getRawQuery().contains("X-Amz-Signature="), link.toString());
        assertTrue(link.toString().startsWith(s3.endpoint() + "/" + BUCKET + "/tenant-a/id-1/report.pdf"), link.toString());
        HttpResponse<byte[]> response = plainGet(link);
        assertEquals(200, response.statusCode());
        assertArrayEquals(bytes, response.body());
        assertTrue(s3.keys(BUCKET).contains("tenant-a/id-1/report.pdf"), s3.keys(BUCKET).toString());
    }

    @Test
    void aFiftyMegabyteStreamOfUnknownLengthGoesUpInPartsAndComesBackIdentical() throws Exception {
        long size = 50L * 1024 * 1024;
        URI link;
        String sent;
        try (Sha256Hex.Digesting content = Sha256Hex.digesting(new RandomStream(size))) {
            link = store().partSize(S3ClaimCheckStore.MIN_PART_SIZE).build()
                    .upload(new ClaimCheckKey("id-big", "big.bin"), content, -1);
            sent = content.hex();
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long count;
        String received;
        try (Sha256Hex.Digesting body = Sha256Hex.digesting(response.body())) {
            count = body.transferTo(java.io.OutputStream.nullOutputStream());
            received = body.hex();
        }
        assertEquals(200, response.statusCode());
        assertEquals(size, count);
        assertEquals(sent, received);
    }

    @Test
    void serverSideEncryptionHeadersReachTheServerOnPutAndMultipart() throws Exception {
        List<Map<String, List<String>>> requests = new ArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                requests.add(context.httpRequest().headers());
            }
        };
        try (S3Client client = S3Client.builder()
                .region(Region.of(S3TestServer.REGION))
                .endpointOverride(URI.create(s3.endpoint()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                .build()) {
            S3ClaimCheckStore kms = S3ClaimCheckStore.builder(client, clients.presigner(), BUCKET)
                    .encryption(S3Encryption.SSE_KMS, "key-123").build();
            tryUpload(kms, new byte[10]);
            assertEquals(List.of("aws:kms"), requests.get(0).get("x-amz-server-side-encryption"));
            assertEquals(List.of("key-123"), requests.get(0).get("x-amz-server-side-encryption-aws-kms-key-id"));

            requests.clear();
            S3ClaimCheckStore sseS3 = S3ClaimCheckStore.builder(client, clients.presigner(), BUCKET)
                    .encryption(S3Encryption.SSE_S3, null).partSize(S3ClaimCheckStore.MIN_PART_SIZE).build();
            tryUpload(sseS3, new byte[(int) S3ClaimCheckStore.MIN_PART_SIZE + 10]);
            // the first request creates the multipart upload, which is where S3 takes the encryption
            assertEquals(List.of("AES256"), requests.get(0).get("x-amz-server-side-encryption"));
        }
    }

    /** Uploads; the test server may refuse encryption it cannot do, which is not what the test checks. */
    private static void tryUpload(S3ClaimCheckStore store, byte[] bytes) {
        try {
            store.upload(new ClaimCheckKey(RandomIds.uuid(), "secret.bin"), bytes);
        } catch (Exception e) {
            // the header was recorded before the answer came back
        }
    }

    @Test
    void anExpiredLinkFailsWithAClearErrorAfterTheFetchPolicy() throws Exception {
        URI link = store().urlLifetime(Duration.ofSeconds(1)).build()
                .upload(new ClaimCheckKey("id-exp", "soon-gone.txt"), "hello".getBytes());
        Thread.sleep(2_100);
        assertEquals(403, plainGet(link).statusCode());

        String envelope = "{\"payloads\":[{\"id\":\"p\",\"dataname\":\"soon-gone.txt\",\"payload_type\":\"text\","
                + "\"transport\":\"link\",\"encoding\":\"none\",\"size\":5,\"data\":\"" + link + "\"}]}";
        LinkFetchException failure = assertThrows(LinkFetchException.class, () -> MsgHandler.smartunpack(
                envelope.getBytes(), UnpackOptions.builder().baseDelay(Duration.ofMillis(10)).build()));
        assertTrue(failure.getMessage().contains("403"), failure.getMessage());
        assertTrue(failure.getMessage().toLowerCase().contains("expired"), failure.getMessage());
    }

    @Test
    void deleteRemovesOnlyObjectsOfThisStore() throws Exception {
        S3ClaimCheckStore store = store().keyPrefix("del/").build();
        URI link = store.upload(new ClaimCheckKey("id-del", "a b+c.txt"), new byte[] {1, 2, 3});
        assertTrue(s3.keys(BUCKET).contains("del/id-del/a b+c.txt"), s3.keys(BUCKET).toString());
        assertArrayEquals(new byte[] {1, 2, 3}, store.download(link));

        assertTrue(store.delete(link));
        assertFalse(s3.keys(BUCKET).contains("del/id-del/a b+c.txt"));
        assertThrows(java.io.IOException.class, () -> store.delete(URI.create("http://elsewhere.example/x")));
    }

    @Test
    void theLinkPolicyOfTheBucketUrlAcceptsItsLinksButNotTheRestOfTheHost() throws Exception {
        S3ClaimCheckStore store = store().keyPrefix("pol/").build();
        URI link = store.upload(new ClaimCheckKey("id-pol", "ok.txt"), new byte[] {7});
        LinkPolicy policy = LinkPolicy.allowing(List.of(store.bucketUrl().toString()));

        assertEquals(link, policy.check(link));
        assertThrows(LinkRefusedException.class, () -> policy.check(s3.endpoint() + "/other-bucket/pol/x"));
        assertThrows(LinkRefusedException.class, () -> policy.check(s3.endpoint() + "/" + BUCKET + "/pol/../x"));
    }

    /** Deterministic pseudo-random bytes of a given length, generated as read. */
    private static final class RandomStream extends InputStream {
        private final Random random = new Random(7);
        private long left;

        RandomStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            left -= n;
            return n;
        }
    }
}
