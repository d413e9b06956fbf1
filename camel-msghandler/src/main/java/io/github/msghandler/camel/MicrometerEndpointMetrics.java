package io.github.msghandler.camel;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.api.Transport;
import io.github.msghandler.core.api.WirePayload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;

import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link EndpointMetrics} as Micrometer counters, each made once per endpoint and tagged with it. */
final class MicrometerEndpointMetrics implements EndpointMetrics {
    static final String ENVELOPES = "msghandler.envelopes";
    static final String PAYLOADS = "msghandler.payloads";
    static final String PAYLOAD_BYTES = "msghandler.payload.bytes";
    static final String LINK_FETCH_RETRIES = "msghandler.link.fetch.retries";
    static final String FAILURES = "msghandler.failures";

    /** The counters of one direction. */
    private record DirectionCounters(Counter envelopes, Counter failures, Map<Transport, Counter> payloads,
                                     Map<Transport, Counter> bytes) {
    }

    private final Map<Direction, DirectionCounters> counters = new EnumMap<>(Direction.class);
    private final Counter linkFetchRetries;

    private MicrometerEndpointMetrics(MeterRegistry registry, Tags endpoint) {
        for (Direction direction : Direction.values()) {
            Tags tags = endpoint.and("direction", direction.tag());
            Map<Transport, Counter> payloads = new EnumMap<>(Transport.class);
            Map<Transport, Counter> bytes = new EnumMap<>(Transport.class);
            for (Transport transport : Transport.values()) {
                Tags byTransport = tags.and("transport", transport.wireName());
                payloads.put(transport, Counter.builder(PAYLOADS).tags(byTransport)
                        .description("Payloads " + direction.tag() + ", by transport").register(registry));
                bytes.put(transport, Counter.builder(PAYLOAD_BYTES).tags(byTransport).baseUnit("bytes")
                        .description("Payload bytes " + direction.tag() + ", by transport").register(registry));
            }
            counters.put(direction, new DirectionCounters(
                    Counter.builder(ENVELOPES).tags(tags).description("Envelopes " + direction.tag())
                            .register(registry),
                    Counter.builder(FAILURES).tags(tags)
                            .description("Exchanges that failed; direction sent: sending, received: receiving")
                            .register(registry),
                    payloads, bytes));
        }
        linkFetchRetries = Counter.builder(LINK_FETCH_RETRIES).tags(endpoint)
                .description("Link fetch attempts after a failed one").register(registry);
    }

    static EndpointMetrics create(CamelContext context, String endpointUri, String subject) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(CAMEL_MICROMETER_REGISTRY, MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
            // with several registries, Spring Boot's composite feeds them all; other choices are not ours to guess
            List<MeterRegistry> candidates = found.size() == 1 ? List.copyOf(found)
                    : found.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
            registry = candidates.size() == 1 ? candidates.get(0) : null;
        }
        return registry == null ? NONE
                : new MicrometerEndpointMetrics(registry, Tags.of("endpoint", URISupport.sanitizeUri(endpointUri),
                        "subject", subject));
    }

    @Override
    public void sent(Envelope envelope) {
        count(counters.get(Direction.SENT), envelope);
    }

    @Override
    public void received(Envelope envelope) {
        count(counters.get(Direction.RECEIVED), envelope);
    }

    private static void count(DirectionCounters direction, Envelope envelope) {
        direction.envelopes().increment();
        for (WirePayload payload : envelope.payloads()) {
            direction.payloads().get(payload.transport()).increment();
            direction.bytes().get(payload.transport()).increment(payload.size());
        }
    }

    @Override
    public void failed(Direction direction) {
        counters.get(direction).failures().increment();
    }

    @Override
    public void retrying(URI link, int attempt, IOException lastFailure) {
        linkFetchRetries.increment();
    }
}
