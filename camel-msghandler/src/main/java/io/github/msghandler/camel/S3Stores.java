package io.github.msghandler.camel;

import io.github.msghandler.core.api.MissingDependencyException;
import io.github.msghandler.core.s3.S3ClaimCheckStore;
import io.github.msghandler.core.s3.S3Clients;
import io.github.msghandler.core.s3.S3Encryption;

import java.time.Duration;

/**
 * The s3 store of an endpoint's options. Kept apart so that the AWS SDK classes load only when a user picks
 * {@code store=s3}; without the SDK that choice fails at once, naming the artifact to add.
 */
final class S3Stores {
    static final String SDK_ARTIFACT = "software.amazon.awssdk:s3";

    private S3Stores() {
    }

    static S3ClaimCheckStore create(MsgHandlerConfiguration configuration) {
        requireSdk();
        if (configuration.getS3Bucket() == null || configuration.getS3Bucket().isBlank()) {
            throw new IllegalArgumentException("store=s3 needs the s3Bucket option");
        }
        S3Clients clients = new S3Clients(configuration.getS3Region(), configuration.getS3EndpointOverride(),
                configuration.isS3PathStyleAccess(), configuration.getS3AccessKey(), configuration.getS3SecretKey());
        try {
            return S3ClaimCheckStore.builder(clients, configuration.getS3Bucket())
                    .keyPrefix(configuration.getS3KeyPrefix())
                    .urlLifetime(Duration.ofMillis(configuration.getS3PresignedUrlLifetime()))
                    .encryption(S3Encryption.fromHeaderValue(configuration.getS3ServerSideEncryption()),
                            configuration.getS3KmsKeyId())
                    .partSize(configuration.getS3PartSize())
                    .build();
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    private static void requireSdk() {
        try {
            Class.forName("software.amazon.awssdk.services.s3.S3Client", false, S3Stores.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingDependencyException("store=s3 needs the AWS SDK for S3 on the classpath: add "
                    + SDK_ARTIFACT + " (version 2.x)");
        }
    }
}
