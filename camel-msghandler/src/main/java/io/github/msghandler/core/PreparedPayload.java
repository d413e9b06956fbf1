package io.github.msghandler.core;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.core.codec.MalformedPayloadException;
import io.github.msghandler.core.codec.PayloadContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One payload on its way out: its encoded content, its byte count once known, and the transport chosen for it.
 * A stream of unknown length is read only up to the size threshold: if it ends before, it is small and stays in
 * memory; if not, the bytes read so far are put back in front of the rest for the upload.
 */
final class PreparedPayload {
    /** The types whose encoded bytes are cheap to check (Arrow may not even be there). */
    private static final Set<PayloadType> PARSE_CHECKED =
            EnumSet.of(PayloadType.TEXT, PayloadType.DICTIONARY, PayloadType.JSONTABLE);

    private final Payload payload;
    private final String id = RandomIds.uuid();
    private PayloadContent content;
    /** The verified sha256 of a received payload sent on unchanged, so its bytes are not hashed again. */
    private final String receivedSha256;
    /** A file the caller gave as the data, whose name goes out as {@code filename} unless one is set. */
    private final Path userFile;
    private long size;
    private Transport transport;
    private WirePayload wire;

    PreparedPayload(Payload payload, long threshold) {
        this.payload = payload;
        ReceivedPayload received = payload.data() instanceof ReceivedPayload r && r.type() == payload.type() ? r : null;
        this.content = received != null ? received.content() : encode(payload);
        this.receivedSha256 = received != null ? received.sha256() : null;
        this.userFile = received == null ? content.file() : null;
        this.size = content.size();
        if (!content.isSizeKnown()) {
            readPrefix(threshold);
        }
        this.transport = size >= 0 && size < threshold ? Transport.DIRECT : Transport.LINK;
    }

    /**
     * The payload bytes of a value; a received payload given under another type is decoded and re-encoded; bytes
     * already encoded are taken as they are, once checked to parse when they are text or JSON in memory.
     */
    private static PayloadContent encode(Payload payload) {
        if (payload.isEncoded()) {
            PayloadContent bytes = PayloadCodecs.forType(PayloadType.BINARY).encode(payload.dataname(), payload.data());
            if (payload.data() instanceof byte[] && PARSE_CHECKED.contains(payload.type())) {
                try {
                    PayloadCodecs.forType(payload.type()).decode(bytes);
                } catch (IOException | MalformedPayloadException | RuntimeException e) {
                    throw new PayloadValueException(payload.dataname(), payload.type().wireName(), payload.data(),
                            "bytes that parse as " + payload.type().wireName() + ": " + e.getMessage(), e);
                }
            }
            return bytes;
        }
        Object value = payload.data() instanceof ReceivedPayload r ? r.value() : payload.data();
        return PayloadCodecs.forType(payload.type()).encode(payload.dataname(), value);
    }


    private void readPrefix(long threshold) {
        try {
            InputStream stream = content.openStream();
            byte[] prefix = stream.readNBytes((int) Math.min(threshold, Integer.MAX_VALUE - 8));
            if (prefix.length < threshold) {
                content = PayloadContent.ofBytes(prefix);
                size = prefix.length;
            } else {
                content = PayloadContent.ofStream(new SequenceInputStream(new ByteArrayInputStream(prefix), stream));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read payload '" + payload.dataname() + "'", e);
        }
    }

    Payload payload() {
        return payload;
    }

    String id() {
        return id;
    }

    PayloadContent content() {
        return content;
    }

    /** The byte count, or -1 for a stream not read to its end yet. */
    long size() {
        return size;
    }

    Transport transport() {
        return transport;
    }

    /** Sends this payload by link after all, to keep the envelope under the broker's max_payload. */
    void moveToLink() {
        transport = Transport.LINK;
        wire = null;
    }

    /** The wire object, built once per transport. */
    WirePayload wire() {
        return wire;
    }

    WirePayload buildDirect() throws IOException {
        byte[] bytes = content.bytes();
        wire = builder(bytes.length, receivedSha256 != null ? receivedSha256 : Sha256.hex(bytes))
                .transport(Transport.DIRECT)
                .directBytes(bytes)
                .build();
        return wire;
    }

    WirePayload buildLink(String url, long uploadedSize, String sha256) {
        wire = builder(uploadedSize, sha256).transport(Transport.LINK).data(url).build();
        return wire;
    }

    private WirePayload.Builder builder(long byteCount, String sha256) {
        Map<String, Object> metadata;
        if (payload.metadata().isEmpty() && userFile == null) {
            metadata = Map.of(WirePayload.SHA256, sha256);
        } else {
            metadata = new LinkedHashMap<>(payload.metadata());
            if (userFile != null) {
                metadata.putIfAbsent(WirePayload.FILENAME, userFile.getFileName().toString());
            }
            metadata.put(WirePayload.SHA256, sha256);
        }
        return WirePayload.builder()
                .id(id)
                .dataname(payload.dataname())
                .payloadType(payload.type())
                .size(byteCount)
                .metadata(metadata);
    }
}
