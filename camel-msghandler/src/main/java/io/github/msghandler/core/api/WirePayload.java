package io.github.msghandler.core.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A payload object exactly as it travels in the envelope (wire format section 3): for a direct payload
 * {@link #data()} is the base64 text, for a link payload the URL. A direct payload built from its bytes keeps
 * them and is written with Jackson's base64 encoder straight into the envelope, with no base64 string between.
 *
 * <p>Immutable; build one with {@link #builder()}.
 */
public final class WirePayload {
    /** The payload metadata key holding the lowercase hex SHA-256 of the payload bytes. */
    public static final String SHA256 = "sha256";
    /** The payload metadata key holding a MIME type hint. */
    public static final String CONTENT_TYPE = "content_type";
    /** The payload metadata key holding an original file name. */
    public static final String FILENAME = "filename";

    private final String id;
    private final String dataname;
    private final PayloadType payloadType;
    private final Transport transport;
    private final long size;
    private final String data;
    private final byte[] directBytes;
    /** The base64 text of a direct payload as the bytes of the envelope it was read from, when read so. */
    private final ByteSlice base64;
    private final Map<String, Object> metadata;

    /** A range of an array that is not copied. */
    private record ByteSlice(byte[] source, int offset, int length) {
        String text() {
            return new String(source, offset, length, StandardCharsets.UTF_8);
        }

        byte[] decodeBase64() {
            ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(source, offset, length));
            byte[] array = decoded.array();
            return decoded.remaining() == array.length ? array : Arrays.copyOf(array, decoded.remaining());
        }
    }

    private WirePayload(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        this.dataname = Objects.requireNonNull(builder.dataname, "dataname");
        this.payloadType = Objects.requireNonNull(builder.payloadType, "payloadType");
        this.transport = Objects.requireNonNull(builder.transport, "transport");
        if (builder.data == null && builder.directBytes == null && builder.base64 == null) {
            throw new NullPointerException("data");
        }
        if ((builder.directBytes != null || builder.base64 != null) && transport != Transport.DIRECT) {
            throw new IllegalArgumentException("payload bytes go in the envelope only with transport direct");
        }
        this.data = builder.data;
        this.directBytes = builder.directBytes;
        this.base64 = builder.base64;
        if (builder.size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + builder.size);
        }
        this.size = builder.size;
        this.metadata = FrozenMaps.copyOf(builder.metadata);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).dataname(dataname).payloadType(payloadType).transport(transport)
                .size(size).data(data).directBytes(directBytes).base64(base64).metadata(metadata);
    }

    public String id() {
        return id;
    }

    public String dataname() {
        return dataname;
    }

    public PayloadType payloadType() {
        return payloadType;
    }

    public Transport transport() {
        return transport;
    }

    /** {@code base64} for direct payloads, {@code none} for links. */
    public String encoding() {
        return transport.encoding();
    }

    /** The number of payload bytes, before any base64. */
    public long size() {
        return size;
    }

    /** Base64 text (direct) or URL (link). */
    public String data() {
        if (data != null) {
            return data;
        }
        return base64 != null ? base64.text() : Base64.getEncoder().encodeToString(directBytes);
    }

    /**
     * The bytes of a direct payload: the array it was built from (not a copy: do not modify it), or its base64
     * text decoded.
     *
     * @throws IllegalStateException for a link payload
     * @throws IllegalArgumentException when the base64 text is not valid
     */
    public byte[] directBytes() {
        if (transport != Transport.DIRECT) {
            throw new IllegalStateException("payload '" + dataname + "' travels by link, not in the envelope");
        }
        if (directBytes != null) {
            return directBytes;
        }
        return base64 != null ? base64.decodeBase64() : Base64.getDecoder().decode(data);
    }

    /** The length of the padded base64 text of {@code bytes} bytes. */
    public static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /** The length of {@link #data()} in characters, without encoding it. */
    public long dataLength() {
        if (data != null) {
            return data.length();
        }
        return base64 != null ? base64.length() : base64Length(directBytes.length);
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The {@code sha256} metadata entry, or null when the sender wrote none. */
    public String sha256() {
        Object value = metadata.get(SHA256);
        return value instanceof String ? (String) value : null;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WirePayload)) {
            return false;
        }
        WirePayload that = (WirePayload) other;
        return size == that.size && id.equals(that.id) && dataname.equals(that.dataname)
                && payloadType == that.payloadType && transport == that.transport && data().equals(that.data())
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, dataname, payloadType, transport, size, data(), metadata);
    }

    /** Leaves out the data itself, which may be large. */
    @Override
    public String toString() {
        return "WirePayload[id=" + id + ", dataname=" + dataname + ", payload_type=" + payloadType
                + ", transport=" + transport + ", size=" + size + "]";
    }

    /** Builder for {@link WirePayload}. */
    public static final class Builder {
        private String id;
        private String dataname;
        private PayloadType payloadType;
        private Transport transport;
        private long size;
        private String data;
        private byte[] directBytes;
        private ByteSlice base64;
        /** Copied once, when built; a map of its own only once {@link #putMetadata} adds to it. */
        private Map<String, ?> metadata = Map.of();
        private boolean ownMetadata;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder dataname(String dataname) {
            this.dataname = dataname;
            return this;
        }

        public Builder payloadType(PayloadType payloadType) {
            this.payloadType = payloadType;
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        public Builder size(long size) {
            this.size = size;
            return this;
        }

        /** Base64 text (direct) or URL (link); replaces any {@link #directBytes(byte[])}. */
        public Builder data(String data) {
            this.data = data;
            this.directBytes = null;
            this.base64 = null;
            return this;
        }

        /**
         * The base64 text of a direct payload as {@code length} bytes of {@code source} from {@code offset}: a
         * reader's view of the envelope it read, neither copied nor turned into a String (do not modify them);
         * decoded when {@link WirePayload#directBytes()} is asked. Replaces any data set before.
         */
        public Builder base64(byte[] source, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, source.length);
            return base64(new ByteSlice(source, offset, length));
        }

        private Builder base64(ByteSlice slice) {
            if (slice != null) {
                this.base64 = slice;
                this.data = null;
                this.directBytes = null;
            }
            return this;
        }

        /**
         * The bytes of a direct payload, kept without a copy (do not modify them) and base64-encoded only when
         * written; replaces any {@link #data(String)}.
         */
        public Builder directBytes(byte[] bytes) {
            if (bytes != null) {
                this.directBytes = bytes;
                this.data = null;
                this.base64 = null;
            }
            return this;
        }

        /** Replaces the metadata; later changes to {@code metadata} before {@link #build()} show. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.ownMetadata = false;
            return this;
        }

        public Builder putMetadata(String key, Object value) {
            if (!ownMetadata) {
                metadata = new LinkedHashMap<String, Object>(metadata);
                ownMetadata = true;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> own = (Map<String, Object>) metadata;
            own.put(key, value);
            return this;
        }

        public WirePayload build() {
            return new WirePayload(this);
        }
    }
}
