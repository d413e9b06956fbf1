package io.github.msghandler.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version 4 UUIDs for envelope and payload ids (wire format sections 2 and 3), drawn from
 * {@link ThreadLocalRandom}. {@link UUID#randomUUID()} draws from a shared {@code SecureRandom} behind a lock, which
 * cost a visible share of each small message; these ids are unique labels, not secrets.
 */
public final class RandomIds {
    private RandomIds() {
    }

    /** A new random UUID (version 4, IETF variant) as text. */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;                         // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;   // IETF variant
        return new UUID(high, low).toString();
    }
}
