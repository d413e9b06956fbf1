package io.github.msghandler.core;

import io.github.msghandler.core.wire.EnvelopeWriter;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import java.nio.charset.StandardCharsets;

/**
 * What smartpack returns: the envelope object and its JSON (the seed's {@code (env, env_json_str)}).
 */
public final class PackResult {
    /** The header JetStream de-duplicates on. */
    public static final String NATS_MSG_ID = "Nats-Msg-Id";

    private final Envelope envelope;
    private final byte[] json;

    PackResult(Envelope envelope, byte[] json) {
        this.envelope = envelope;
        this.json = json;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** The envelope JSON, exactly as published. */
    public String json() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** The envelope JSON as UTF-8 bytes (a copy), exactly as published. */
    public byte[] jsonBytes() {
        return json.clone();
    }

    /**
     * The NATS message that carries this envelope to its {@code send_to} subject, with {@code Nats-Msg-Id} set to
     * the msg id so that JetStream can drop duplicates (wire format section 1).
     */
    public Message toNatsMessage() {
        return toNatsMessage(new Headers());
    }

    /**
     * As {@link #toNatsMessage()}, carrying the given headers too; {@code Nats-Msg-Id} is always this envelope's.
     * Headers stay optional on the wire: a receiver never needs them to decode the envelope.
     */
    public Message toNatsMessage(Headers headers) {
        return toNatsMessage(envelope.header().sendTo(), headers);
    }

    /**
     * As {@link #toNatsMessage(Headers)}, to another subject than the envelope's {@code send_to}: an envelope
     * forwarded as it is keeps the subject it was first sent to.
     */
    public Message toNatsMessage(String subject, Headers headers) {
        return NatsMessage.builder()
                .subject(subject)
                .headers(headers.put(NATS_MSG_ID, envelope.header().msgId()))
                .data(json)
                .build();
    }

    /**
     * The same envelope with another msg id and nothing else changed (payloads, links, metadata and all), for a
     * forwarder asked to make a new message of it.
     */
    public PackResult withMsgId(String msgId) {
        Envelope renamed = new Envelope(envelope.header().toBuilder().msgId(msgId).build(), envelope.payloads());
        return new PackResult(renamed, EnvelopeWriter.toBytes(renamed));
    }

    @Override
    public String toString() {
        return "PackResult[" + envelope + ", " + json.length + " bytes]";
    }
}
