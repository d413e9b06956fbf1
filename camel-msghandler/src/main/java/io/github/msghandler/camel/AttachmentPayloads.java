package io.github.msghandler.camel;

import io.github.msghandler.core.Payload;
import io.github.msghandler.core.api.WirePayload;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.attachment.AttachmentMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Camel attachments (camel-attachments) as further payloads, named after the attachment and typed from its MIME
 * type. camel-attachments is optional: without it on the classpath there are no attachments to send.
 */
final class AttachmentPayloads {
    private static final boolean PRESENT = isPresent();

    private AttachmentPayloads() {
    }

    static List<Payload> of(Exchange exchange) {
        if (!PRESENT) {
            return List.of();
        }
        // a view of the exchange's message; the attachments themselves live beside it
        AttachmentMessage attachments = exchange.getMessage(AttachmentMessage.class);
        if (attachments == null || !attachments.hasAttachments()) {
            return List.of();
        }
        List<Payload> payloads = new ArrayList<>();
        for (Map.Entry<String, jakarta.activation.DataHandler> entry : attachments.getAttachments().entrySet()) {
            String mime = ExchangePayloads.mimeType(entry.getValue().getContentType(), entry.getKey());
            try {
                payloads.add(Payload.of(entry.getKey(), entry.getValue().getInputStream(),
                                ExchangePayloads.rawType(mime))
                        .withMetadata(WirePayload.CONTENT_TYPE, mime)
                        .withMetadata(WirePayload.FILENAME, entry.getKey()));
            } catch (IOException e) {
                throw new RuntimeCamelException("cannot read attachment '" + entry.getKey() + "'", e);
            }
        }
        return payloads;
    }

    private static boolean isPresent() {
        try {
            Class.forName("org.apache.camel.attachment.AttachmentMessage", false,
                    AttachmentPayloads.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
