package io.github.msghandler.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests and their lowercase hex form, as payload metadata carries them. */
final class Sha256 {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Cloned for each digest: a provider lookup per message showed in the small-message profile. */
    private static final MessageDigest PROTOTYPE = lookUp();

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp();
        }
    }

    /** Per thread, for one-shot digests, which leave it reset: a clone per payload was a tenth of its garbage. */
    private static final ThreadLocal<MessageDigest> ONE_SHOT = ThreadLocal.withInitial(Sha256::newDigest);

    static String hex(byte[] bytes) {
        return lowercaseHex(ONE_SHOT.get().digest(bytes));
    }

    static String hex(MessageDigest digest) {
        return lowercaseHex(digest.digest());
    }

    /** Written by table: {@code HexFormat} took as long as the digest of a 1 KB payload. */
    private static String lowercaseHex(byte[] digest) {
        byte[] text = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            text[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
