package io.github.msghandler.camel;

import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.HttpClaimCheckStore;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.github.msghandler.core.store.PlikClaimCheckStore;
import io.github.msghandler.core.store.StoreKind;
import io.nats.client.Connection;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The claim-check store an endpoint's options describe. */
final class ClaimCheckStores {
    private ClaimCheckStores() {
    }

    /**
     * @param fileserverTls TLS for an https file server, or null for the JVM's default
     */
    static ClaimCheckStore create(MsgHandlerConfiguration configuration, Connection connection,
                                  SSLContext fileserverTls) {
        if (configuration.getClaimCheckStore() != null) {
            return configuration.getClaimCheckStore();
        }
        StoreKind kind = StoreKind.choose(configuration.getStore(), configuration.getFileserverUrl());
        return switch (kind) {
            case OBJECTSTORE -> ObjectStoreClaimCheckStore.builder(connection)
                    .bucket(configuration.getBucket())
                    .ttl(Duration.ofMillis(configuration.getObjectStoreTtl()))
                    .replicas(configuration.getBucketReplicas())
                    .storageType(configuration.natsStorageType())
                    .maxBytes(configuration.getMaxBucketBytes())
                    .build();
            case PLIK -> PlikClaimCheckStore.builder(fileserverUrl(configuration, kind))
                    .oneShot(configuration.isPlikOneShot())
                    .ttl(Duration.ofMillis(configuration.getPlikTtl()))
                    .token(configuration.getPlikToken())
                    .httpClient(httpClient(fileserverTls))
                    .build();
            case HTTP -> new HttpClaimCheckStore(fileserverUrl(configuration, kind), httpClient(fileserverTls));
            case S3 -> S3Stores.create(configuration);
        };
    }

    private static HttpClient httpClient(SSLContext tls) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        return tls == null ? client.build() : client.sslContext(tls).build();
    }

    private static URI fileserverUrl(MsgHandlerConfiguration configuration, StoreKind kind) {
        if (configuration.getFileserverUrl() == null) {
            throw new IllegalArgumentException("store=" + kind.optionName() + " needs the fileserverUrl option");
        }
        return URI.create(configuration.getFileserverUrl());
    }
}
