package io.github.msghandler.core;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Sends payloads through a real NATS subject with smartpack and reads them back with smartunpack. */
final class NatsRoundTrip {
    private NatsRoundTrip() {
    }

    /** The received message, after smartpack published it with {@code options} on a fresh subject. */
    static Message publishAndReceive(Connection connection, List<Payload> payloads, PackOptions.Builder options)
            throws InterruptedException {
        String subject = "test." + UUID.randomUUID();
        Subscription subscription = connection.subscribe(subject);
        try {
            connection.flush(Duration.ofSeconds(5));
            MsgHandler.smartpack(subject, payloads, options.connection(connection).build());
            Message message = subscription.nextMessage(Duration.ofSeconds(10));
            assertNotNull(message, "no message arrived on " + subject);
            return message;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            subscription.unsubscribe();
        }
    }

    static UnpackedEnvelope roundTrip(Connection connection, List<Payload> payloads, PackOptions.Builder options)
            throws InterruptedException {
        return MsgHandler.smartunpack(publishAndReceive(connection, payloads, options));
    }
}
