package io.github.msghandler.core;

import io.github.msghandler.core.store.NatsObjectLink;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which links a receiver fetches (wire format section 6): absolute {@code http}, {@code https} and
 * {@code nats-os} URLs. Anything else ({@code file:}, {@code jar:}, {@code ftp:} ...) is refused before any I/O,
 * since the URL comes from whoever sent the envelope.
 */
final class LinkPolicy {
    private static final Set<String> SCHEMES = Set.of("http", "https", NatsObjectLink.SCHEME);

    private LinkPolicy() {
    }

    /**
     * @param allowedHosts lower-case hosts or host:port that http(s) links may name; empty allows any
     */
    static URI check(String url, Set<String> allowedHosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new LinkRefusedException(url, "not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new LinkRefusedException(url, scheme.isEmpty() ? "not an absolute URL"
                    : "scheme '" + scheme + "' is not allowed, only http, https and nats-os");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new LinkRefusedException(url, "no host (or bucket) in the URL");
        }
        if (!allowedHosts.isEmpty() && !scheme.equals(NatsObjectLink.SCHEME) && !isAllowed(uri, allowedHosts)) {
            throw new LinkRefusedException(url, "host '" + uri.getHost() + "' is not in the allowed link hosts "
                    + allowedHosts + " (option allowedLinkHosts)");
        }
        return uri;
    }

    private static boolean isAllowed(URI uri, Set<String> allowedHosts) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return allowedHosts.contains(host) || allowedHosts.contains(host + ":" + uri.getPort());
    }
}
