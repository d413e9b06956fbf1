package io.github.msghandler.core;

import io.github.msghandler.core.api.BrokerException;
import io.github.msghandler.core.api.ClaimCheckStoreException;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.LinkFetchException;
import io.github.msghandler.core.api.LinkRefusedException;
import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.wire.EnvelopeReader;
import io.nats.client.Message;

import java.util.List;
import java.util.Objects;

/**
 * The msghandler API of the original msghandler README, in Java: {@link #smartpack} builds (and by default publishes) an envelope
 * from {@code (dataname, data, type)} payloads; {@link #smartunpack} turns a received message back into Java
 * values. Both follow wire format v1.
 *
 * <pre>{@code
 * EncodedEnvelope sent = MsgHandler.smartpack("chat.room1",
 *         List.of(Payload.of("message_text", "Hello!", "text"), Payload.of("avatar", pngBytes, "image")),
 *         PackOptions.builder().connection(nc).build());
 *
 * UnpackedEnvelope received = MsgHandler.smartunpack(message);
 * String text = received.payload("message_text").orElseThrow().value(String.class);
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class MsgHandler {
    private MsgHandler() {
    }

    /** smartpack with every option at its original msghandler default: publishes to {@code nats://localhost:4222}. */
    public static EncodedEnvelope smartpack(String subject, List<Payload> payloads) {
        return smartpack(subject, payloads, PackOptions.defaults());
    }

    /**
     * Encodes the payloads in order, sends each one direct (base64, under the size threshold) or by link through
     * the claim-check store, and publishes the envelope unless {@link PackOptions#publish()} is false.
     *
     * @throws PayloadValueException when a value does not fit its type
     * @throws ClaimCheckStoreException when a link payload cannot be stored
     * @throws BrokerException when NATS cannot be reached or refuses the envelope
     */
    public static EncodedEnvelope smartpack(String subject, List<Payload> payloads, PackOptions options) {
        return EnvelopePacker.pack(subject, payloads, options);
    }

    /** smartunpack of a NATS message, with the original msghandler's defaults (5 attempts, 100 ms, 5000 ms). */
    public static UnpackedEnvelope smartunpack(Message message) {
        return smartunpack(message, UnpackOptions.defaults());
    }

    /**
     * Reads the envelope in the message body, fetches its link payloads ({@code nats-os} ones over the connection
     * the message came on, unless the options name another), verifies and decodes every payload.
     *
     * @throws InvalidEnvelopeException when the body breaks the contract
     * @throws PayloadIntegrityException when a payload's size or sha256 does not match
     * @throws LinkRefusedException when a link has a scheme other than http, https or nats-os
     * @throws LinkFetchException when a link cannot be fetched within the retries
     */
    public static UnpackedEnvelope smartunpack(Message message, UnpackOptions options) {
        Objects.requireNonNull(message, "message");
        return EnvelopeUnpacker.unpack(message.getData(), options, message.getConnection());
    }

    /** smartunpack of a raw message body. {@code nats-os} links need {@link UnpackOptions#connection()}. */
    public static UnpackedEnvelope smartunpack(byte[] body, UnpackOptions options) {
        return EnvelopeUnpacker.unpack(body, options, null);
    }

    /**
     * An envelope as it travels, read and validated (every field and type, duplicate keys, size limits) without
     * fetching a link or decoding a payload, with its JSON kept byte for byte: for code that forwards envelopes
     * with their claim-checks, through Kafka for example.
     *
     * @throws InvalidEnvelopeException when the body breaks the contract, naming the field
     */
    public static EncodedEnvelope readEnvelope(byte[] body) {
        Objects.requireNonNull(body, "body");
        Envelope envelope = EnvelopeReader.read(body);
        return new EncodedEnvelope(envelope, body.clone(),
                EncodedEnvelope.travelling(null, envelope.header().msgId(), false));
    }
}
