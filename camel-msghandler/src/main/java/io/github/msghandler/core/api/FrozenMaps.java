package io.github.msghandler.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only copies of metadata maps that keep key order and null values, as JSON objects may hold both. */
public final class FrozenMaps {
    private FrozenMaps() {
    }

    /** The class of {@code Map.of(k, v)}: immutable, and with one entry its order is that entry. */
    private static final Class<?> IMMUTABLE_ONE_ENTRY = Map.of("", "").getClass();

    public static Map<String, Object> copyOf(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        if (source.getClass() == IMMUTABLE_ONE_ENTRY) {   // most payloads' metadata: their sha256 alone
            @SuppressWarnings("unchecked")
            Map<String, Object> frozen = (Map<String, Object>) source;
            return frozen;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
