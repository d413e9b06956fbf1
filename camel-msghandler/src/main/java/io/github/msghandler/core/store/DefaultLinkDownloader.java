package io.github.msghandler.core.store;

import io.nats.client.Connection;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Locale;

/**
 * The download handler used when the caller gives none: {@code http}/{@code https} links by GET,
 * {@code nats-os} links from the Object Store of the connection the message came from. Scheme checks happen
 * before a downloader is asked, so other schemes never reach it.
 */
public final class DefaultLinkDownloader implements LinkDownloader {
    private final HttpLinkDownloader http;
    private final ObjectStoreClaimCheckStore objectStore;

    /**
     * @param http the HTTP downloader
     * @param connection the connection for {@code nats-os} links; may be null when none is at hand
     */
    public DefaultLinkDownloader(HttpLinkDownloader http, Connection connection) {
        this.http = http;
        this.objectStore = connection == null ? null : ObjectStoreClaimCheckStore.builder(connection).build();
    }

    @Override
    public void download(URI link, OutputStream target) throws IOException {
        downloaderFor(link).download(link, target);
    }

    @Override
    public String verifiedSha256(URI link) throws IOException {
        return downloaderFor(link).verifiedSha256(link);
    }

    private LinkDownloader downloaderFor(URI link) throws LinkDownloadException {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(NatsObjectLink.SCHEME)) {
            return http;
        }
        if (objectStore == null) {
            throw new LinkDownloadException("a " + NatsObjectLink.SCHEME + " link needs a NATS connection, and "
                    + "the message came with none: pass one in the unpack options", false);
        }
        return objectStore;
    }
}
