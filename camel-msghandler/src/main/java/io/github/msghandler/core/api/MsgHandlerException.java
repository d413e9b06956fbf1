package io.github.msghandler.core.api;

/**
 * The root of every error this library raises, so a caller can catch them all; the subclasses say what went wrong.
 */
public class MsgHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MsgHandlerException(String message) {
        super(message);
    }

    public MsgHandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
