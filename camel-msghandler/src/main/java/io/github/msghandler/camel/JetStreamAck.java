package io.github.msghandler.camel;

import io.nats.client.Message;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer to JetStream for one delivered message, handed to a route with {@code manualAck=true} in the header
 * {@link MsgHandlerConstants#ACK_HANDLE}, for routes that finish the work later (after an aggregator, or a long
 * call). Without an answer JetStream redelivers the message once {@code ackWait} has passed.
 */
public final class JetStreamAck {
    private final Message message;

    JetStreamAck(Message message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    /** Done: JetStream will not deliver the message again. */
    public void ack() {
        message.ack();
    }

    /** Failed: JetStream delivers the message again at once (up to maxDeliver). */
    public void nak() {
        message.nak();
    }

    /** Failed: JetStream delivers the message again after the delay (up to maxDeliver). */
    public void nakWithDelay(Duration delay) {
        message.nakWithDelay(delay);
    }

    /** Never: JetStream will not deliver the message again, whatever maxDeliver says. */
    public void term() {
        message.term();
    }

    /** Still working: restarts the message's ackWait. */
    public void inProgress() {
        message.inProgress();
    }

    /** How many times JetStream has delivered the message, this time included. */
    public long deliveryCount() {
        return message.metaData().deliveredCount();
    }

    @Override
    public String toString() {
        return "JetStreamAck[" + message.getSubject() + ", delivery " + deliveryCount() + "]";
    }
}
