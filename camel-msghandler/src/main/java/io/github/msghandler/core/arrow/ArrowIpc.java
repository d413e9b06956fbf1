package io.github.msghandler.core.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Arrow IPC bytes: the streaming format on write; streaming or file format on read. */
final class ArrowIpc {
    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    private ArrowIpc() {
    }

    /** One record batch holding the root's current rows, in the IPC streaming format. */
    static byte[] writeStream(VectorSchemaRoot root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return out.toByteArray();
    }

    /** True for the IPC file format, which starts with {@code ARROW1}. */
    static boolean isFileFormat(byte[] ipc) {
        return ipc.length >= FILE_MAGIC.length
                && Arrays.equals(ipc, 0, FILE_MAGIC.length, FILE_MAGIC, 0, FILE_MAGIC.length);
    }

    /** A reader over either format; the caller closes it. */
    static ArrowReader reader(byte[] ipc, BufferAllocator allocator) {
        if (isFileFormat(ipc)) {
            return new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(ipc), allocator);
        }
        return new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator);
    }
}
