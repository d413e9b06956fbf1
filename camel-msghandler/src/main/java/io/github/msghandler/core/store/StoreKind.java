package io.github.msghandler.core.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of claim-check store, and the one rule that picks one when none is named. */
public enum StoreKind {
    /** The broker's JetStream Object Store: needs nothing else running. */
    OBJECTSTORE,
    /** A Plik server at the file server URL. */
    PLIK,
    /** PUT and GET on the file server URL. */
    HTTP,
    /** An S3 bucket, links presigned. */
    S3;

    /** The name as options spell it: {@code objectstore}, {@code plik}, {@code http}, {@code s3}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The store named, or when none is: {@link #PLIK} when there is a file server (the original msghandler's
     * default upload handler), else {@link #OBJECTSTORE}.
     *
     * @throws IllegalArgumentException for a name that is none of the kinds
     */
    public static StoreKind choose(String named, String fileserverUrl) {
        if (named == null || named.isBlank()) {
            return fileserverUrl == null || fileserverUrl.isBlank() ? OBJECTSTORE : PLIK;
        }
        for (StoreKind kind : values()) {
            if (kind.optionName().equals(named.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown store '" + named + "': use "
                + Arrays.stream(values()).map(StoreKind::optionName).collect(Collectors.joining(", "))
                + ", or give your own with claimCheckStore=#bean");
    }
}
