package io.github.msghandler.core.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

/**
 * The seed's {@code fileserver_download_handler}: fetches the payload bytes behind a link, once. Retries with
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
}
