package io.github.msghandler.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The lowercase hex SHA-256 that payload metadata carries, computed independently of the code under test. */
public final class Sha256Hex {
    private Sha256Hex() {
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Of everything the stream holds, read to its end in chunks (never whole in memory); the stream stays open. */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] chunk = new byte[64 * 1024];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            digest.update(chunk, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Of a file's content, streamed. */
    public static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A stream that digests what is read through it, for a digest taken while something else consumes it. */
    public static Digesting digesting(InputStream in) {
        return new Digesting(in);
    }

    /** See {@link #digesting(InputStream)}. */
    public static final class Digesting extends DigestInputStream {
        private Digesting(InputStream in) {
            super(in, digest());
        }

        /** The hex SHA-256 of what was read so far (call once, at the end). */
        public String hex() {
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
