package io.github.msghandler.camel;

import io.github.msghandler.core.ReceivedPayload;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.api.WirePayload;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.util.FileUtil;

import java.io.File;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Camel message into the payloads of one envelope. A received payload (the body a msghandler consumer
 * gives) is sent on as it arrived: same bytes, sha256, type and metadata. A body that is a list of payloads (core
 * {@link Payload}s, received {@link ReceivedPayload}s, Camel {@link Message}s or {@code (dataname, data, type)}
 * tuples) gives exactly those; any other body gives one payload. Its type: the {@code payloadType} option
 * (converting the body), else the {@link MsgHandlerConstants#PAYLOAD_TYPE} header when the body fits that type,
 * else the body's Java type, content type and file extension. Camel attachments follow as further payloads.
 */
final class ExchangePayloads {
    static final String DEFAULT_DATANAME = "body";
    private static final String GENERIC_FILE = "org.apache.camel.component.file.GenericFile";

    private final MsgHandlerConfiguration configuration;

    ExchangePayloads(MsgHandlerConfiguration configuration) {
        this.configuration = configuration;
    }

    List<Payload> toPayloads(Exchange exchange) {
        Message message = exchange.getMessage();
        List<Payload> payloads = new ArrayList<>();
        Object body = message.getBody();
        if (isPayloadList(body)) {
            for (Object element : (Collection<?>) body) {
                payloads.add(fromElement(exchange, element));
            }
        } else if (body != null) {
            payloads.add(fromBody(exchange, message, body, configuration.getPayloadType(), configuration.getDataName()));
        }
        payloads.addAll(AttachmentPayloads.of(exchange));
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("the message has no body and no attachments: nothing to send");
        }
        return payloads;
    }

    private static boolean isPayloadList(Object body) {
        if (!(body instanceof Collection) || ((Collection<?>) body).isEmpty()) {
            return false;
        }
        for (Object element : (Collection<?>) body) {
            if (!(element instanceof Payload || element instanceof ReceivedPayload || element instanceof Message
                    || isTuple(element))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTuple(Object element) {
        List<?> tuple = element instanceof List ? (List<?>) element
                : element instanceof Object[] ? List.of((Object[]) element) : null;
        return tuple != null && tuple.size() == 3 && tuple.get(0) instanceof String && tuple.get(2) instanceof String;
    }

    private Payload fromElement(Exchange exchange, Object element) {
        if (element instanceof Payload) {
            return (Payload) element;
        }
        if (element instanceof ReceivedPayload received) {
            return Payload.forwarding(received.dataname(), received);
        }
        if (element instanceof Message) {
            Message part = (Message) element;
            return fromBody(exchange, part, part.getBody(), null, null);
        }
        List<?> tuple = element instanceof List ? (List<?>) element : List.of((Object[]) element);
        return Payload.of((String) tuple.get(0), tuple.get(1), (String) tuple.get(2));
    }

    /** One payload from a message's body, named and typed from its headers first. */
    private Payload fromBody(Exchange exchange, Message message, Object body, String typeOption, String nameOption) {
        String fileName = message.getHeader(Exchange.FILE_NAME, String.class);
        String dataname = firstNonEmpty(message.getHeader(MsgHandlerConstants.DATA_NAME, String.class), fileName,
                nameOption, DEFAULT_DATANAME);
        Object value = isGenericFile(body) ? genericFileContent(exchange, body) : body;
        if (value instanceof ReceivedPayload received) {
            // sent on as it arrived, unless the route forces another type
            if (typeOption == null || parseType(dataname, typeOption, value) == received.type()) {
                return Payload.forwarding(dataname, received);
            }
            value = received.value();
        }
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        PayloadType type;
        if (configuration.isEncodedBody() && isRawValue(value)) {
            // a payload's bytes already, carried through another system: sent as they are, typed as told
            String typeName = typeOption != null ? typeOption
                    : message.getHeader(MsgHandlerConstants.PAYLOAD_TYPE, String.class);
            if (typeName == null || typeName.isEmpty()) {
                throw new PayloadValueException(dataname, "?", value, "a payload type with encodedBody=true: the "
                        + "payloadType option or the " + MsgHandlerConstants.PAYLOAD_TYPE + " header");
            }
            type = parseType(dataname, typeName, value);
            return withContentMetadata(Payload.encoded(dataname, value, type), type, contentType, dataname, fileName);
        } else if (typeOption != null) {
            type = parseType(dataname, typeOption, value);
            value = convertForType(exchange, dataname, type, value);
        } else {
            // The header, often left by a msghandler consumer, names the type only of a body that still fits it:
            // a route that replaced the body (a reply, say) gets its new body's own type.
            PayloadType headerType = headerType(message, dataname, value);
            type = headerType != null && fits(headerType, value) ? headerType : inferType(value, dataname, contentType);
        }
        return withContentMetadata(Payload.of(dataname, value, type), type, contentType, dataname, fileName);
    }

    /** The content type (guessed from the dataname for raw bytes) and the file name, as payload metadata. */
    private static Payload withContentMetadata(Payload payload, PayloadType type, String contentType,
                                               String dataname, String fileName) {
        String mime = type.isRawBytes() ? mimeType(contentType, dataname) : contentType;
        if (mime != null) {
            payload = payload.withMetadata(WirePayload.CONTENT_TYPE, mime);
        }
        if (fileName != null) {
            payload = payload.withMetadata(WirePayload.FILENAME, FileUtil.stripPath(fileName));
        }
        return payload;
    }

    private static PayloadType headerType(Message message, String dataname, Object value) {
        String name = message.getHeader(MsgHandlerConstants.PAYLOAD_TYPE, String.class);
        return name == null || name.isEmpty() ? null : parseType(dataname, name, value);
    }

    private static boolean isRawValue(Object value) {
        return value instanceof byte[] || value instanceof InputStream || value instanceof ByteBuffer
                || value instanceof File || value instanceof Path;
    }

    /** Whether a value is one the type's codec takes as it is. */
    private static boolean fits(PayloadType type, Object value) {
        switch (type) {
            case TEXT:
                return value instanceof CharSequence;
            case DICTIONARY:
                return !(value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                        || isRawValue(value));
            case JSONTABLE:
            case ARROWTABLE:
                return value instanceof Collection || isArrowTable(value);
            default:
                return isRawValue(value);
        }
    }

    private PayloadType inferType(Object value, String dataname, String contentType) {
        if (value instanceof CharSequence) {
            return PayloadType.TEXT;
        }
        if (isRawValue(value)) {
            return rawType(mimeType(contentType, dataname));
        }
        if (isArrowTable(value)) {
            return PayloadType.ARROWTABLE;
        }
        if (value instanceof Collection && !((Collection<?>) value).isEmpty()
                && ((Collection<?>) value).iterator().next() instanceof Map) {
            return PayloadType.fromWireName(configuration.getTableFormat());
        }
        return PayloadType.DICTIONARY;
    }

    /** image/*, audio/* and video/* by MIME type; anything else is binary. */
    static PayloadType rawType(String mime) {
        String major = mime == null ? "" : mime.toLowerCase(Locale.ROOT);
        if (major.startsWith("image/")) {
            return PayloadType.IMAGE;
        }
        if (major.startsWith("audio/")) {
            return PayloadType.AUDIO;
        }
        if (major.startsWith("video/")) {
            return PayloadType.VIDEO;
        }
        return PayloadType.BINARY;
    }

    /**
     * The declared MIME type when it says something, else a guess from the name by the JDK's own
     * file-name-to-MIME table (so no list of extensions lives here).
     */
    static String mimeType(String declared, String name) {
        if (declared != null && !declared.isBlank() && !declared.startsWith("application/octet-stream")) {
            return declared;
        }
        String guessed = URLConnection.getFileNameMap().getContentTypeFor(name);
        return guessed != null ? guessed : declared;
    }

    private static boolean isArrowTable(Object value) {
        // By class name: the Camel layer must not load Arrow classes for users without Arrow.
        String name = value.getClass().getName();
        return name.equals("org.apache.arrow.vector.VectorSchemaRoot")
                || name.equals("io.github.msghandler.core.arrow.ArrowTable");
    }

    private static boolean isGenericFile(Object body) {
        for (Class<?> type = body == null ? null : body.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(GENERIC_FILE)) {
                return true;
            }
        }
        return false;
    }

    /** A local file as a File (streamed from disk, size known), a remote one as a stream. */
    private static Object genericFileContent(Exchange exchange, Object genericFile) {
        File file = exchange.getContext().getTypeConverter().tryConvertTo(File.class, exchange, genericFile);
        if (file != null && file.isFile()) {
            return file;
        }
        return exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, genericFile);
    }

    private static PayloadType parseType(String dataname, String typeName, Object value) {
        try {
            return PayloadType.fromWireName(typeName);
        } catch (IllegalArgumentException e) {
            throw new PayloadValueException(dataname, typeName, value, e.getMessage(), e);
        }
    }

    /** A forced type gets the value class it needs, through Camel's type converters. */
    private static Object convertForType(Exchange exchange, String dataname, PayloadType type, Object value) {
        try {
            if (type == PayloadType.TEXT && !(value instanceof CharSequence)) {
                return exchange.getContext().getTypeConverter().mandatoryConvertTo(String.class, exchange, value);
            }
            if (type.isRawBytes() && !isRawValue(value)) {
                return exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, value);
            }
        } catch (NoTypeConversionAvailableException e) {
            throw new PayloadValueException(dataname, type.wireName(), value, "no Camel type converter to "
                    + (type == PayloadType.TEXT ? "String" : "byte[]"), e);
        }
        return value;
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
