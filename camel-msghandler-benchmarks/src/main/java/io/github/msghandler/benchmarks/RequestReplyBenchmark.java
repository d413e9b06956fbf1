package io.github.msghandler.benchmarks;

import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.Payload;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Case 2: request-reply round trips one after another from one thread, a 1 KB text request and a short text
 * reply: raw jnats request against a dispatcher that replies, a camel-nats route pair, a msghandler route pair.
 */
final class RequestReplyBenchmark implements BenchmarkCase {
    private static final String CASE = "2. request-reply round trips, one requester";
    private static final String REQUEST = "x".repeat(1024);

    private final String brokerUrl;
    private final int roundTrips;

    RequestReplyBenchmark(String brokerUrl, int roundTrips) {
        this.brokerUrl = brokerUrl;
        this.roundTrips = roundTrips;
    }

    @Override
    public String key() {
        return "request";
    }

    @Override
    public List<Row> run() throws Exception {
        Row jnats = rawJnats();
        Row camelNats = camelRoutes("camel-nats route pair",
                "nats:bench.rr.cn?servers=" + brokerUrl.replace("nats://", ""),
                "nats:bench.rr.cn?servers=" + brokerUrl.replace("nats://", "") + "&requestTimeout=10000");
        Row floor = camelRoutes("camel-nats route pair carrying our envelopes built once (the wire format alone)",
                "nats:bench.rr.floor?servers=" + brokerUrl.replace("nats://", ""),
                "nats:bench.rr.floor?servers=" + brokerUrl.replace("nats://", "") + "&requestTimeout=10000",
                Traffic.envelopes(brokerUrl));
        String msghandler = "msghandler:bench.rr.mh?brokerUrl=" + brokerUrl;
        Row ours = camelRoutes("msghandler route pair", msghandler, msghandler);
        camelNats.ratioTo(jnats);
        floor.ratioTo(camelNats);
        ours.ratioTo(jnats).target(camelNats, 0.8);
        ours.ratioTo(floor);
        return List.of(jnats, camelNats, floor, ours);
    }

    private Row rawJnats() throws Exception {
        try (Connection requester = Nats.connect(brokerUrl); Connection responder = Nats.connect(brokerUrl)) {
            byte[] reply = "pong".getBytes(StandardCharsets.UTF_8);
            Dispatcher dispatcher = responder.createDispatcher(m -> responder.publish(m.getReplyTo(), reply));
            dispatcher.subscribe("bench.rr.raw");
            responder.flush(Duration.ofSeconds(5));
            byte[] request = REQUEST.getBytes(StandardCharsets.UTF_8);
            return BenchmarkCase.settled(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < roundTrips; i++) {
                    Message answer = requester.request("bench.rr.raw", request, Duration.ofSeconds(10));
                    if (answer == null) {
                        throw new IllegalStateException("raw jnats request " + i + " got no reply");
                    }
                }
                return row("raw jnats request", start);
            });
        }
    }

    /** What travels: the request and reply bodies. */
    private record Traffic(String request, String reply) {
        static final Traffic TEXT = new Traffic(REQUEST, "pong");

        /**
         * The floor under our row: the envelopes msghandler puts on the wire for this request and reply, built once,
         * moved by camel-nats without any envelope work on either side (and, as ours, without NATS headers).
         */
        static Traffic envelopes(String brokerUrl) {
            PackOptions once = PackOptions.builder().publish(false).brokerUrl(brokerUrl).build();
            return new Traffic(
                    MsgHandler.smartpack("bench.rr.floor", List.of(Payload.of("body", REQUEST, "text")), once).json(),
                    MsgHandler.smartpack("bench.rr.floor", List.of(Payload.of("body", "pong", "text")), once).json());
        }
    }

    private Row camelRoutes(String name, String consumerUri, String producerUri) throws Exception {
        return camelRoutes(name, consumerUri, producerUri, Traffic.TEXT);
    }

    private Row camelRoutes(String name, String consumerUri, String producerUri, Traffic traffic) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        // camel-nats schedules a timeout task per request that stays queued until it fires; Camel's default queue
        // limit of 1,000 tasks rejects requests after a few hundred milliseconds at full speed
        camel.getExecutorServiceManager().getDefaultThreadPoolProfile().setMaxQueueSize(1_000_000);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri).process(e -> e.getMessage().setBody(traffic.reply()));
            }
        });
        camel.start();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            Endpoint producer = camel.getEndpoint(producerUri);   // once, as a route's to() resolves it
            return BenchmarkCase.settled(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < roundTrips; i++) {
                    String answer = template.requestBody(producer, traffic.request(), String.class);
                    if (!traffic.reply().equals(answer)) {
                        throw new IllegalStateException(name + " request " + i + " got " + answer);
                    }
                }
                return row(name, start);
            });
        } finally {
            camel.stop();
        }
    }

    private Row row(String name, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Row(CASE, name, Math.round(roundTrips / seconds), "round trips/s")
                .figure("roundTrips", roundTrips)
                .figure("meanMicros", Math.round(seconds * 1e6 / roundTrips));
    }
}
