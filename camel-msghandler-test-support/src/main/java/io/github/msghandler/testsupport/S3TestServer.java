package io.github.msghandler.testsupport;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A real S3 API server in the test JVM: S3Proxy on loopback over a jclouds filesystem blob store in a temporary
 * directory (so large objects stay on disk), with AWS SigV4 authentication and presigned URLs.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "msghandler-test";
    public static final String SECRET_KEY = "msghandler-test-secret";
    public static final String REGION = "us-east-1";

    private final Path directory;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3TestServer(Path directory, BlobStoreContext context, S3Proxy proxy) {
        this.directory = directory;
        this.context = context;
        this.proxy = proxy;
    }

    public static S3TestServer start() {
        try {
            Path directory = Files.createTempDirectory("s3proxy-");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .credentials("identity", "credential")
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            return new S3TestServer(directory, context, proxy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override of clients, path-style. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** Every object key in the bucket. */
    public Set<String> keys(String bucket) {
        Set<String> keys = new TreeSet<>();
        for (StorageMetadata item : context.getBlobStore().list(bucket, ListContainerOptions.Builder.recursive())) {
            if (item.getType() == org.jclouds.blobstore.domain.StorageType.BLOB) {
                keys.add(item.getName());
            }
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is the OS's to clean
            }
        }
    }
}
