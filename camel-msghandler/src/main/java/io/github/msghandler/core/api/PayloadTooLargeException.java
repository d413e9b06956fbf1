package io.github.msghandler.core.api;

/**
 * A received payload declares more bytes than the receiver accepts (option {@code maxPayloadSize}); nothing was
 * fetched or decoded.
 */
public class PayloadTooLargeException extends BrokenMessageException {
    private static final long serialVersionUID = 1L;

    private final String dataname;

    public PayloadTooLargeException(String dataname, long size, long maxPayloadSize) {
        super("payload '" + dataname + "' declares " + size + " bytes, more than the " + maxPayloadSize
                + " accepted (option maxPayloadSize)");
        this.dataname = dataname;
    }

    public String dataname() {
        return dataname;
    }
}
