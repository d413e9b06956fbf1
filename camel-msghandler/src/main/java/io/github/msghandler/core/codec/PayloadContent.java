package io.github.msghandler.core.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The payload bytes of one payload (wire format section 4), held in memory, in a file, or (on the sending side
 * only) as a stream read once. A file or stream lets a large payload reach the claim-check store without sitting
 * whole in the heap.
 */
public final class PayloadContent {
    private static final long UNKNOWN = -1;

    private final byte[] bytes;
    private final Path file;
    private final InputStream stream;
    private final long size;

    private PayloadContent(byte[] bytes, Path file, InputStream stream, long size) {
        this.bytes = bytes;
        this.file = file;
        this.stream = stream;
        this.size = size;
    }

    public static PayloadContent ofBytes(byte[] bytes) {
        return new PayloadContent(Objects.requireNonNull(bytes, "bytes"), null, null, bytes.length);
    }

    /**
     * @throws UncheckedIOException when the file's size cannot be read
     */
    public static PayloadContent ofFile(Path file) {
        try {
            return new PayloadContent(null, file, null, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    /** A stream of unknown length; it is read once. */
    public static PayloadContent ofStream(InputStream stream) {
        return new PayloadContent(null, null, Objects.requireNonNull(stream, "stream"), UNKNOWN);
    }

    /** The byte count, or -1 for a stream whose length is not known yet. */
    public long size() {
        return size;
    }

    public boolean isSizeKnown() {
        return size != UNKNOWN;
    }

    /** True when the bytes are in memory. */
    public boolean inMemory() {
        return bytes != null;
    }

    /** The file holding the bytes, or null when they are not in a file. */
    public Path file() {
        return file;
    }

    /** The bytes, read into memory if they are in a file or stream. */
    public byte[] bytes() throws IOException {
        if (bytes != null) {
            return bytes;
        }
        if (file != null) {
            return Files.readAllBytes(file);
        }
        return stream.readAllBytes();
    }

    /** A stream over the bytes; the caller closes it. A stream content can be opened once. */
    public InputStream openStream() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (file != null) {
            return Files.newInputStream(file);
        }
        return stream;
    }
}
