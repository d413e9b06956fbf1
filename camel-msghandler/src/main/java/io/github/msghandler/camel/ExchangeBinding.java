package io.github.msghandler.camel;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeField;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.NatsConnections;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.UnpackOptions;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.SynchronizationAdapter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one translation between a Camel exchange and a msghandler envelope, both ways, for the producer, the
 * consumer and the consumer's reply.
 *
 * <p>Out: the endpoint's envelope fields, overridden per message by the headers that may override them, and the
 * payloads {@link ExchangePayloads} makes of the body and attachments. In: every envelope field as a header; one
 * payload as the body (with its payload headers and {@code CamelFileName} = dataname), several as a
 * {@code List<Message>}, each with the envelope's headers too, that {@code .split(body())} turns into one exchange
 * per payload. A body is the
 * {@link ReceivedPayload} itself, which {@link ReceivedPayloadConverters} decode when the route asks. Other Camel
 * headers travel as NATS message headers, both ways, as far as the endpoint's {@link HeaderFilterStrategy} lets them.
 */
final class ExchangeBinding {
    private final Connection connection;
    private final PackOptions endpointOptions;
    private final UnpackOptions unpackOptions;
    private final boolean rawEnvelope;
    private final EndpointMetrics metrics;
    private final ExchangePayloads payloads;
    private final HeaderFilterStrategy headerFilter;

    /**
     * @param senderFields the envelope fields the endpoint's options set (those {@link EnvelopeField.Origin#PACKER}
     *                     does not)
     */
    ExchangeBinding(MsgHandlerConfiguration configuration, EnvelopeHeader senderFields, Connection connection,
                    ClaimCheckStore store, UnpackOptions unpackOptions, EndpointMetrics metrics) {
        this.connection = connection;
        this.unpackOptions = unpackOptions;
        this.rawEnvelope = configuration.isRawEnvelope();
        this.metrics = metrics;
        this.endpointOptions = PackOptions.builder()
                .publish(false)   // sending is the producer's: core NATS, JetStream or request
                .connection(connection)
                .store(store)
                .brokerUrl(configuration.getBrokerUrl())
                .sizeThreshold(configuration.getSizeThreshold())
                .header(senderFields)
                // always to JetStream, which de-duplicates on it; to core NATS only when asked
                .msgIdHeader(configuration.isJetstream() || configuration.isMsgIdHeader())
                .build();
        this.payloads = new ExchangePayloads(configuration);
        this.headerFilter = configuration.getHeaderFilterStrategy();
    }

    /**
     * The envelope of an outgoing exchange, with the given msg id, sized with the NATS headers it travels with;
     * records what was sent in its headers.
     */
    EncodedEnvelope pack(String subject, Exchange exchange, String msgId) throws CamelExchangeException {
        EnvelopeHeader header = outgoingHeader(exchange.getMessage()).msgId(msgId).build();
        return recordSent(exchange, pack(subject, exchange, header));
    }

    /**
     * The envelope in the body of an outgoing exchange (rawEnvelope), validated, as it is or with the given new
     * msg id, with the exchange's NATS headers; records what was sent in its headers.
     *
     * @throws InvalidPayloadException when the body is not bytes or text
     */
    EncodedEnvelope forward(Exchange exchange, String newMsgId) throws InvalidPayloadException, CamelExchangeException {
        EncodedEnvelope envelope = MsgHandler.readEnvelope(exchange.getMessage().getMandatoryBody(byte[].class));
        return recordSent(exchange, (newMsgId == null ? envelope : envelope.withMsgId(newMsgId))
                .withNatsHeaders(natsHeaders(exchange), endpointOptions.msgIdHeader()));
    }

    private static EncodedEnvelope recordSent(Exchange exchange, EncodedEnvelope packed) {
        Message message = exchange.getMessage();
        message.setHeader(MsgHandlerConstants.MSG_ID, packed.envelope().header().msgId());
        message.setHeader(MsgHandlerConstants.CORRELATION_ID, packed.envelope().header().correlationId());
        message.setHeader(MsgHandlerConstants.TIMESTAMP, packed.envelope().header().timestamp());
        List<WirePayload> sent = packed.envelope().payloads();
        String[] transports = new String[sent.size()];
        for (int i = 0; i < transports.length; i++) {
            transports[i] = sent.get(i).transport().wireName();
        }
        message.setHeader(MsgHandlerConstants.TRANSPORTS, List.of(transports));
        return packed;
    }

    /**
     * The NATS message that carries a packed envelope to the subject, with its NATS headers, checked against the
     * server's max_payload before anything is sent: a server given a larger message closes the connection, and
     * every message in flight on it is at risk.
     *
     * @throws io.github.msghandler.core.api.EnvelopeTooLargeException naming the sizes
     */
    io.nats.client.Message toNatsMessage(String subject, EncodedEnvelope packed) {
        return packed.requireFits(NatsConnections.maxPayload(connection)).toNatsMessage(subject);
    }

