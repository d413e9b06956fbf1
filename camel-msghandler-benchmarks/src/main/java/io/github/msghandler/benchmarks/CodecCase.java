package io.github.msghandler.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link CodecBenchmark} with JMH in one forked JVM and turns its scores into rows. */
final class CodecCase implements BenchmarkCase {
    private static final String CASE = "5. codec: pack + unpack of a 400 KB binary direct payload (JMH)";

    @Override
    public String key() {
        return "codec";
    }

    @Override
    public List<Row> run() throws Exception {
        Options options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .timeUnit(TimeUnit.SECONDS)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Row floor = null;
        Row ours = null;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().substring(CodecBenchmark.class.getName().length() + 1);
            double opsPerSecond = result.getPrimaryResult().getScore();
            double megabytesPerSecond = opsPerSecond * CodecBenchmark.PAYLOAD_BYTES / (1024.0 * 1024.0);
            Row row = new Row(CASE, method.equals("msghandlerPackUnpack") ? "msghandler smartpack + smartunpack"
                    : "java.util.Base64 + Jackson (floor)", Math.round(megabytesPerSecond * 10) / 10.0, "MB/s")
                    .figure("opsPerSecond", Math.round(opsPerSecond))
                    .figure("opsPerSecondError", Math.round(result.getPrimaryResult().getScoreError()));
            if (method.equals("msghandlerPackUnpack")) {
                ours = row;
            } else {
                floor = row;
            }
        }
        if (ours == null || floor == null) {
            throw new IllegalStateException("JMH ran " + results.size() + " of the 2 codec benchmarks");
        }
        ours.ratioTo(floor);
        return List.of(floor, ours);
    }
}
