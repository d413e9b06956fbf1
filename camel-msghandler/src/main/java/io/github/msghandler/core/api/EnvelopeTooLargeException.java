package io.github.msghandler.core.api;

/**
 * An envelope that cannot travel: its JSON and the NATS headers it travels with (what the server compares with its
 * max_payload) are larger than the broker's max_payload, even with every payload sent by link. Nothing was sent;
 * a server given such a message would close the connection.
 */
public class EnvelopeTooLargeException extends BrokerException {
    private static final long serialVersionUID = 1L;

    private final long envelopeBytes;
    private final long headerBytes;
    private final long maxPayload;

    public EnvelopeTooLargeException(String subject, long envelopeBytes, long headerBytes, long maxPayload, String remedy) {
        this("the message on '" + subject + "' would be " + (envelopeBytes + headerBytes) + " bytes (envelope "
                + envelopeBytes + " + NATS headers " + headerBytes + "), more than the broker's max_payload of "
                + maxPayload + ": " + remedy, envelopeBytes, headerBytes, maxPayload);
    }

    /** The NATS headers alone leave no room for any envelope; found before anything was uploaded. */
    public static EnvelopeTooLargeException headersAlone(String subject, long headerBytes, long maxPayload) {
        return new EnvelopeTooLargeException("the NATS headers of the message on '" + subject + "' are "
                + headerBytes + " bytes, not less than the broker's max_payload of " + maxPayload
                + ", so no envelope fits beside them: send fewer or smaller NATS headers", 0, headerBytes, maxPayload);
    }

    private EnvelopeTooLargeException(String message, long envelopeBytes, long headerBytes, long maxPayload) {
        super(message);
        this.envelopeBytes = envelopeBytes;
        this.headerBytes = headerBytes;
        this.maxPayload = maxPayload;
    }

    /** The envelope JSON's size in bytes; 0 when the headers alone were too large and it was never written. */
    public long envelopeBytes() {
        return envelopeBytes;
    }

    /** The serialized NATS headers' size in bytes, {@code Nats-Msg-Id} included when it travels; 0 for none. */
    public long headerBytes() {
        return headerBytes;
    }

    /** The broker's max_payload the message was measured against. */
    public long maxPayload() {
        return maxPayload;
    }
}
