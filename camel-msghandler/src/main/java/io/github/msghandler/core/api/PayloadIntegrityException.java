package io.github.msghandler.core.api;

/**
 * Received payload bytes do not match what the envelope promised: their {@code size} or their {@code sha256}.
 * Such bytes are never handed on.
 */
public class PayloadIntegrityException extends BrokenMessageException {
    private static final long serialVersionUID = 1L;

    private final String dataname;

    public PayloadIntegrityException(String dataname, String problem) {
        super("payload '" + dataname + "' failed its integrity check: " + problem);
        this.dataname = dataname;
    }

    public String dataname() {
        return dataname;
    }
}
