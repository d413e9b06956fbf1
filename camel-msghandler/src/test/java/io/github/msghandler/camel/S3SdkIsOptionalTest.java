package io.github.msghandler.camel;

import io.github.msghandler.core.api.MissingDependencyException;
import io.github.msghandler.testsupport.ClassPaths;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the component in a class loader whose class path has no AWS SDK jar, as the application of a user who never
 * picks S3 would: the component's classes load, and store=s3 fails at once naming the artifact to add.
 */
class S3SdkIsOptionalTest {
    @Test
    void storeS3WithoutTheSdkNamesTheArtifactToAdd() throws Exception {
        try (URLClassLoader withoutSdk = ClassPaths.without("awssdk")) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("software.amazon.awssdk.services.s3.S3Client", false, withoutSdk));
            Class<?> configurationClass = withoutSdk.loadClass(MsgHandlerConfiguration.class.getName());
            Object configuration = configurationClass.getConstructor().newInstance();
            configurationClass.getMethod("setStore", String.class).invoke(configuration, "s3");
            configurationClass.getMethod("setS3Bucket", String.class).invoke(configuration, "payloads");
            Method create = withoutSdk.loadClass(ClaimCheckStores.class.getName()).getDeclaredMethod("create",
                    configurationClass, withoutSdk.loadClass("io.nats.client.Connection"),
                    javax.net.ssl.SSLContext.class);
            create.setAccessible(true);

            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> create.invoke(null, configuration, null, null));
            assertEquals(MissingDependencyException.class.getName(), e.getCause().getClass().getName());
            assertTrue(e.getCause().getMessage().contains("software.amazon.awssdk:s3"), e.getCause().getMessage());
        }
    }
}
