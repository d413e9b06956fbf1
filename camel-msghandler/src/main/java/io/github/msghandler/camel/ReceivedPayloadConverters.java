package io.github.msghandler.camel;

import io.github.msghandler.core.ReceivedPayload;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.converter.stream.FileInputStreamCache;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.TypeConverterSupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Camel type converters from a received payload, the body a msghandler consumer hands its route: the route's
 * {@code getBody(String.class)}, {@code convertBodyTo(Map.class)} and the like decode it at that moment, and a route
 * that only forwards the body never decodes it.
 *
 * <ul>
 *   <li>{@code String}: the payload bytes as UTF-8 (the text, or the JSON of a dictionary or jsontable);</li>
 *   <li>{@code byte[]}, {@code InputStream}: the payload bytes (a spooled payload streams from its file, as Camel's
 *       file-backed stream cache, never read whole into the heap);</li>
 *   <li>{@code Map}, {@code List}: the decoded dictionary or jsontable;</li>
 *   <li>{@code ArrowTable}, {@code VectorSchemaRoot} (with Arrow on the class path): the decoded arrowtable; the
 *       route closes the root.</li>
 * </ul>
 */
final class ReceivedPayloadConverters {
    private static final String VECTOR_SCHEMA_ROOT = "org.apache.arrow.vector.VectorSchemaRoot";

    private ReceivedPayloadConverters() {
    }

    /** A conversion of a received payload that may read its bytes. */
    @FunctionalInterface
    interface Conversion {
        Object apply(ReceivedPayload payload) throws IOException;
    }

    static void register(TypeConverterRegistry registry) {
        add(registry, String.class, p -> new String(p.bytes(), StandardCharsets.UTF_8));
        add(registry, byte[].class, ReceivedPayload::bytes);
        add(registry, InputStream.class, ReceivedPayloadConverters::stream);
        add(registry, Map.class, p -> p.value() instanceof Map<?, ?> map ? map : null);
        add(registry, List.class, p -> p.value() instanceof List<?> list ? list : null);
        if (isArrowPresent()) {
            ArrowConverters.register(registry);
        }
    }

    private static InputStream stream(ReceivedPayload payload) throws IOException {
        Path file = payload.spoolFile();
        return file != null ? new FileInputStreamCache(file.toFile()) : new ByteArrayInputStream(payload.bytes());
    }

    static void add(TypeConverterRegistry registry, Class<?> target, Conversion conversion) {
        registry.addTypeConverter(target, ReceivedPayload.class, new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
                try {
                    return type.cast(conversion.apply((ReceivedPayload) value));
                } catch (IOException | RuntimeException e) {
                    throw new TypeConversionException(value, type, e);
                }
            }
        });
    }

    /** By name, so that this class loads without Arrow. */
    private static boolean isArrowPresent() {
        try {
            Class.forName(VECTOR_SCHEMA_ROOT, false, ReceivedPayloadConverters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
