package io.github.msghandler.camel;

import io.github.msghandler.core.api.Envelope;
import io.github.msghandler.core.store.RetryListener;
import org.apache.camel.CamelContext;

/**
 * What an endpoint counts: envelopes, payloads and payload bytes sent and received (by transport), link fetch
 * retries and failed exchanges. Counted in Micrometer when a MeterRegistry is in the Camel registry (camel-micrometer
 * puts one there as {@value #CAMEL_MICROMETER_REGISTRY}; Spring Boot Actuator's is a bean); nowhere otherwise.
 */
interface EndpointMetrics extends RetryListener {
    /** The name camel-micrometer binds its MeterRegistry under (its MicrometerConstants.METRICS_REGISTRY_NAME). */
    String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";

    EndpointMetrics NONE = new EndpointMetrics() {
        @Override
        public void sent(Envelope envelope) {
        }

        @Override
        public void received(Envelope envelope) {
        }

        @Override
        public void failed(Direction direction) {
        }

        @Override
        public void retrying(java.net.URI link, int attempt, java.io.IOException lastFailure) {
        }
    };

    enum Direction {
        SENT, RECEIVED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An envelope the server took (published, acked by JetStream, or answered as a request). */
    void sent(Envelope envelope);

    /** An envelope unpacked, its payloads verified, before the route runs. */
    void received(Envelope envelope);

    /** An exchange that failed: sending, or receiving (a broken envelope, a link that failed, a failed route). */
    void failed(Direction direction);

    /** Micrometer counters when Micrometer and a registry are there, else {@link #NONE}. */
    static EndpointMetrics of(CamelContext context, String endpointUri, String subject) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                    EndpointMetrics.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return NONE;
        }
        return MicrometerEndpointMetrics.create(context, endpointUri, subject);
    }
}
