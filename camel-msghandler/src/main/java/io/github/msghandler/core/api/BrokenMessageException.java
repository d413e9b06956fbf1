package io.github.msghandler.core.api;

/**
 * The message itself is at fault (a broken envelope, a payload that fails its checks or declares too many bytes, a
 * link the receiver refuses): delivering it again cannot help. A JetStream consumer terminates such a message
 * instead of having it redelivered.
 */
public abstract class BrokenMessageException extends MsgHandlerException {
    private static final long serialVersionUID = 1L;

    protected BrokenMessageException(String message) {
        super(message);
    }

    protected BrokenMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the failure, or any of its causes, says the message itself is at fault. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokenMessageException) {
                return true;
            }
        }
        return false;
    }
}
