package io.github.msghandler.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.msghandler.testsupport.NatsTestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks side by side on one nats-server started like the tests start theirs, prints one table and
 * writes every figure to a JSON file. Arguments: messages per small-message case, JSON output path.
 */
public final class BenchmarkApp {
    private BenchmarkApp() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path output = Path.of(args.length > 1 ? args[1] : "benchmark-results.json");
        List<Map<String, Object>> results;
        try (NatsTestServer nats = NatsTestServer.start()) {
            results = new SmallMessagesBenchmark(nats.url(), messages).run();
        }
        System.out.printf("%n%-34s %12s %10s %10s %10s%n", "small messages (1 KB), one sender", "messages/s",
                "p50 µs", "p99 µs", "vs jnats");
        long jnats = ((Number) results.get(0).get("messagesPerSecond")).longValue();
        long camelNats = ((Number) results.get(1).get("messagesPerSecond")).longValue();
        for (Map<String, Object> result : results) {
            long rate = ((Number) result.get("messagesPerSecond")).longValue();
            System.out.printf("%-34s %12d %10.0f %10.0f %9.2fx%n", result.get("implementation"), rate,
                    (Double) result.get("p50Micros"), (Double) result.get("p99Micros"), rate / (double) jnats);
            result.put("ratioToRawJnats", rate / (double) jnats);
            result.put("ratioToCamelNats", rate / (double) camelNats);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), results);
        System.out.println("figures written to " + output);
        System.exit(0);   // client threads of the clients measured must not keep the JVM alive
    }
}
