package io.github.msghandler.core;

import io.github.msghandler.core.api.FrozenMaps;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;
import io.github.msghandler.core.api.WirePayload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One payload to send: the original msghandler's {@code (dataname, data, type)} tuple, plus optional payload metadata such as
 * {@code content_type} or {@code filename} (wire format section 3).
 *
 * <p>Immutable; the data value itself is held as given.
 */
public final class Payload {
    private final String dataname;
    private final Object data;
    private final PayloadType type;
    private final Map<String, Object> metadata;
    /** The data are the payload bytes already, encoded for the type: sent as they are. */
    private final boolean encoded;

    private Payload(String dataname, Object data, PayloadType type, Map<String, Object> metadata) {
        this(dataname, data, type, metadata, false);
    }

    private Payload(String dataname, Object data, PayloadType type, Map<String, Object> metadata, boolean encoded) {
        if (dataname == null || dataname.isEmpty()) {
            throw new IllegalArgumentException("a payload needs a non-empty dataname");
        }
        this.dataname = dataname;
        this.data = data;
        this.type = Objects.requireNonNull(type, "type");
        this.metadata = FrozenMaps.copyOf(metadata);
        this.encoded = encoded;
    }

    /** The original msghandler's tuple. */
    public static Payload of(String dataname, Object data, PayloadType type) {
        return new Payload(dataname, data, type, Map.of());
    }

    /**
     * The original msghandler's tuple with the type by wire name.
     *
     * @throws PayloadValueException for an unknown type name, naming the dataname, the type and the value's class
     */
    public static Payload of(String dataname, Object data, String type) {
        PayloadType payloadType;
        try {
            payloadType = PayloadType.fromWireName(type);
        } catch (IllegalArgumentException e) {
            throw new PayloadValueException(dataname, type, data, e.getMessage(), e);
        }
        return of(dataname, data, payloadType);
    }

    /**
     * A received payload to send on as it arrived: its bytes (not decoded, not encoded again), its sha256, and all
     * its metadata, under the given dataname.
     */
    public static Payload forwarding(String dataname, ReceivedPayload received) {
        Map<String, Object> metadata = new LinkedHashMap<>(received.metadata());
        metadata.remove(WirePayload.SHA256);   // smartpack writes the sha256 of what it sends
        return new Payload(dataname, received, received.type(), metadata);
    }

    /**
     * Payload bytes already encoded for their type (wire format section 4: UTF-8 text, JSON, an Arrow IPC stream,
     * raw bytes), sent as they are, not decoded and encoded again: for bridges that carry payloads through other
     * systems. Bytes in memory of a {@code text}, {@code dictionary} or {@code jsontable} are checked to parse as
     * their type when packed.
     *
     * @param bytes a byte[], InputStream, Path or File
     */
    public static Payload encoded(String dataname, Object bytes, PayloadType type) {
        return new Payload(dataname, bytes, type, Map.of(), true);
    }

    /** A copy with one more payload metadata entry (for example {@code content_type}). */
    public Payload withMetadata(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Payload(dataname, data, type, copy, encoded);
    }

    /** Whether the data are the payload bytes already ({@link #encoded}). */
    public boolean isEncoded() {
        return encoded;
    }

    public String dataname() {
        return dataname;
    }

    public Object data() {
        return data;
    }

    public PayloadType type() {
        return type;
    }

    /** Payload metadata to send besides the {@code sha256} this library always writes. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "Payload[" + dataname + ", " + type + ", " + (data == null ? "null" : data.getClass().getName()) + "]";
    }
}