    /**
     * Section 8: the reply to a request keeps its correlation id, points reply_to_msg_id at it, names its subject
     * as reply_to and its sender as the receiver.
     */
    EncodedEnvelope packReply(String subject, Exchange exchange, Envelope request) throws CamelExchangeException {
        EnvelopeHeader header = outgoingHeader(exchange.getMessage())
                .correlationId(request.header().correlationId())
                .replyToMsgId(request.header().msgId())
                .replyTo(request.header().sendTo())
                .receiverName(request.header().senderName())
                .receiverId(request.header().senderId())
                .build();
        return pack(subject, exchange, header);
    }

    private EncodedEnvelope pack(String subject, Exchange exchange, EnvelopeHeader header)
            throws CamelExchangeException {
        return MsgHandler.smartpack(subject, payloads.toPayloads(exchange),
                endpointOptions.toBuilder().header(header).natsHeaders(natsHeaders(exchange)).build());
    }

    /** The endpoint's envelope fields with the message's headers over those a message may set. */
    private EnvelopeHeader.Builder outgoingHeader(Message message) {
        EnvelopeHeader.Builder header = endpointOptions.header().toBuilder();
        if (!message.hasHeaders()) {   // most sends: nothing to look up
            return header;
        }
        for (EnvelopeField field : EnvelopeField.ALL) {
            if (field.origin() == EnvelopeField.Origin.MESSAGE) {
                String value = message.getHeader(MsgHandlerConstants.headerOf(field), String.class);
                if (value != null && !value.isEmpty()) {
                    field.set(header, value);
                }
            }
        }
        Map<?, ?> metadata = message.getHeader(MsgHandlerConstants.METADATA, Map.class);
        if (metadata != null) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) metadata;
            header.metadata(typed);
        }
        return header;
    }

    /**
     * The message's headers that pass the filter, as NATS headers (null when it has none): a collection or array as
     * several values, anything else converted to text. A header NATS cannot carry (a name with a colon or a space, a
     * value with a line break) fails the exchange, named.
     */
    private Headers natsHeaders(Exchange exchange) throws CamelExchangeException {
        if (!exchange.getMessage().hasHeaders()) {
            return null;
        }
        Headers headers = new Headers();
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            String name = header.getKey();
            Object value = header.getValue();
            if (value == null || headerFilter.applyFilterToCamelHeaders(name, value, exchange)) {
                continue;
            }
            Iterable<?> values = value instanceof Iterable<?> many ? many
                    : value instanceof Object[] array ? Arrays.asList(array) : List.of(value);
            try {
                for (Object element : values) {
                    addText(headers, name, element, exchange);
                }
            } catch (IllegalArgumentException e) {
                throw new CamelExchangeException("header '" + name + "' cannot travel as a NATS header: "
                        + e.getMessage(), exchange, e);
            }
        }
        return headers;
    }

    private static void addText(Headers headers, String name, Object value, Exchange exchange) {
        String text = value instanceof String s ? s
                : exchange.getContext().getTypeConverter().convertTo(String.class, exchange, value);
        if (text != null) {
            headers.add(name, text);
        }
    }

    /**
     * A request's reply into {@code target}, which keeps the headers it has but those the reply sets: the NATS
     * headers that pass the filter (one value as a String, several as a List), the envelope's fields, and the
     * payload's, as {@link #receive(Exchange, io.nats.client.Message, Consumer, Function)} gives them.
     *
     * @return the envelope
     */
    Envelope receive(Exchange exchange, Message target, io.nats.client.Message natsMessage) {
        Received received = read(natsMessage, Supplier::get);
        received.fillHeaders(exchange, natsMessage, target.getHeaders());
        received.setBody(exchange, target);
        return received.envelope();
    }

    /**
     * A received NATS message as the exchange's new in message: as the body the envelope's payloads (one as a
     * {@link ReceivedPayload}, several as a {@code List<Message>}), or with rawEnvelope its JSON as it travels
     * (validated, no link fetched); as headers {@code ownHeaders}, the NATS headers that pass the filter, the
     * envelope's fields and the payload's. Headers are filled when the route first asks for them, as camel-jms
     * does: a route that reads only the body never pays for them. Counted as received.
     *
     * @param unpacking runs the unpacking it is given (a JetStream consumer keeps the message in progress meanwhile)
     * @return the envelope
     */
    Envelope receive(Exchange exchange, io.nats.client.Message natsMessage, Consumer<Map<String, Object>> ownHeaders,
                     Function<Supplier<UnpackedEnvelope>, UnpackedEnvelope> unpacking) {
        Received received = read(natsMessage, unpacking);
        Message in = new ReceivedMessage(exchange, headers -> {
            ownHeaders.accept(headers);
            received.fillHeaders(exchange, natsMessage, headers);
        });
        received.setBody(exchange, in);
        exchange.setIn(in);
        return received.envelope();
    }

    private Received read(io.nats.client.Message natsMessage,
                          Function<Supplier<UnpackedEnvelope>, UnpackedEnvelope> unpacking) {
        Received received;
        if (rawEnvelope) {
            EncodedEnvelope asItTravels = MsgHandler.readEnvelope(natsMessage.getData());
            received = new Received(asItTravels.envelope(), asItTravels, List.of());
        } else {
            UnpackedEnvelope unpacked = unpacking.apply(() -> MsgHandler.smartunpack(natsMessage, unpackOptions));
            received = new Received(unpacked.envelope(), null, unpacked.payloads());
        }
        metrics.received(received.envelope());
        return received;
    }

    /** What arrived: the envelope, and either its encoded form (rawEnvelope) or its payloads. */
    private final class Received {
        private final Envelope envelope;
        private final EncodedEnvelope asItTravels;
        private final List<ReceivedPayload> payloads;

        Received(Envelope envelope, EncodedEnvelope asItTravels, List<ReceivedPayload> payloads) {
            this.envelope = envelope;
            this.asItTravels = asItTravels;
            this.payloads = payloads;
        }

        Envelope envelope() {
            return envelope;
        }

        /** The NATS headers that pass the filter, the envelope's fields, and a single payload's fields. */
        void fillHeaders(Exchange exchange, io.nats.client.Message natsMessage, Map<String, Object> headers) {
            Headers natsHeaders = natsMessage.getHeaders();
            if (natsHeaders != null) {
                natsHeaders.forEach((name, values) -> {
                    Object value = values.size() == 1 ? values.get(0) : List.copyOf(values);
                    if (!headerFilter.applyFilterToExternalHeaders(name, value, exchange)) {
                        headers.put(name, value);
                    }
                });
            }
            EnvelopeHeader header = envelope.header();
            for (EnvelopeField field : EnvelopeField.ALL) {
                headers.put(MsgHandlerConstants.headerOf(field), field.get(header));
            }
            headers.put(MsgHandlerConstants.METADATA, header.metadata());
            headers.put(MsgHandlerConstants.PAYLOAD_COUNT, envelope.payloads().size());
            if (asItTravels == null && payloads.size() == 1) {
                putPayloadHeaders(headers, payloads.get(0));
            }
        }

        /**
         * The body: the JSON as it travels, one payload, or several as messages of their own, each with the
         * envelope's headers (the splitter makes each part the whole message of its exchange) and its payload's.
         */
        void setBody(Exchange exchange, Message target) {
            if (asItTravels != null) {
                target.setBody(asItTravels.jsonBytes());
                return;
            }
            payloads.forEach(payload -> deleteSpoolFileWith(exchange, payload));
            if (payloads.size() == 1) {
                target.setBody(payloads.get(0));
            } else if (payloads.isEmpty()) {
                target.setBody(null);
            } else {
                List<Message> parts = new ArrayList<>(payloads.size());
                for (ReceivedPayload payload : payloads) {
                    Message part = new DefaultMessage(exchange);
                    part.getHeaders().putAll(target.getHeaders());
                    putPayloadHeaders(part.getHeaders(), payload);
                    part.setBody(payload);
                    parts.add(part);
                }
                target.setBody(parts);
            }
        }
    }

    private static void putPayloadHeaders(Map<String, Object> headers, ReceivedPayload payload) {
        headers.put(MsgHandlerConstants.DATA_NAME, payload.dataname());
        headers.put(Exchange.FILE_NAME, payload.dataname());
        headers.put(MsgHandlerConstants.PAYLOAD_TYPE, payload.type().wireName());
        headers.put(MsgHandlerConstants.TRANSPORT, payload.transport().wireName());
        headers.put(MsgHandlerConstants.PAYLOAD_SIZE, payload.size());
        headers.put(MsgHandlerConstants.PAYLOAD_ID, payload.id());
        headers.put(MsgHandlerConstants.PAYLOAD_METADATA, payload.metadata());
        Object contentType = payload.metadata().get(WirePayload.CONTENT_TYPE);
        if (contentType instanceof String) {
            headers.put(Exchange.CONTENT_TYPE, contentType);
        }
    }

    /** The spool file of a payload lives as long as the exchange. */
    private static void deleteSpoolFileWith(Exchange exchange, ReceivedPayload payload) {
        if (payload.isSpooled()) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    try {
                        payload.deleteSpoolFile();
                    } catch (IOException e) {
                        // a leftover temp file is the OS's to clean
                    }
                }
            });
        }
    }
}
