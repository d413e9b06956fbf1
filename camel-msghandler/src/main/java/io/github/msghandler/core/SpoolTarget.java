package io.github.msghandler.core;

import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.codec.PayloadContent;
import io.github.msghandler.core.store.RetryingFetcher;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Receives a link payload's bytes, in memory or in a temporary file, counting and hashing them as they arrive and
 * refusing the first byte past the declared size, so a lying sender cannot fill the heap or the disk.
 */
final class SpoolTarget implements RetryingFetcher.AttemptTarget, AutoCloseable {
    private final String dataname;
    private final long declaredSize;
    private final Path file;
    private ByteArrayOutputStream memory;
    private OutputStream fileOut;
    private MessageDigest digest;
    private long count;

    private final boolean hash;

    /**
     * @param spoolDirectory null for the JVM's temporary directory; ignored when {@code toFile} is false
     * @param hash false when the source verifies the bytes against the declared sha256 itself
     */
    SpoolTarget(String dataname, long declaredSize, boolean toFile, Path spoolDirectory, boolean hash)
            throws IOException {
        this.dataname = dataname;
        this.hash = hash;
        this.declaredSize = declaredSize;
        this.file = toFile ? createTempFile(spoolDirectory) : null;
    }

    private static Path createTempFile(Path directory) throws IOException {
        return directory == null ? Files.createTempFile("msghandler-", ".payload")
                : Files.createTempFile(directory, "msghandler-", ".payload");
    }

    @Override
    public OutputStream begin() throws IOException {
        closeFile();
        digest = hash ? Sha256.newDigest() : null;
        count = 0;
        OutputStream sink;
        if (file != null) {
            fileOut = Files.newOutputStream(file);
            sink = fileOut;
        } else {
            // a size the source vouches for (its digest matched) is allocated at once; any other grows from 1 MB,
            // so that a lying size cannot make us allocate
            memory = new ByteArrayOutputStream((int) Math.min(declaredSize, hash ? 1 << 20 : Integer.MAX_VALUE - 8));
            sink = memory;
        }
        return new FilterOutputStream(sink) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (count + length > declaredSize) {
                    throw new PayloadIntegrityException(dataname, "the link delivers more than the declared size of "
                            + declaredSize + " bytes");
                }
                if (digest != null) {
                    digest.update(bytes, offset, length);
                }
                count += length;
                out.write(bytes, offset, length);
            }

            @Override
            public void close() {
                // the fetcher writes; this target decides when the file is closed
            }
        };
    }

    long count() {
        return count;
    }

    /** The sha256 of the bytes received, or null when not hashing. */
    String sha256() {
        return digest == null ? null : Sha256.hex(digest);
    }

    /** The bytes received by the last attempt. */
    PayloadContent content() throws IOException {
        if (file == null) {
            return PayloadContent.ofBytes(memory.toByteArray());
        }
        closeFile();
        return PayloadContent.ofFile(file);
    }

    private void closeFile() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
    }

    /** Closes the file and deletes it; for when the payload is not handed over. */
    void discard() {
        try {
            closeFile();
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: a temp file left behind is the OS's to clean
        }
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }
}
