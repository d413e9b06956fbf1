package io.github.msghandler.core;

import io.github.msghandler.core.store.NatsObjectLink;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which links a receiver follows, since the URL comes from whoever sent the envelope (wire format section 6):
 * absolute {@code http}, {@code https} and {@code nats-os} URLs only; http(s) hosts limited to an allow-list when
 * one is given; and never a link-local or cloud metadata address (169.254.0.0/16, fe80::/10, fd00:ec2::254) unless
 * that host is listed by name. Checked before the first request and again for every redirect. Immutable.
 */
public final class LinkPolicy {
    /** Any http(s) host, but still no link-local or metadata address. */
    public static final LinkPolicy ANY_HOST = new LinkPolicy(Set.of());

    private static final Set<String> SCHEMES = Set.of("http", "https", NatsObjectLink.SCHEME);
    private static final String OPTION = "allowedLinkHosts";

    private final Set<String> allowedHosts;

    private LinkPolicy(Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /**
     * @param allowedHosts hosts or {@code host:port} that http(s) links may name; empty allows any host
     */
    public static LinkPolicy allowing(Collection<String> allowedHosts) {
        Set<String> normalised = new HashSet<>();
        for (String host : allowedHosts) {
            if (host != null && !host.isBlank()) {
                normalised.add(host.trim().toLowerCase(Locale.ROOT));
            }
        }
        return normalised.isEmpty() ? ANY_HOST : new LinkPolicy(normalised);
    }

    /**
     * @return the link as a URI when this policy allows following it
     * @throws LinkRefusedException naming the reason (and the option to change, for host refusals)
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new LinkRefusedException(url, "not a valid URL (" + e.getReason() + ")");
        }
        return check(uri);
    }

    /** @see #check(String) */
    public URI check(URI uri) {
        String url = uri.toString();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new LinkRefusedException(url, scheme.isEmpty() ? "not an absolute URL"
                    : "scheme '" + scheme + "' is not allowed, only http, https and nats-os");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new LinkRefusedException(url, "no host (or bucket) in the URL");
        }
        if (scheme.equals(NatsObjectLink.SCHEME)) {
            return uri; // an Object Store on the broker the message came from: no host to reach
        }
        if (uri.getHost() == null) {
            throw new LinkRefusedException(url, "no host in the URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean listed = allowedHosts.contains(host) || allowedHosts.contains(host + ":" + port(uri));
        if (!allowedHosts.isEmpty() && !listed) {
            throw new LinkRefusedException(url, "host '" + host + "' is not in the allowed link hosts "
                    + allowedHosts + " (option " + OPTION + ")");
        }
        if (!listed && isLinkLocalOrMetadata(host)) {
            throw new LinkRefusedException(url, "host '" + host + "' is a link-local or cloud metadata address; "
                    + "list it by name in " + OPTION + " to allow it");
        }
        return uri;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isLinkLocalOrMetadata(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(stripBrackets(host))) {
                if (address.isLinkLocalAddress() || address.equals(InetAddress.getByName("fd00:ec2::254"))) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false; // nothing to reach; the fetch fails with its own error
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return allowedHosts.isEmpty() ? "LinkPolicy[any host]" : "LinkPolicy" + allowedHosts;
    }
}
