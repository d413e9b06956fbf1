package io.github.msghandler.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.msghandler.testsupport.NatsTestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the benchmark cases side by side on one nats-server started like the tests start theirs, prints one table
 * and writes every figure to a JSON file. Arguments: messages of the small-message case, JSON output path, and
 * the cases to run (comma-separated keys; all by default).
 */
public final class BenchmarkApp {
    private BenchmarkApp() {
    }

    /** Held, since java.util.logging keeps only weak references to loggers. */
    private static final java.util.logging.Logger JNATS_LISTENER =
            java.util.logging.Logger.getLogger("io.nats.client.impl.ErrorListenerLoggerImpl");

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status);   // client threads of the clients measured must not keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        // jnats's default listener logs every JetStream flow-control reply of camel-nats's push consumer at INFO
        JNATS_LISTENER.setLevel(java.util.logging.Level.WARNING);
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path output = Path.of(args.length > 1 ? args[1] : "benchmark-results.json").toAbsolutePath();
        Set<String> selected = Arrays.stream((args.length > 2 ? args[2] : "small,request,large,tables,codec")
                .split(",")).map(String::trim).collect(Collectors.toSet());
        Path work = Files.createDirectories(output.getParent().resolve("benchmark-work"));
        List<Row> rows = new ArrayList<>();
        try (NatsTestServer nats = NatsTestServer.start()) {
            List<BenchmarkCase> cases = List.of(
                    new SmallMessagesBenchmark(nats.url(), messages),
                    new RequestReplyBenchmark(nats.url(), Math.max(1, messages / 10)),
                    new LargePayloadBenchmark(nats.url(), 100, work),
                    new TableBenchmark(1_000_000),
                    new CodecCase());
            for (BenchmarkCase benchmark : cases) {
                if (selected.contains(benchmark.key())) {
                    System.out.println("running case '" + benchmark.key() + "'");
                    List<Row> caseRows = benchmark.run();
                    print(caseRows);
                    rows.addAll(caseRows);
                }
            }
        }
        System.out.printf("%n%nAll cases%n");
        print(rows);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        json.put("results", rows.stream().map(Row::toJson).toList());
        Files.createDirectories(output.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), json);
        System.out.println("figures written to " + output);
    }

    private static void print(List<Row> rows) {
        String currentCase = null;
        for (Row row : rows) {
            if (!row.caseName().equals(currentCase)) {
                currentCase = row.caseName();
                System.out.printf("%n%s%n", currentCase);
            }
            String ratios = row.ratios().entrySet().stream()
                    .map(e -> String.format("%.2fx %s", e.getValue(), e.getKey()))
                    .collect(Collectors.joining(", "));
            String figures = row.figures().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            System.out.printf("  %-62s %12.1f %-14s %s%n      %s%n", row.implementation(), row.value(), row.unit(),
                    ratios.isEmpty() ? "" : "[" + ratios + "]", figures);
        }
    }
}
