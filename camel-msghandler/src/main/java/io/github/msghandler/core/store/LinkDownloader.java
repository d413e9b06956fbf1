package io.github.msghandler.core.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

/**
 * The original msghandler's {@code fileserver_download_handler}: fetches the payload bytes behind a link, once. Retries with
 * backoff are the caller's business; a downloader says whether retrying can help by throwing
 * {@link LinkDownloadException} with {@code retryable=false}. Any other {@link IOException} counts as retryable.
 */
@FunctionalInterface
public interface LinkDownloader {

    /**
     * Writes the bytes behind {@code link} to {@code target}, leaving {@code target} open.
     *
     * @throws IOException when this attempt failed
     */
    void download(URI link, OutputStream target) throws IOException;

    /**
     * The SHA-256 (lowercase hex) that the source itself holds for the object behind {@code link} and checks every
     * {@link #download} against, or null when it keeps none (the default). A receiver whose envelope declares the
     * same sha256 need not hash the bytes again. An Object Store holds one: jnats digests each object when it is
     * stored and verifies that digest while it is read.
     *
     * @throws IOException when the source cannot be asked
     */
    default String verifiedSha256(URI link) throws IOException {
        return null;
    }
}
