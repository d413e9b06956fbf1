package io.github.msghandler.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What smartunpack returns: every envelope field (in {@link #envelope()}) and the payloads decoded to Java values,
 * in the sender's order.
 */
public final class UnpackedEnvelope {
    private final Envelope envelope;
    private final List<DecodedPayload> payloads;

    UnpackedEnvelope(Envelope envelope, List<DecodedPayload> payloads) {
        this.envelope = envelope;
        this.payloads = List.copyOf(payloads);
    }

    /** The envelope as received; its payloads hold base64 text or URLs. */
    public Envelope envelope() {
        return envelope;
    }

    public List<DecodedPayload> payloads() {
        return payloads;
    }

    /** The first payload with this dataname. */
    public Optional<DecodedPayload> payload(String dataname) {
        return payloads.stream().filter(p -> p.dataname().equals(dataname)).findFirst();
    }

    /** Deletes the temporary files of spooled payloads; call it when done with them. */
    public void deleteSpooledFiles() throws IOException {
        for (DecodedPayload payload : payloads) {
            if (payload.isSpooled()) {
                Files.deleteIfExists((Path) payload.value());
            }
        }
    }

    @Override
    public String toString() {
        return "UnpackedEnvelope[" + envelope + "]";
    }
}
