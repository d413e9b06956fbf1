package io.github.msghandler.core.store;

import java.util.Objects;

/**
 * Names one payload in a claim-check store: the payload's unique {@code id} and its {@code dataname}, which stores
 * keep as the file name that a person downloading the link sees.
 *
 * @param id the payload's id (a UUID), unique per payload
 * @param dataname the payload's dataname
 */
public record ClaimCheckKey(String id, String dataname) {
    public ClaimCheckKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataname, "dataname");
    }

    /** {@code id/dataname}: unique, and readable when listing a bucket or a directory. */
    public String objectName() {
        return id + "/" + dataname;
    }
}
