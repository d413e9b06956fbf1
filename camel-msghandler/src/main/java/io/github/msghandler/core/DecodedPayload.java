package io.github.msghandler.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One received payload, checked and decoded: the seed's {@code (dataname, data, type)} plus the wire fields.
 *
 * <p>The value by type: {@code text} a {@link String}; {@code dictionary} a {@link Map} or {@link java.util.List};
 * {@code jsontable} a {@code List<Map<String, Object>>}; {@code arrowtable} an
 * {@link io.github.msghandler.core.arrow.ArrowTable}; {@code image}, {@code audio}, {@code video}, {@code binary}
 * a {@code byte[]}, or a {@link Path} to a verified temporary file when the payload was spooled (see
 * {@link UnpackOptions.Builder#spoolThreshold(long)}); the caller deletes that file.
 */
public final class DecodedPayload {
    private final WirePayload wire;
    private final Object value;

    DecodedPayload(WirePayload wire, Object value) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.value = value;
    }

    public String id() {
        return wire.id();
    }

    public String dataname() {
        return wire.dataname();
    }

    public PayloadType type() {
        return wire.payloadType();
    }

    public Transport transport() {
        return wire.transport();
    }

    /** The payload byte count, as declared and verified. */
    public long size() {
        return wire.size();
    }

    /** Payload metadata, including {@code sha256} and any keys the sender added. */
    public Map<String, Object> metadata() {
        return wire.metadata();
    }

    /** The payload object as it travelled (base64 text or URL in {@code data}). */
    public WirePayload wire() {
        return wire;
    }

    /** The decoded value: see the class doc for its Java type. */
    public Object value() {
        return value;
    }

    /**
     * The value as the given type.
     *
     * @throws ClassCastException naming both types when it is not one
     */
    public <T> T value(Class<T> type) {
        if (!type.isInstance(value)) {
            throw new ClassCastException("payload '" + dataname() + "' (" + type() + ") holds a "
                    + (value == null ? "null" : value.getClass().getName()) + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    /** True when the value is a spooled temporary file. */
    public boolean isSpooled() {
        return value instanceof Path;
    }

    /**
     * The raw payload bytes of an image, audio, video or binary payload, read from the spool file if need be.
     *
     * @throws IllegalStateException for other payload types, whose value is not bytes
     */
    public byte[] bytes() throws IOException {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof Path) {
            return Files.readAllBytes((Path) value);
        }
        throw new IllegalStateException("payload '" + dataname() + "' is " + type() + ", not bytes");
    }

    /**
     * A stream over the raw bytes of an image, audio, video or binary payload; the caller closes it.
     *
     * @throws IllegalStateException for other payload types
     */
    public InputStream openStream() throws IOException {
        if (value instanceof Path) {
            return Files.newInputStream((Path) value);
        }
        return new ByteArrayInputStream(bytes());
    }

    @Override
    public String toString() {
        return "DecodedPayload[" + dataname() + ", " + type() + ", " + transport() + ", " + size() + " bytes]";
    }
}
