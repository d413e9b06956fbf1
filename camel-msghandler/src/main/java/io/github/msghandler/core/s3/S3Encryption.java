package io.github.msghandler.core.s3;

import java.util.Locale;

/** Server-side encryption of stored payloads: none, SSE-S3 ({@code AES256}) or SSE-KMS ({@code aws:kms}). */
public enum S3Encryption {
    NONE("none"),
    SSE_S3("AES256"),
    SSE_KMS("aws:kms");

    private final String headerValue;

    S3Encryption(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value of the {@code x-amz-server-side-encryption} header, {@code none} for no header. */
    public String headerValue() {
        return headerValue;
    }

    /** Parses {@code none}, {@code AES256} or {@code aws:kms} (any case). */
    public static S3Encryption fromHeaderValue(String value) {
        for (S3Encryption encryption : values()) {
            if (encryption.headerValue.equalsIgnoreCase(value == null ? "none" : value.trim())) {
                return encryption;
            }
        }
        throw new IllegalArgumentException("unknown server-side encryption '" + value
                + "': use none, AES256 (SSE-S3) or aws:kms (SSE-KMS)");
    }

    @Override
    public String toString() {
        return headerValue.toLowerCase(Locale.ROOT);
    }
}
