package io.github.msghandler.camel;

/** How a received message's exchange ended; JetStream turns it into ack, nak (redeliver) or term (never again). */
enum ExchangeOutcome {
    /** Processed, or taken by a dead letter channel. */
    DONE,
    /** Failed for a reason that may pass (a file server or cluster node that is down). */
    FAILED,
    /** Failed because the message itself is at fault: delivering it again cannot help. */
    REJECTED
}
