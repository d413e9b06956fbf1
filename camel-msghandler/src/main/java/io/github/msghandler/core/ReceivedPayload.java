package io.github.msghandler.core;

import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.MissingDependencyException;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.core.codec.MalformedPayloadException;
import io.github.msghandler.core.codec.PayloadContent;
import io.github.msghandler.core.wire.WireFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One received payload: the original msghandler's {@code (dataname, data, type)} plus the wire fields, with its payload bytes
 * already checked against the declared size and sha256. The bytes are held as they arrived (in memory, or in a
 * temporary spool file for large link payloads) and decoded into a Java value at the first {@link #value()}, or
 * inside smartunpack when {@link UnpackOptions#decodeOnReceipt()} asks for it.
 *
 * <p>The value by type: {@code text} a {@link String}; {@code dictionary} a {@link Map} or {@link java.util.List};
 * {@code jsontable} a {@code List<Map<String, Object>>}; {@code arrowtable} an
 * {@link io.github.msghandler.core.arrow.ArrowTable}; {@code image}, {@code audio}, {@code video}, {@code binary}
 * a {@code byte[]}, or the {@link Path} of the spool file when the payload was spooled (see
 * {@link UnpackOptions.Builder#spoolThreshold(long)}); {@link UnpackedEnvelope#deleteSpooledFiles()} deletes it.
 *
 * <p>Sending a received payload again (smartpack with it as the data, same type) sends these bytes with their
 * sha256 and every metadata key, without decoding or encoding them.
 */
public final class ReceivedPayload {
    private final WirePayload wire;
    private final String path;
    private PayloadContent content;
    private Object value;
    private boolean decoded;

    ReceivedPayload(WirePayload wire, PayloadContent content, String path) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.content = Objects.requireNonNull(content, "content");
        this.path = path;
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

    /** The sha256 the sender declared (and the bytes matched), or null when it declared none. */
    public String sha256() {
        return wire.sha256();
    }

    /** The payload object as it travelled (base64 text or URL in {@code data}). */
    public WirePayload wire() {
        return wire;
    }

    /**
     * The decoded value (see the class doc for its Java type), decoded at the first call.
     *
     * @throws InvalidEnvelopeException when the bytes are not a valid payload of the declared type
     * @throws MissingDependencyException for an {@code arrowtable} without Arrow on the class path
     */
    public synchronized Object value() {
        if (!decoded) {
            value = decode();
            decoded = true;
        }
        return value;
    }

    /**
     * The value as the given type.
     *
     * @throws ClassCastException naming both types when it is not one
     */
    public <T> T value(Class<T> type) {
        Object current = value();
        if (!type.isInstance(current)) {
            throw new ClassCastException("payload '" + dataname() + "' (" + type() + ") holds a "
                    + (current == null ? "null" : current.getClass().getName()) + ", not a " + type.getName());
        }
        return type.cast(current);
    }

    /** True when the payload bytes are in a temporary spool file rather than the heap. */
    public boolean isSpooled() {
        return spoolFile() != null;
    }

    /** The spool file holding the payload bytes, or null when they are in memory. */
    public synchronized Path spoolFile() {
        return content == null ? null : content.file();
    }

    /**
     * The payload bytes as they arrived (section 4: UTF-8 text, JSON, Arrow IPC or raw bytes), read from the spool
     * file if need be.
     *
     * @throws IllegalStateException when smartunpack decoded a spooled payload and deleted its file
     */
    public byte[] bytes() throws IOException {
        return content().bytes();
    }

    /** A stream over the payload bytes; the caller closes it. */
    public InputStream openStream() throws IOException {
        return content().openStream();
    }

    /** The payload bytes as smartpack sends them on. */
    synchronized PayloadContent content() {
        if (content == null) {
            throw new IllegalStateException("payload '" + dataname() + "' was decoded from a spool file that is "
                    + "deleted; only its value is left");
        }
        return content;
    }

    /**
     * Decodes now and, for a spooled payload whose value is not the spool file itself, deletes the file: the value
     * holds everything.
     */
    synchronized void decodeAndReleaseSpool() throws IOException {
        Object decodedValue = value();
        Path file = content.file();
        if (file != null && decodedValue != file) {
            Files.deleteIfExists(file);
            content = null;
        }
    }

    /** Deletes the spool file, if any; the payload's bytes are gone then. */
    public synchronized void deleteSpoolFile() throws IOException {
        Path file = spoolFile();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private Object decode() {
        try {
            return PayloadCodecs.forType(type()).decode(content());
        } catch (MalformedPayloadException e) {
            throw new InvalidEnvelopeException(path + "." + WireFields.DATA,
                    "payload '" + dataname() + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading payload '" + dataname() + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ReceivedPayload[" + dataname() + ", " + type() + ", " + transport() + ", " + size() + " bytes]";
    }
}
