package io.github.msghandler.core.api;

/**
 * The NATS broker could not be reached, or refused a publish (for example an envelope over its max_payload).
 */
public class BrokerException extends MsgHandlerException {
    private static final long serialVersionUID = 1L;

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
