package io.github.msghandler.core;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomIdsTest {
    @Test
    void idsAreVersion4UuidsWithTheIetfVariant() {
        for (int i = 0; i < 1000; i++) {
            String id = RandomIds.uuid();
            UUID parsed = UUID.fromString(id);
            assertEquals(parsed.toString(), id);
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
        }
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = RandomIds.uuid();
            assertTrue(seen.add(id), "repeated " + id);
        }
    }
}
