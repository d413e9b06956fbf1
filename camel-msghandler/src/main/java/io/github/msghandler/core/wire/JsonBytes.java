package io.github.msghandler.core.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes a JSON string cannot hold as they are, found eight at a time as one long: reading and writing an
 * envelope looks for them in every string, and a byte loop was half of reading one.
 */
final class JsonBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private JsonBytes() {
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that is a quote, a backslash, below 0x20, beyond ASCII,
     * or {@code also}; -1 when there is none.
     */
    static int firstSpecial(byte[] bytes, int from, int to, byte also) {
        long alsoBytes = ONES * (also & 0xff);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long special = special(word) | equalBytes(word ^ alsoBytes);
            if (special != 0) {
                return i + (Long.numberOfTrailingZeros(special) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b < 0x20 || b == '"' || b == '\\' || b == also) {   // negative: beyond ASCII
                return i;
            }
        }
        return -1;
    }

    /**
     * The high bit of every byte of {@code word} (little-endian) that is a quote, a backslash, below 0x20 or above
     * 0x7f. Borrows can flag bytes after the first special one, never before it, so the lowest flag is exact.
     */
    private static long special(long word) {
        return (equalBytes(word ^ (ONES * '"')) | equalBytes(word ^ (ONES * '\\')) | (word - ONES * 0x20) | word)
                & HIGH_BITS;
    }

    /** The high bit of the zero bytes of {@code word}, and possibly of bytes after the first zero byte. */
    private static long equalBytes(long xored) {
        return (xored - ONES) & ~xored & HIGH_BITS;
    }
}
