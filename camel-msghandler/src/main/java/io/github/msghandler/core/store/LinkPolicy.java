package io.github.msghandler.core.store;

import io.github.msghandler.core.api.LinkRefusedException;
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
 * that host is listed by name. An allow-list entry is a host, a {@code host:port}, or an http(s) URL prefix (such as
 * an S3 bucket's URL) that allows only links under it on that host. Checked before the first request and again for
 * every redirect. Immutable.
 */
public final class LinkPolicy {
    /** Any http(s) host, but still no link-local or metadata address. */
    public static final LinkPolicy ANY_HOST = new LinkPolicy(Set.of(), Set.of());

    private static final Set<String> SCHEMES = Set.of("http", "https", NatsObjectLink.SCHEME);
    private static final String OPTION = "allowedLinkHosts";

    private final Set<String> allowedHosts;
    private final Set<URI> allowedPrefixes;

    private LinkPolicy(Set<String> allowedHosts, Set<URI> allowedPrefixes) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowedPrefixes = Set.copyOf(allowedPrefixes);
    }

    /**
     * @param allowed hosts, {@code host:port}s and http(s) URL prefixes that links may name; empty allows any host
     */
    public static LinkPolicy allowing(Collection<String> allowed) {
        Set<String> hosts = new HashSet<>();
        Set<URI> prefixes = new HashSet<>();
        for (String entry : allowed) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String trimmed = entry.trim();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                prefixes.add(prefix(trimmed));
            } else {
                hosts.add(lower);
            }
        }
        return hosts.isEmpty() && prefixes.isEmpty() ? ANY_HOST : new LinkPolicy(hosts, prefixes);
    }

    private static URI prefix(String url) {
        try {
            URI uri = new URI(url).normalize();
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("allowed link URL '" + url + "' has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("allowed link URL '" + url + "' is not a valid URL", e);
        }
    }

    private boolean underAllowedPrefix(URI link) {
        return allowedPrefixes.stream().anyMatch(prefix -> isUnder(link, prefix));
    }

    /**
     * True when {@code link}, with dot segments resolved, has the prefix's scheme, host and port and its path
     * starts with the prefix's path.
     */
    public static boolean isUnder(URI link, URI prefix) {
        URI normalised = link.normalize();
        return prefix.getScheme() != null && prefix.getScheme().equalsIgnoreCase(normalised.getScheme())
                && prefix.getHost() != null && prefix.getHost().equalsIgnoreCase(normalised.getHost())
                && port(prefix) == port(normalised)
                && normalised.getRawPath() != null
                && normalised.getRawPath().startsWith(prefix.getRawPath() == null ? "" : prefix.getRawPath());
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
        boolean listed = allowedHosts.contains(host) || allowedHosts.contains(host + ":" + port(uri))
                || underAllowedPrefix(uri);
        if (this != ANY_HOST && !listed) {
            throw new LinkRefusedException(url, "host '" + host + "' is not in the allowed link hosts "
                    + describeAllowed() + " (option " + OPTION + ")");
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

    private String describeAllowed() {
        Set<String> all = new java.util.TreeSet<>(allowedHosts);
        allowedPrefixes.forEach(prefix -> all.add(prefix.toString()));
        return all.toString();
    }

    @Override
    public String toString() {
        return this == ANY_HOST ? "LinkPolicy[any host]" : "LinkPolicy" + describeAllowed();
    }
}
