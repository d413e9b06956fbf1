package io.github.msghandler.core;

import io.github.msghandler.core.codec.PayloadContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One payload on its way out: its encoded content, its byte count once known, and the transport chosen for it.
 * A stream of unknown length is read only up to the size threshold: if it ends before, it is small and stays in
 * memory; if not, the bytes read so far are put back in front of the rest for the upload.
 */
final class PreparedPayload {
    private final Payload payload;
    private final String id = RandomIds.uuid();
    private PayloadContent content;
    private long size;
    private Transport transport;
    private WirePayload wire;

    PreparedPayload(Payload payload, PayloadContent content, long threshold) {
        this.payload = payload;
        this.content = content;
        this.size = content.size();
        if (!content.isSizeKnown()) {
            readPrefix(threshold);
        }
        this.transport = size >= 0 && size < threshold ? Transport.DIRECT : Transport.LINK;
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
        wire = builder(bytes.length, Sha256.hex(bytes))
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
        Map<String, Object> metadata = new LinkedHashMap<>(payload.metadata());
        if (content.file() != null) {
            metadata.putIfAbsent(WirePayload.FILENAME, content.file().getFileName().toString());
        }
        metadata.put(WirePayload.SHA256, sha256);
        return WirePayload.builder()
                .id(id)
                .dataname(payload.dataname())
                .payloadType(payload.type())
                .size(byteCount)
                .metadata(metadata);
    }
}
