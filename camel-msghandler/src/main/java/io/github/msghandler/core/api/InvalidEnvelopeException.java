package io.github.msghandler.core.api;

/**
 * A received envelope does not follow wire format v1: not JSON, a missing or mistyped field, an unknown payload type
 * or transport, bad base64, or payload bytes that do not decode as their type.
 */
public class InvalidEnvelopeException extends BrokenMessageException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the JSON path of the offending field, for example {@code payloads[2].payload_type}
     * @param problem what is wrong with it
     */
    public InvalidEnvelopeException(String field, String problem) {
        this(field, problem, null);
    }

    public InvalidEnvelopeException(String field, String problem, Throwable cause) {
        super("invalid msghandler envelope: " + field + ": " + problem, cause);
        this.field = field;
    }

    /** The JSON path of the offending field ({@code $} for the whole document). */
    public String field() {
        return field;
    }
}
