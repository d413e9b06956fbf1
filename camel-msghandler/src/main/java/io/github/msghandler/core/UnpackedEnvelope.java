package io.github.msghandler.core;

import io.github.msghandler.core.api.Envelope;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What smartunpack returns: every envelope field (in {@link #envelope()}) and the verified payloads, in the
 * sender's order.
 */
public final class UnpackedEnvelope {
    private final Envelope envelope;
    private final List<ReceivedPayload> payloads;

    UnpackedEnvelope(Envelope envelope, List<ReceivedPayload> payloads) {
        this.envelope = envelope;
        this.payloads = List.copyOf(payloads);
    }

    /** The envelope as received; its payloads hold base64 text or URLs. */
    public Envelope envelope() {
        return envelope;
    }

    public List<ReceivedPayload> payloads() {
        return payloads;
    }

    /** The first payload with this dataname. */
    public Optional<ReceivedPayload> payload(String dataname) {
        return payloads.stream().filter(p -> p.dataname().equals(dataname)).findFirst();
    }

    /** Deletes the temporary files of spooled payloads; call it when done with them. */
    public void deleteSpooledFiles() throws IOException {
        for (ReceivedPayload payload : payloads) {
            payload.deleteSpoolFile();
        }
    }

    @Override
    public String toString() {
        return "UnpackedEnvelope[" + envelope + "]";
    }
}
