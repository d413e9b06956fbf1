package io.github.msghandler.core.codec;

/**
 * Payload bytes that are not what their type says (not UTF-8 text, not a JSON object, not Arrow IPC); the unpacker
 * turns this into an {@link io.github.msghandler.core.api.InvalidEnvelopeException} naming the payload.
 */
public class MalformedPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
