package io.github.msghandler.core.api;

/**
 * A feature was used whose optional library is not on the classpath; the message names the artifact to add.
 */
public class MissingDependencyException extends MsgHandlerException {
    private static final long serialVersionUID = 1L;

    public MissingDependencyException(String message) {
        super(message);
    }
}
