package io.github.msghandler.benchmarks;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Case 1: 1 KB text messages from a producer to a consumer on one nats-server, one at a time from one sender
 * thread: raw jnats publish/subscribe, a camel-nats route pair, and a msghandler route pair (with and without
 * confirmed publishes). Throughput from the first send to the last arrival; one-way latency p50/p99.
 */
final class SmallMessagesBenchmark implements BenchmarkCase {
    private static final String CASE = "1. small messages (1 KB text), one sender";
    private static final int SIZE = 1024;

    private final String brokerUrl;
    private final int messages;

    SmallMessagesBenchmark(String brokerUrl, int messages) {
        this.brokerUrl = brokerUrl;
        this.messages = messages;
    }

    /** A 1 KB text whose first field is the send time. */
    private static String body(long sentNanos) {
        StringBuilder text = new StringBuilder(SIZE).append(sentNanos).append('|');
        while (text.length() < SIZE) {
            text.append('x');
        }
        return text.toString();
    }

    private static long sentNanos(String body) {
        return Long.parseLong(body.substring(0, body.indexOf('|')));
    }

    @Override
    public String key() {
        return "small";
    }

    @Override
    public List<Row> run() throws Exception {
        Row jnats = rawJnats();
        Row camelNats = camelRoutes("camel-nats route pair",
                "nats:bench.cn?servers=" + brokerUrl.replace("nats://", ""));
        Row confirmed = camelRoutes("msghandler route pair (confirmPublish=true, default)",
                "msghandler:bench.mh?brokerUrl=" + brokerUrl);
        Row unconfirmed = camelRoutes("msghandler route pair (confirmPublish=false)",
                "msghandler:bench.mh2?brokerUrl=" + brokerUrl + "&confirmPublish=false");
        for (Row row : List.of(camelNats, confirmed, unconfirmed)) {
            row.ratioTo(jnats);
        }
        confirmed.ratioTo(camelNats);
        unconfirmed.ratioTo(camelNats);
        return List.of(jnats, camelNats, confirmed, unconfirmed);
    }

    private Row rawJnats() throws Exception {
        try (Connection publisher = Nats.connect(brokerUrl); Connection subscriber = Nats.connect(brokerUrl)) {
            Row result = null;
            for (int round = 0; round < 2; round++) {   // the first round warms up
                LatencyRecorder recorder = new LatencyRecorder(messages);
                Dispatcher dispatcher = subscriber.createDispatcher(m ->
                        recorder.arrived(sentNanos(new String(m.getData(), StandardCharsets.UTF_8))));
                dispatcher.subscribe("bench.raw");
                subscriber.flush(Duration.ofSeconds(5));
                long start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    publisher.publish("bench.raw", body(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
                }
                publisher.flush(Duration.ofSeconds(30));
                recorder.await(120);
                subscriber.closeDispatcher(dispatcher);
                result = result("raw jnats", recorder, start);
            }
            return result;
        }
    }

    private Row camelRoutes(String name, String uri) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        LatencyRecorder[] recorder = {new LatencyRecorder(messages)};
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> recorder[0].arrived(sentNanos(e.getMessage().getBody(String.class))));
            }
        });
        camel.start();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            Row result = null;
            for (int round = 0; round < 2; round++) {   // the first round warms up
                recorder[0] = new LatencyRecorder(messages);
                long start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    template.sendBody(uri, body(System.nanoTime()));
                }
                recorder[0].await(300);
                result = result(name, recorder[0], start);
            }
            return result;
        } finally {
            camel.stop();
        }
    }

    private Row result(String name, LatencyRecorder recorder, long start) {
        double seconds = (recorder.lastArrival() - start) / 1e9;
        return new Row(CASE, name, Math.round(recorder.received() / seconds), "messages/s")
                .figure("messages", messages)
                .figure("received", recorder.received())
                .figure("p50Micros", recorder.percentileMicros(50))
                .figure("p99Micros", recorder.percentileMicros(99));
    }
}
