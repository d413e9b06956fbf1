package io.github.msghandler.core.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;

/**
 * An S3 client and a presigner configured alike from plain settings: region, endpoint override (MinIO, Ceph,
 * S3Proxy...; checksums then only where S3 requires them, as such servers need), path-style access, and
 * credentials (an access key and secret, or the AWS default chain when none are given). Close it to close both.
 */
public final class S3Clients implements AutoCloseable {
    private final S3Client client;
    private final S3Presigner presigner;

    /**
     * @param region the region, or null for the SDK's default region chain
     * @param endpointOverride the endpoint of an S3-compatible server, or null for AWS
     * @param pathStyle true for {@code https://host/bucket/key} URLs instead of {@code https://bucket.host/key}
     * @param accessKey the access key id, or null for the default credentials chain
     * @param secretKey the secret access key that goes with {@code accessKey}
     */
    public S3Clients(String region, String endpointOverride, boolean pathStyle, String accessKey, String secretKey) {
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("S3 credentials need both the access key and the secret key, or "
                    + "neither (for the AWS default credentials chain)");
        }
        AwsCredentialsProvider credentials = accessKey == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        var clientBuilder = S3Client.builder().credentialsProvider(credentials).serviceConfiguration(s3);
        var presignerBuilder = S3Presigner.builder().credentialsProvider(credentials).serviceConfiguration(s3);
        if (region != null) {
            clientBuilder.region(Region.of(region));
            presignerBuilder.region(Region.of(region));
        }
        if (endpointOverride != null) {
            // S3-compatible servers (S3Proxy, older MinIO and Ceph) reject the SDK's default aws-chunked checksum
            // trailers; plain signed payloads work with all of them
            clientBuilder.endpointOverride(URI.create(endpointOverride))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            presignerBuilder.endpointOverride(URI.create(endpointOverride));
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
    }

    public S3Client client() {
        return client;
    }

    public S3Presigner presigner() {
        return presigner;
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
