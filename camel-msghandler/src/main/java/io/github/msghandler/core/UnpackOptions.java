package io.github.msghandler.core;

import io.github.msghandler.core.store.Backoff;
import io.github.msghandler.core.store.DefaultLinkDownloader;
import io.github.msghandler.core.store.HttpLinkDownloader;
import io.github.msghandler.core.store.LinkDownloader;
import io.github.msghandler.core.store.LinkPolicy;
import io.github.msghandler.core.store.RetryListener;
import io.nats.client.Connection;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The options of smartunpack, named and defaulted as in the original msghandler README. Immutable; build with {@link #builder()}.
 */
public final class UnpackOptions {
    /** Link payloads of at least this many bytes are spooled to a temporary file instead of the heap. */
    public static final long DEFAULT_SPOOL_THRESHOLD = 32L * 1024 * 1024;

    private final LinkDownloader downloadHandler;
    /** The default downloader, built once when the options name the connection for nats-os links. */
    private final LinkDownloader defaultDownloader;
    private final Backoff backoff;
    private final Connection connection;
    private final long spoolThreshold;
    private final Path spoolDirectory;
    private final LinkPolicy linkPolicy;
    private final Duration linkReadTimeout;
    private final SSLContext linkSslContext;
    private final long maxPayloadSize;
    private final boolean decodeOnReceipt;
    private final RetryListener retryListener;

    private UnpackOptions(Builder b) {
        this.downloadHandler = b.downloadHandler;
        this.backoff = new Backoff(b.maxRetries, b.baseDelay, b.maxDelay);
        this.connection = b.connection;
        this.spoolThreshold = b.spoolThreshold;
        this.spoolDirectory = b.spoolDirectory;
        this.linkPolicy = LinkPolicy.allowing(b.allowedLinkHosts);
        this.linkReadTimeout = b.linkReadTimeout;
        this.linkSslContext = b.linkSslContext;
        this.maxPayloadSize = b.maxPayloadSize;
        this.decodeOnReceipt = b.decodeOnReceipt;
        this.retryListener = b.retryListener;
        this.defaultDownloader = downloadHandler == null && connection != null ? defaultDownloader(connection) : null;
    }

    /** http(s) by GET under the link policy, nats-os from the connection's Object Store. */
    private LinkDownloader defaultDownloader(Connection natsOsConnection) {
        return new DefaultLinkDownloader(new HttpLinkDownloader(linkPolicy, linkReadTimeout, linkSslContext),
                natsOsConnection);
    }

    /**
     * What fetches the links of a message that came on {@code messageConnection}: the {@link #downloadHandler()}
     * when one is given, else the default (http(s) by GET under {@link #linkPolicy()} with
     * {@link #linkReadTimeout()} and {@link #linkSslContext()}; nats-os from {@link #connection()}, or from the
     * message's connection when none is set).
     */
    LinkDownloader downloaderFor(Connection messageConnection) {
        if (downloadHandler != null) {
            return downloadHandler;
        }
        return defaultDownloader != null ? defaultDownloader : defaultDownloader(messageConnection);
    }

    public static UnpackOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The original msghandler's {@code fileserver_download_handler}, or null for the default by URL scheme. A
     * handler of your own fetches as it likes: {@link #linkReadTimeout()} and {@link #linkSslContext()} configure
     * the default one only; {@link #linkPolicy()} is applied to every link before any handler is asked.
     */
    public LinkDownloader downloadHandler() {
        return downloadHandler;
    }

    /** max_retries, base_delay and max_delay together. */
    public Backoff backoff() {
        return backoff;
    }

    /** The connection for {@code nats-os} links, or null to use the one the message came on. */
    public Connection connection() {
        return connection;
    }

    public long spoolThreshold() {
        return spoolThreshold;
    }

    /** Where spooled payloads go, or null for the JVM's temporary directory. */
    public Path spoolDirectory() {
        return spoolDirectory;
    }

    /** Which links are followed: schemes, allowed hosts, no link-local or metadata addresses. */
    public LinkPolicy linkPolicy() {
        return linkPolicy;
    }

    /** The longest wait for the next bytes of a link download (not for the whole transfer). */
    public Duration linkReadTimeout() {
        return linkReadTimeout;
    }

    /** TLS for https links, or null for the JVM's default trust store. */
    public SSLContext linkSslContext() {
        return linkSslContext;
    }

    /** The largest payload accepted, in bytes, judged on the declared size before any fetch. */
    public long maxPayloadSize() {
        return maxPayloadSize;
    }

    /** Whether every payload is decoded inside smartunpack (true) or at its first {@link ReceivedPayload#value()}. */
    public boolean decodeOnReceipt() {
        return decodeOnReceipt;
    }

    public RetryListener retryListener() {
        return retryListener;
    }

    /** Builder for {@link UnpackOptions}; starts at the original msghandler defaults (5 attempts, 100 ms, 5000 ms). */
    public static final class Builder {
        private LinkDownloader downloadHandler;
        private int maxRetries = Backoff.DEFAULT.maxRetries();
        private Duration baseDelay = Backoff.DEFAULT.baseDelay();
        private Duration maxDelay = Backoff.DEFAULT.maxDelay();
        private Connection connection;
        private long spoolThreshold = DEFAULT_SPOOL_THRESHOLD;
        private Path spoolDirectory;
        private Set<String> allowedLinkHosts = Set.of();
        private Duration linkReadTimeout = HttpLinkDownloader.DEFAULT_READ_TIMEOUT;
        private SSLContext linkSslContext;
        private long maxPayloadSize = Long.MAX_VALUE;
        private boolean decodeOnReceipt = true;
        private RetryListener retryListener = RetryListener.NONE;

        private Builder() {
        }

        /** Fetches link payloads; by default http(s) by GET and nats-os from the message's connection. */
        public Builder downloadHandler(LinkDownloader downloadHandler) {
            this.downloadHandler = downloadHandler;
            return this;
        }

        /** Attempts in all for one link; default 5. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The wait before the second attempt; default 100 ms. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
            return this;
        }

        /** The longest wait between attempts; default 5000 ms. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
            return this;
        }

        public Builder connection(Connection connection) {
            this.connection = connection;
            return this;
        }

        /**
         * Link payloads of at least this many bytes are fetched into a temporary file, checked there, and an
         * {@code image}/{@code audio}/{@code video}/{@code binary} one is handed over as that file's {@link Path}
         * (the caller deletes it). Default 32 MiB.
         */
        public Builder spoolThreshold(long spoolThreshold) {
            if (spoolThreshold < 0) {
                throw new IllegalArgumentException("spoolThreshold must not be negative");
            }
            this.spoolThreshold = spoolThreshold;
            return this;
        }

        public Builder spoolDirectory(Path spoolDirectory) {
            this.spoolDirectory = spoolDirectory;
            return this;
        }

        /**
         * Only http(s) links to these hosts (or {@code host:port}) are fetched, redirects included; others are
         * refused before any I/O. Empty (the default) allows any host but link-local and metadata addresses.
         */
        public Builder allowedLinkHosts(Collection<String> hosts) {
            this.allowedLinkHosts = new HashSet<>(hosts);
            return this;
        }

        /**
         * The longest wait for the next bytes of a link download; a slow but steady transfer never times out.
         * Default 30 s.
         */
        public Builder linkReadTimeout(Duration linkReadTimeout) {
            this.linkReadTimeout = Objects.requireNonNull(linkReadTimeout, "linkReadTimeout");
            return this;
        }

        /** TLS for https links (a private CA, a test certificate); default the JVM's trust store. */
        public Builder linkSslContext(SSLContext linkSslContext) {
            this.linkSslContext = linkSslContext;
            return this;
        }

        /** Payloads declaring more bytes than this are refused before any fetch; default no limit. */
        public Builder maxPayloadSize(long maxPayloadSize) {
            if (maxPayloadSize < 0) {
                throw new IllegalArgumentException("maxPayloadSize must not be negative");
            }
            this.maxPayloadSize = maxPayloadSize;
            return this;
        }

        /**
         * True (the default): smartunpack decodes every payload, so a value that does not parse fails the unpack.
         * False: payloads are handed over as their verified bytes (size and sha256 are always checked on receipt)
         * and decoded at the first {@link ReceivedPayload#value()}, so that code that only forwards them never
         * decodes, and needs no Arrow for an {@code arrowtable}.
         */
        public Builder decodeOnReceipt(boolean decodeOnReceipt) {
            this.decodeOnReceipt = decodeOnReceipt;
            return this;
        }

        /** Told before every retry of a link fetch; by default nobody. */
        public Builder retryListener(RetryListener retryListener) {
            this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
            return this;
        }

        /**
         * @throws IllegalArgumentException when maxRetries is below 1 or a delay is negative
         */
        public UnpackOptions build() {
            return new UnpackOptions(this);
        }
    }
}
