package io.github.msghandler.core.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Where link payloads go (the seed's {@code fileserver_upload_handler}) and how they come back. Implementations:
 * {@link ObjectStoreClaimCheckStore}, {@link PlikClaimCheckStore}, {@link HttpClaimCheckStore}, or your own.
 * Implementations must be thread-safe.
 */
public interface ClaimCheckStore extends LinkDownloader {

    /**
     * Stores payload bytes read from {@code content} as they are read (without buffering them whole) and returns
     * the absolute URL from which any peer fetches them unchanged (wire format section 6).
     *
     * @param key the payload's id and dataname, from which the store makes its object name
     * @param content the payload bytes; not closed by the store
     * @param size the byte count, or -1 when not known in advance
     */
    URI upload(ClaimCheckKey key, InputStream content, long size) throws IOException;

    /** Stores bytes held in memory. */
    default URI upload(ClaimCheckKey key, byte[] content) throws IOException {
        return upload(key, new ByteArrayInputStream(content), content.length);
    }

    /** Fetches the bytes behind a link into memory, once. */
    default byte[] download(URI link) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download(link, out);
        return out.toByteArray();
    }
}
