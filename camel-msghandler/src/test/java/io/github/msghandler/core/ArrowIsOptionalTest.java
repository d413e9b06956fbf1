package io.github.msghandler.core;

import io.github.msghandler.core.api.MissingDependencyException;
import io.github.msghandler.testsupport.ClassPaths;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the core in a class loader whose class path has no Arrow jar, as a user's application would: every other
 * payload type works, and arrowtable fails with a message naming the artifacts to add.
 */
class ArrowIsOptionalTest {

    @Test
    void coreWorksWithoutArrowAndArrowTableNamesTheMissingArtifacts() throws Exception {
        try (URLClassLoader withoutArrow = ClassPaths.without("arrow")) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.apache.arrow.vector.VectorSchemaRoot", false, withoutArrow));
            Class<?> payload = withoutArrow.loadClass(Payload.class.getName());
            Class<?> options = withoutArrow.loadClass(PackOptions.class.getName());
            Class<?> handler = withoutArrow.loadClass(MsgHandler.class.getName());
            Method of = payload.getMethod("of", String.class, Object.class, String.class);
            Object builder = options.getMethod("builder").invoke(null);
            builder.getClass().getMethod("publish", boolean.class).invoke(builder, false);
            Object noPublish = builder.getClass().getMethod("build").invoke(builder);
            Method smartpack = handler.getMethod("smartpack", String.class, List.class, options);

            Object text = of.invoke(null, "t", "still works", "text");
            Object rows = of.invoke(null, "r", List.of(java.util.Map.of("id", 1)), "jsontable");
            Object result = smartpack.invoke(null, "s", List.of(text, rows), noPublish);
            Object envelope = result.getClass().getMethod("envelope").invoke(result);
            assertEquals(2, ((List<?>) envelope.getClass().getMethod("payloads").invoke(envelope)).size());

            Object table = of.invoke(null, "table", List.of(java.util.Map.of("id", 1)), "arrowtable");
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> smartpack.invoke(null, "s", List.of(table), noPublish));
            assertEquals(MissingDependencyException.class.getName(), e.getCause().getClass().getName());
            assertTrue(e.getCause().getMessage().contains("org.apache.arrow:arrow-vector"), e.getCause().getMessage());
        }
    }
}
