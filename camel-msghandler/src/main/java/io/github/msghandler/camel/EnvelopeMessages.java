package io.github.msghandler.camel;

import io.github.msghandler.core.DecodedPayload;
import io.github.msghandler.core.Envelope;
import io.github.msghandler.core.UnpackedEnvelope;
import io.github.msghandler.core.WirePayload;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.converter.stream.FileInputStreamCache;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.SynchronizationAdapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a received envelope into a Camel message: every envelope field as a header; one payload as the body (with
 * its payload headers and {@code CamelFileName} = dataname), several as a {@code List<Message>} that
 * {@code .split(body())} turns into one exchange per payload, each with its own headers.
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

        List<DecodedPayload> payloads = unpacked.payloads();
        if (payloads.size() == 1) {
            setPayload(exchange, target, payloads.get(0));
        } else if (payloads.isEmpty()) {
            target.setBody(null);
        } else {
            List<Message> parts = new ArrayList<>(payloads.size());
            for (DecodedPayload payload : payloads) {
                Message part = new DefaultMessage(exchange);
                setPayload(exchange, part, payload);
                parts.add(part);
            }
            target.setBody(parts);
        }
    }

    private static void setPayload(Exchange exchange, Message target, DecodedPayload payload) {
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
     * A spooled payload reaches the route as Camel's file-backed stream cache over its verified temporary file:
     * Camel does not read it into memory to cache it, it can be read again, and the file goes when the exchange
     * completes.
     */
    private static Object bodyOf(Exchange exchange, DecodedPayload payload) {
        if (!payload.isSpooled()) {
            return payload.value();
        }
        Path file = payload.value(Path.class);
        FileInputStreamCache body = new FileInputStreamCache(file.toFile());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                body.close();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover temp file is the OS's to clean
                }
            }
        });
        return body;
    }
}
