package io.github.msghandler.core;

import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.nats.client.support.Validator;

/**
 * An envelope's NATS message on its way out: subject, headers and body, nothing computed yet. jnats builds the
 * protocol line once, when the message is published; the public {@link NatsMessage} constructor built it too, and
 * split the subject into its tokens to check it, for every message (a tenth of a sender's own time).
 */
final class OutgoingMessage extends NatsMessage {
    /** The last subject found valid: a sender sends to the same one again and again, and a String never changes. */
    private static volatile String lastValidSubject;

    OutgoingMessage(String subject, Headers headers, byte[] data) {
        super(data);
        this.subject = valid(subject);
        this.headers = headers.isEmpty() ? null : headers;
    }

    private static String valid(String subject) {
        if (subject != lastValidSubject) {
            Validator.validateSubject(subject, true);
            lastValidSubject = subject;
        }
        return subject;
    }
}
