package io.github.msghandler.camel;

import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.HttpClaimCheckStore;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.github.msghandler.core.store.PlikClaimCheckStore;
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
        String store = configuration.getStore();
        if (store == null || store.isBlank()) {
            store = configuration.getFileserverUrl() == null ? "objectstore" : "plik";
        }
        switch (store) {
            case "objectstore":
                return ObjectStoreClaimCheckStore.builder(connection)
                        .bucket(configuration.getBucket())
                        .ttl(Duration.ofMillis(configuration.getObjectStoreTtl()))
                        .replicas(configuration.getBucketReplicas())
                        .storageType(configuration.natsStorageType())
                        .maxBytes(configuration.getMaxBucketBytes())
                        .build();
            case "plik":
                return PlikClaimCheckStore.builder(fileserverUrl(configuration, store))
                        .oneShot(configuration.isPlikOneShot())
                        .ttl(Duration.ofMillis(configuration.getPlikTtl()))
                        .token(configuration.getPlikToken())
                        .httpClient(httpClient(fileserverTls))
                        .build();
            case "http":
                return new HttpClaimCheckStore(fileserverUrl(configuration, store), httpClient(fileserverTls));
            case "s3":
                return S3Stores.create(configuration);
            default:
                throw new IllegalArgumentException("unknown store '" + store + "': use objectstore, plik, http or "
                        + "s3, or give your own with claimCheckStore=#bean");
        }
    }

    private static HttpClient httpClient(SSLContext tls) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        return tls == null ? client.build() : client.sslContext(tls).build();
    }

    private static URI fileserverUrl(MsgHandlerConfiguration configuration, String store) {
        if (configuration.getFileserverUrl() == null) {
            throw new IllegalArgumentException("store=" + store + " needs the fileserverUrl option");
        }
        return URI.create(configuration.getFileserverUrl());
    }
}
