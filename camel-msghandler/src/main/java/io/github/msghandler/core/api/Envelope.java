package io.github.msghandler.core.api;

import java.util.List;
import java.util.Objects;

/**
 * The msghandler envelope exactly as it travels (wire format section 2): its header fields and its payloads.
 *
 * @param header   every field but the payloads
 * @param payloads the payload objects, in order
 */
public record Envelope(EnvelopeHeader header, List<WirePayload> payloads) {
    public Envelope {
        Objects.requireNonNull(header, "header");
        payloads = List.copyOf(payloads);
    }

    @Override
    public String toString() {
        return "Envelope[msg_id=" + header.msgId() + ", correlation_id=" + header.correlationId() + ", send_to="
                + header.sendTo() + ", msg_purpose=" + header.msgPurpose() + ", payloads=" + payloads + "]";
    }
}
