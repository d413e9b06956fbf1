package io.github.msghandler.core.codec;

import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.api.PayloadValueException;

import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code image}, {@code audio}, {@code video} and {@code binary}: bytes handed over unchanged. Send takes
 * {@code byte[]}, {@link ByteBuffer} (its remaining bytes), {@link InputStream}, {@link Path} or {@link File}.
 * Receive gives {@code byte[]}, or a {@link Path} to a verified temporary file for a payload spooled to disk.
 */
public final class RawBytesCodec implements PayloadCodec {
    private final PayloadType type;

    public RawBytesCodec(PayloadType type) {
        this.type = type;
    }

    @Override
    public PayloadType type() {
        return type;
    }

    @Override
    public PayloadContent encode(String dataname, Object value) {
        if (value instanceof byte[]) {
            return PayloadContent.ofBytes((byte[]) value);
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer view = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return PayloadContent.ofBytes(bytes);
        }
        if (value instanceof InputStream) {
            return PayloadContent.ofStream((InputStream) value);
        }
        Path file = value instanceof File ? ((File) value).toPath() : value instanceof Path ? (Path) value : null;
        if (file == null) {
            throw new PayloadValueException(dataname, type.wireName(), value,
                    "expected byte[], ByteBuffer, InputStream, Path or File");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new PayloadValueException(dataname, type.wireName(), value,
                    "the file " + file + " does not exist or is not a readable regular file");
        }
        return PayloadContent.ofFile(file);
    }

    @Override
    public Object decode(PayloadContent content) throws java.io.IOException {
        return content.inMemory() ? content.bytes() : content.file();
    }
}
