package io.github.msghandler.core.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Where link payloads go (the original msghandler's {@code fileserver_upload_handler}) and how they come back. Implementations:
 * {@link ObjectStoreClaimCheckStore}, {@link PlikClaimCheckStore}, {@link HttpClaimCheckStore},
 * {@code S3ClaimCheckStore} (package {@code core.s3}, with the optional AWS SDK), or your own.
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

    /**
     * True when {@link #verifiedSha256} gives the SHA-256 of every link this store uploads, so that the sender need
     * not hash the bytes while they stream to the store. False by default.
     */
    default boolean verifiesSha256() {
        return false;
    }

    /** Stores bytes held in memory. */
    default URI upload(ClaimCheckKey key, byte[] content) throws IOException {
        return upload(key, new ByteArrayInputStream(content), content.length);
    }

    /**
     * Deletes what a link of this store points at, for setups where the one consumer that fetched it is done with
     * it. Stores that leave expiry to the server (a TTL, a lifecycle rule) do nothing and answer false.
     *
     * @return true when the store deleted the object
     */
    default boolean delete(URI link) throws IOException {
        return false;
    }

    /**
     * URL prefixes under which every link of this store lies, which a receiver configured with this store allows
     * by default (an S3 bucket's URL, say, rather than all of the S3 host). None by default.
     */
    default List<URI> linkLocations() {
        return List.of();
    }

    /** Fetches the bytes behind a link into memory, once. */
    default byte[] download(URI link) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download(link, out);
        return out.toByteArray();
    }
}
