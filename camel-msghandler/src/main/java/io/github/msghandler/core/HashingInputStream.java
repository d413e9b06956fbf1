package io.github.msghandler.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Counts and hashes the bytes a store reads, so a streamed link payload gets its size and sha256 in one pass; only
 * counts them for a store that hashes them itself.
 */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private long count;

    /** @param hash false: count only, the store reports the sha256 */
    HashingInputStream(InputStream in, boolean hash) {
        super(in);
        this.digest = hash ? Sha256.newDigest() : null;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && digest != null) {
            digest.update((byte) b);
        }
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && digest != null) {
            digest.update(buffer, offset, n);
        }
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would escape the digest; read them instead.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    /** The sha256 of the bytes read, or null when only counting. */
    String sha256() {
        return digest == null ? null : Sha256.hex(digest);
    }
}
