package io.github.msghandler.core;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.InvalidEnvelopeException;
import io.github.msghandler.core.api.PayloadIntegrityException;
import io.github.msghandler.core.api.PayloadTooLargeException;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.core.codec.PayloadContent;
import io.github.msghandler.core.store.LinkDownloader;
import io.github.msghandler.core.store.RetryingFetcher;
import io.github.msghandler.core.wire.EnvelopeReader;
import io.nats.client.Connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * smartunpack: validates the envelope, fetches link payloads with backoff, checks every payload's size and sha256,
 * and then decodes it, or leaves that to the first {@link ReceivedPayload#value()} (see
 * {@link UnpackOptions#decodeOnReceipt()}). A payload that fails any check is never handed on; spooled files of a
 * message that fails are deleted.
 */
final class EnvelopeUnpacker {
    private EnvelopeUnpacker() {
    }

    static UnpackedEnvelope unpack(byte[] body, UnpackOptions options, Connection messageConnection) {
        Envelope envelope = EnvelopeReader.read(body);
        RetryingFetcher fetcher = new RetryingFetcher(options.downloaderFor(messageConnection), options.backoff(),
                options.retryListener());
        List<ReceivedPayload> received = new ArrayList<>(envelope.payloads().size());
        try {
            for (int i = 0; i < envelope.payloads().size(); i++) {
                received.add(receive(envelope.payloads().get(i), "payloads[" + i + "]", fetcher, options));
            }
        } catch (RuntimeException e) {
            try {
                new UnpackedEnvelope(envelope, received).deleteSpooledFiles();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new UnpackedEnvelope(envelope, received);
    }

    private static ReceivedPayload receive(WirePayload wire, String path, RetryingFetcher fetcher,
                                          UnpackOptions options) {
        requireShaText(wire, path);
        if (wire.size() > options.maxPayloadSize()) {
            throw new PayloadTooLargeException(wire.dataname(), wire.size(), options.maxPayloadSize());
        }
        try {
            PayloadContent content = wire.transport() == Transport.DIRECT ? direct(wire, path)
                    : fetch(wire, fetcher, options);
            ReceivedPayload payload = new ReceivedPayload(wire, content, path);
            if (options.decodeOnReceipt()) {
                try {
                    payload.decodeAndReleaseSpool();
                } catch (RuntimeException e) {
                    payload.deleteSpoolFile();
                    throw e;
                }
            }
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException("reading payload '" + wire.dataname() + "' failed: " + e.getMessage(), e);
        }
    }

    private static void requireShaText(WirePayload wire, String path) {
        Object sha = wire.metadata().get(WirePayload.SHA256);
        if (sha != null && !(sha instanceof String)) {
            throw new InvalidEnvelopeException(path + ".metadata.sha256", "expected a hex string");
        }
    }

    private static PayloadContent direct(WirePayload wire, String path) {
        byte[] bytes;
        try {
            bytes = wire.directBytes();
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException(path + ".data", "not valid base64 (" + e.getMessage() + ")", e);
        }
        verify(wire, bytes.length, wire.sha256() == null ? null : Sha256.hex(bytes));
        return PayloadContent.ofBytes(bytes);
    }

    private static PayloadContent fetch(WirePayload wire, RetryingFetcher fetcher, UnpackOptions options)
            throws IOException {
        URI link = options.linkPolicy().check(wire.data());
        boolean sourceVerifies = sourceVerifies(wire, link, fetcher.downloader());
        boolean toFile = wire.size() >= options.spoolThreshold();
        SpoolTarget target = new SpoolTarget(wire.dataname(), wire.size(), toFile, options.spoolDirectory(),
                !sourceVerifies);
        try {
            fetcher.fetch(link, target);
            verify(wire, target.count(), sourceVerifies ? wire.sha256() : target.sha256());
            return target.content();
        } catch (RuntimeException | IOException e) {
            target.discard();
            throw e;
        }
    }

    /**
     * Whether the source checks the bytes against the envelope's sha256 itself (an Object Store holds each object's
     * SHA-256 and jnats verifies every read against it), so they need no second hashing pass here. A source that
     * holds another sha256 than the envelope declares is refused before any byte is fetched.
     */
    private static boolean sourceVerifies(WirePayload wire, URI link, LinkDownloader downloader) {
        if (wire.sha256() == null) {
            return false;
        }
        String held;
        try {
            held = downloader.verifiedSha256(link);
        } catch (IOException e) {
            return false;   // not known now: the download (with its retries) decides, and the bytes get hashed here
        }
        if (held != null && !held.equalsIgnoreCase(wire.sha256())) {
            throw new PayloadIntegrityException(wire.dataname(), "sha256 says " + wire.sha256()
                    + " but the stored object's is " + held);
        }
        return held != null;
    }

    private static void verify(WirePayload wire, long count, String sha256) {
        if (count != wire.size()) {
            throw new PayloadIntegrityException(wire.dataname(), "size says " + wire.size() + " bytes but "
                    + count + " arrived");
        }
        String expected = wire.sha256();
        // equals first: ours write lowercase, and equalsIgnoreCase compares char by char
        if (expected != null && !expected.equals(sha256) && !expected.equalsIgnoreCase(sha256)) {
            throw new PayloadIntegrityException(wire.dataname(), "sha256 says " + expected + " but the bytes hash to "
                    + sha256);
        }
    }
}
