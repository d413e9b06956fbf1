package io.github.msghandler.core.store;

import java.net.URI;
import java.util.Objects;

/**
 * A {@code nats-os://<bucket>/<object-name>} link (wire format section 6): an object in a JetStream Object Store
 * bucket on the broker the message came from, the object name percent-encoded as one path segment.
 *
 * @param bucket the Object Store bucket
 * @param objectName the object's name, decoded
 */
public record NatsObjectLink(String bucket, String objectName) {
    /** The URL scheme of Object Store links. */
    public static final String SCHEME = "nats-os";

    public NatsObjectLink {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(objectName, "objectName");
    }

    /**
     * @throws IllegalArgumentException when the URI is not a well-formed {@code nats-os} link
     */
    public static NatsObjectLink parse(URI link) {
        if (!SCHEME.equalsIgnoreCase(link.getScheme())) {
            throw new IllegalArgumentException("not a " + SCHEME + " link: " + link);
        }
        String bucket = link.getRawAuthority();
        String path = link.getRawPath();
        if (bucket == null || bucket.isEmpty() || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("expected " + SCHEME + "://<bucket>/<object-name> with the name as "
                    + "one percent-encoded segment: " + link);
        }
        return new NatsObjectLink(bucket, PathSegment.decode(path.substring(1)));
    }

    public URI toUri() {
        return URI.create(SCHEME + "://" + bucket + "/" + PathSegment.encode(objectName));
    }

    @Override
    public String toString() {
        return toUri().toString();
    }
}
