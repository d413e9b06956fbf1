package io.github.msghandler.camel;

import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.Envelope;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.core.WirePayload;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.SynchronizationAdapter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a received envelope into a Camel message: every envelope field as a header; one payload as the body (with
 * its payload headers and {@code CamelFileName} = dataname), several as a {@code List<Message>} that
 * {@code .split(body())} turns into one exchange per payload, each with its own headers. A body is the
 * {@link ReceivedPayload} itself, which {@link ReceivedPayloadConverters} decode when the route asks.
 */
final class EnvelopeMessages {
    private EnvelopeMessages() {
    }

    static void populate(Exchange exchange, Message target, UnpackedEnvelope unpacked) {
        Envelope envelope = unpacked.envelope();
        target.setHeader(MsgHandlerConstants.CORRELATION_ID, envelope.correlationId());
        target.setHeader(MsgHandlerConstants.MSG_ID, envelope.msgId());
        target.setHeader(MsgHandlerConstants.TIMESTAMP, envelope.timestamp());
        target.setHeader(MsgHandlerConstants.SEND_TO, envelope.sendTo());
        target.setHeader(MsgHandlerConstants.MSG_PURPOSE, envelope.msgPurpose());
        target.setHeader(MsgHandlerConstants.SENDER_NAME, envelope.senderName());
        target.setHeader(MsgHandlerConstants.SENDER_ID, envelope.senderId());
        target.setHeader(MsgHandlerConstants.RECEIVER_NAME, envelope.receiverName());
        target.setHeader(MsgHandlerConstants.RECEIVER_ID, envelope.receiverId());
        target.setHeader(MsgHandlerConstants.REPLY_TO, envelope.replyTo());
        target.setHeader(MsgHandlerConstants.REPLY_TO_MSG_ID, envelope.replyToMsgId());
        target.setHeader(MsgHandlerConstants.BROKER_URL, envelope.brokerUrl());
        target.setHeader(MsgHandlerConstants.METADATA, envelope.metadata());
        target.setHeader(MsgHandlerConstants.PAYLOAD_COUNT, unpacked.payloads().size());

        List<ReceivedPayload> payloads = unpacked.payloads();
        if (payloads.size() == 1) {
            setPayload(exchange, target, payloads.get(0));
        } else if (payloads.isEmpty()) {
            target.setBody(null);
        } else {
            List<Message> parts = new ArrayList<>(payloads.size());
            for (ReceivedPayload payload : payloads) {
                Message part = new DefaultMessage(exchange);
                setPayload(exchange, part, payload);
                parts.add(part);
            }
            target.setBody(parts);
        }
    }

    private static void setPayload(Exchange exchange, Message target, ReceivedPayload payload) {
        target.setHeader(MsgHandlerConstants.DATA_NAME, payload.dataname());
        target.setHeader(Exchange.FILE_NAME, payload.dataname());
        target.setHeader(MsgHandlerConstants.PAYLOAD_TYPE, payload.type().wireName());
        target.setHeader(MsgHandlerConstants.TRANSPORT, payload.transport().wireName());
        target.setHeader(MsgHandlerConstants.PAYLOAD_SIZE, payload.size());
        target.setHeader(MsgHandlerConstants.PAYLOAD_ID, payload.id());
        target.setHeader(MsgHandlerConstants.PAYLOAD_METADATA, payload.metadata());
        Object contentType = payload.metadata().get(WirePayload.CONTENT_TYPE);
        if (contentType instanceof String) {
            target.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        target.setBody(bodyOf(exchange, payload));
    }

    /**
     * The body is the payload itself, decoded only when the route converts it; a spooled payload's file goes when
     * the exchange completes.
     */
    private static Object bodyOf(Exchange exchange, ReceivedPayload payload) {
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
        return payload;
    }
}
