package io.github.msghandler.core;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeTooLargeException;
import io.github.msghandler.core.wire.EnvelopeWriter;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

import java.nio.charset.StandardCharsets;

/**
 * An envelope as it travels: the envelope object, its JSON exactly as on the wire, and the NATS headers it travels
 * with, {@code Nats-Msg-Id} among them when it goes to JetStream or was asked for
 * ({@link PackOptions.Builder#msgIdHeader}). smartpack returns one (the original msghandler's
 * {@code (env, env_json_str)}), and {@link MsgHandler#readEnvelope} makes one of received bytes without fetching any
 * link. The server measures the JSON and the serialized headers together against its max_payload
 * ({@link #natsSize()}).
 */
public final class EncodedEnvelope {
    /** The header JetStream de-duplicates on. */
    public static final String NATS_MSG_ID = "Nats-Msg-Id";

    private static final Headers NO_HEADERS = new Headers(null, true);

    private final Envelope envelope;
    private final byte[] json;
    private final Headers natsHeaders;

    /** @param natsHeaders the headers as they travel, made by {@link #travelling} for this envelope's msg id */
    EncodedEnvelope(Envelope envelope, byte[] json, Headers natsHeaders) {
        this.envelope = envelope;
        this.json = json;
        this.natsHeaders = natsHeaders;
    }

    /**
     * A read-only copy of {@code given} (null: none), with {@code Nats-Msg-Id} set to the msg id when
     * {@code msgIdHeader} (wire format section 1). A message without headers travels as a plain {@code PUB}, which
     * neither client nor server has a header block to write or parse for.
     */
    static Headers travelling(Headers given, String msgId, boolean msgIdHeader) {
        if (!msgIdHeader && (given == null || given.isEmpty())) {
            return NO_HEADERS;   // most messages: two Headers and their maps per message were a tenth of the garbage
        }
        Headers headers = given == null ? new Headers() : new Headers(given);
        if (msgIdHeader) {
            headers.put(NATS_MSG_ID, msgId);
        } else {
            headers.remove(NATS_MSG_ID);
        }
        return new Headers(headers, true);
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

    /** The NATS headers the envelope travels with (read-only). Receivers never need them to decode it. */
    public Headers natsHeaders() {
        return natsHeaders;
    }

    /** The bytes the server counts against its max_payload: the envelope JSON and the serialized headers. */
    public long natsSize() {
        return json.length + (long) serializedSize(natsHeaders);
    }

    /** What NATS headers add to a message: nothing when there are none (a plain {@code PUB}). */
    static int serializedSize(Headers headers) {
        return headers.isEmpty() ? 0 : headers.serializedLength();
    }

    /**
     * This envelope, if its {@link #natsSize()} is within {@code maxPayload}.
     *
     * @throws EnvelopeTooLargeException naming the sizes, when a server would refuse it (and close the connection)
     */
    public EncodedEnvelope requireFits(long maxPayload) {
        return requireFits(maxPayload, "send fewer or smaller NATS headers, less metadata, or (an envelope "
                + "forwarded as it is keeps its payloads) pack it again with a lower sizeThreshold");
    }

    EncodedEnvelope requireFits(long maxPayload, String remedy) {
        if (natsSize() > maxPayload) {
            throw new EnvelopeTooLargeException(envelope.header().sendTo(), json.length,
                    serializedSize(natsHeaders), maxPayload, remedy);
        }
        return this;
    }

    /** The NATS message that carries this envelope, with its headers, to its {@code send_to} subject. */
    public Message toNatsMessage() {
        return toNatsMessage(envelope.header().sendTo());
    }

    /**
     * As {@link #toNatsMessage()}, to another subject than the envelope's {@code send_to}: an envelope forwarded as
     * it is keeps the subject it was first sent to.
     */
    public Message toNatsMessage(String subject) {
        return new OutgoingMessage(subject, natsHeaders, json);
    }

    /**
     * The same envelope travelling with the given NATS headers, and its own {@code Nats-Msg-Id} when
     * {@code msgIdHeader} (whatever {@code Nats-Msg-Id} {@code headers} holds is dropped).
     */
    public EncodedEnvelope withNatsHeaders(Headers headers, boolean msgIdHeader) {
        return new EncodedEnvelope(envelope, json, travelling(headers, envelope.header().msgId(), msgIdHeader));
    }

    /** Whether this envelope travels with {@code Nats-Msg-Id}. */
    public boolean hasMsgIdHeader() {
        return natsHeaders.containsKey(NATS_MSG_ID);
    }

    /**
     * The same envelope with another msg id and nothing else changed (payloads, links, metadata, NATS headers and
     * all), for a forwarder asked to make a new message of it.
     */
    public EncodedEnvelope withMsgId(String msgId) {
        Envelope renamed = new Envelope(envelope.header().toBuilder().msgId(msgId).build(), envelope.payloads());
        return new EncodedEnvelope(renamed, EnvelopeWriter.toBytes(renamed), travelling(natsHeaders, msgId,
                hasMsgIdHeader()));
    }

    @Override
    public String toString() {
        return "EncodedEnvelope[" + envelope + ", " + json.length + " bytes]";
    }
}
