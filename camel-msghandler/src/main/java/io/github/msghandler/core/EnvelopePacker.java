package io.github.msghandler.core;

import io.github.msghandler.core.api.BrokerException;
import io.github.msghandler.core.api.ClaimCheckStoreException;
import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.EnvelopeHeader;
import io.github.msghandler.core.api.EnvelopeTooLargeException;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.github.msghandler.core.store.ClaimCheckKey;
import io.github.msghandler.core.store.ClaimCheckStore;
import io.github.msghandler.core.store.ObjectStoreClaimCheckStore;
import io.github.msghandler.core.store.PlikClaimCheckStore;
import io.github.msghandler.core.store.StoreKind;
import io.github.msghandler.core.wire.EnvelopeWriter;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** smartpack: encodes payloads, chooses each one's transport, uploads links, writes and publishes the envelope. */
final class EnvelopePacker {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The last timestamp written: a busy sender sends many messages in one millisecond, formatting took 9%. */
    private static volatile Timestamp lastTimestamp = new Timestamp(Long.MIN_VALUE, "");

    private EnvelopePacker() {
    }

    static EncodedEnvelope pack(String subject, List<Payload> payloads, PackOptions options) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be empty");
        }
        Objects.requireNonNull(payloads, "payloads");
        Objects.requireNonNull(options, "options");
        List<PreparedPayload> prepared = new ArrayList<>(payloads.size());
        for (Payload payload : payloads) {
            prepared.add(new PreparedPayload(payload, options.sizeThreshold()));
        }
        try (ConnectionLease connection = new ConnectionLease(options.brokerUrl(), options.connection())) {
            if (options.publish()) {
                connection.get();
            }
            EnvelopeHeader header = header(subject, options);
            long maxPayload = connection.maxPayload();
            Headers natsHeaders = EncodedEnvelope.travelling(options.natsHeaders(), header.msgId(),
                    options.msgIdHeader());
            long headerBytes = EncodedEnvelope.serializedSize(natsHeaders);
            if (headerBytes >= maxPayload) {
                throw EnvelopeTooLargeException.headersAlone(subject, headerBytes, maxPayload);
            }
            ClaimCheckStore store = null;
            while (true) {
                for (PreparedPayload payload : prepared) {
                    if (payload.wire() == null) {
                        if (payload.transport() == Transport.LINK) {
                            store = store != null ? store : chooseStore(options, connection);
                            upload(payload, store);
                        } else {
                            payload.buildDirect();
                        }
                    }
                }
                List<WirePayload> wires = new ArrayList<>(prepared.size());
                prepared.forEach(p -> wires.add(p.wire()));
                Envelope envelope = new Envelope(header, wires);
                EncodedEnvelope result = new EncodedEnvelope(envelope, EnvelopeWriter.toBytes(envelope), natsHeaders);
                PreparedPayload largestDirect = result.natsSize() > maxPayload ? largestDirect(prepared) : null;
                if (largestDirect != null) {
                    // Section 5 allows a smaller payload to go by link to keep the message under max_payload, which
                    // the server applies to the envelope and the NATS headers together
                    largestDirect.moveToLink();
                    continue;
                }
                result.requireFits(maxPayload, "every payload goes by link already; send fewer or smaller NATS "
                        + "headers, or less metadata");
                if (options.publish()) {
                    publish(connection.get(), result);
                }
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a payload failed: " + e.getMessage(), e);
        }
    }

    /** The options' header with what smartpack fills: ids, defaults, the time, the subject and the broker. */
    private static EnvelopeHeader header(String subject, PackOptions options) {
        EnvelopeHeader given = options.header();
        return given.toBuilder()
                .correlationId(orRandom(given.correlationId()))
                .msgId(orRandom(given.msgId()))
                .timestamp(timestampNow())
                .sendTo(subject)
                .msgPurpose(orDefault(given.msgPurpose(), PackOptions.DEFAULT_MSG_PURPOSE))
                .senderName(orDefault(given.senderName(), PackOptions.DEFAULT_SENDER_NAME))
                .senderId(orRandom(given.senderId()))
                .brokerUrl(options.connection() != null && options.connection().getConnectedUrl() != null
                        ? options.connection().getConnectedUrl() : options.brokerUrl())
                .build();
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static String orRandom(String value) {
        return value.isEmpty() ? RandomIds.uuid() : value;
    }

    /** The given store, else the one {@link StoreKind#choose} picks for the options' file server. */
    private static ClaimCheckStore chooseStore(PackOptions options, ConnectionLease connection) {
        if (options.store() != null) {
            return options.store();
        }
        if (StoreKind.choose(null, options.fileserverUrl()) == StoreKind.PLIK) {
            return PlikClaimCheckStore.builder(URI.create(options.fileserverUrl())).build();
        }
        return ObjectStoreClaimCheckStore.builder(connection.get()).bucket(options.objectStoreBucket()).build();
    }

    private static void upload(PreparedPayload payload, ClaimCheckStore store) throws IOException {
        ClaimCheckKey key = new ClaimCheckKey(payload.id(), payload.payload().dataname());
        URI link;
        // a store that digests what it stores (the Object Store) spares the bytes a second hashing pass
        boolean storeHashes = store.verifiesSha256();
        try (InputStream raw = payload.content().openStream();
             HashingInputStream hashing = new HashingInputStream(raw, !storeHashes)) {
            try {
                link = store.upload(key, hashing, payload.size());
            } catch (IOException e) {
                throw new ClaimCheckStoreException("uploading payload '" + key.dataname() + "' to " + store
                        + " failed: " + e.getMessage(), e);
            }
            if (payload.size() >= 0 && hashing.count() != payload.size()) {
                throw new ClaimCheckStoreException("payload '" + key.dataname() + "' changed while uploading: "
                        + payload.size() + " bytes expected, " + hashing.count() + " read");
            }
            String sha256 = storeHashes ? store.verifiedSha256(link) : hashing.sha256();
            if (sha256 == null) {
                throw new ClaimCheckStoreException(store + " stored payload '" + key.dataname() + "' but reports no "
                        + "sha256 for " + link);
            }
            payload.buildLink(link.toString(), hashing.count(), sha256);
        }
    }

    private record Timestamp(long epochMilli, String text) {
    }

    private static String timestampNow() {
        long now = System.currentTimeMillis();
        Timestamp last = lastTimestamp;
        if (last.epochMilli() != now) {
            last = new Timestamp(now, TIMESTAMP.format(Instant.ofEpochMilli(now)));
            lastTimestamp = last;
        }
        return last.text();
    }

    private static PreparedPayload largestDirect(List<PreparedPayload> prepared) {
        return prepared.stream()
                .filter(p -> p.transport() == Transport.DIRECT)
                .max(Comparator.comparingLong(PreparedPayload::size))
                .orElse(null);
    }

    private static void publish(Connection connection, EncodedEnvelope result) {
        try {
            connection.publish(result.toNatsMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BrokerException("cannot publish to '" + result.envelope().header().sendTo() + "': " + e.getMessage(), e);
        }
    }
}
