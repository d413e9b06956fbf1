package io.github.msghandler.core.wire;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search eight bytes at a time finds the first byte a JSON string cannot hold as it is, wherever it stands
 * (within a word, at a word's edge, in the tail shorter than a word) and whatever follows it, and nothing in text
 * that holds none.
 */
class JsonBytesTest {
    private static final byte[] SPECIALS = {'"', '\\', 0x00, 0x1f, '\n', (byte) 0x80, (byte) 0xc3, (byte) 0xff, '?'};

    @Test
    void findsTheFirstSpecialByteAtEveryPosition() {
        for (int length = 0; length <= 40; length++) {
            byte[] plain = new byte[length];
            Arrays.fill(plain, (byte) 'a');
            assertEquals(-1, JsonBytes.firstSpecial(plain, 0, length, (byte) '?'), "plain text of " + length);
            for (int at = 0; at < length; at++) {
                for (byte special : SPECIALS) {
                    byte[] text = plain.clone();
                    text[at] = special;
                    if (at + 1 < length) {
                        text[at + 1] = 0x00;   // a borrow after the first special byte must not hide it
                    }
                    assertEquals(at, JsonBytes.firstSpecial(text, 0, length, (byte) '?'),
                            "byte " + special + " at " + at + " of " + length);
                }
            }
        }
    }

    @Test
    void searchesOnlyTheRangeItIsGiven() {
        byte[] text = "\"abcdefghijklmnop\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(17, JsonBytes.firstSpecial(text, 1, text.length, (byte) '"'));
        assertEquals(-1, JsonBytes.firstSpecial(text, 1, 17, (byte) '?'));
        byte[] withDelete = "abc\u007fdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(-1, JsonBytes.firstSpecial(withDelete, 0, withDelete.length, (byte) '?'),
                "DEL is written as it is, as Jackson writes it");
    }
}
