package io.github.msghandler.core.api;

/**
 * A claim-check store could not take a payload: the upload failed, or the store is not usable (JetStream off,
 * file server refusing uploads).
 */
public class ClaimCheckStoreException extends MsgHandlerException {
    private static final long serialVersionUID = 1L;

    public ClaimCheckStoreException(String message) {
        super(message);
    }

    public ClaimCheckStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
