package io.github.msghandler.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only copies of metadata maps that keep key order and null values, as JSON objects may hold both. */
public final class FrozenMaps {
    private FrozenMaps() {
    }

    public static Map<String, Object> copyOf(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
