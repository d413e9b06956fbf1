package io.github.msghandler.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One case of the benchmark: every implementation measured in turn, with ratios to the case's baselines. */
interface BenchmarkCase {
    /**
     * Rounds of a throughput row: at least {@value #MIN_ROUNDS}, then until the last {@value #MEASURED} rates lie
     * within {@value #SETTLED_PERCENT}% of their median, at most {@value #MAX_ROUNDS}. The row is the round with the
     * median rate of the last {@value #MEASURED}. The first rounds let the JIT compile the path: on two cores the
     * case itself keeps the one C2 thread waiting, and a path with an envelope written and read on each side was
     * still speeding up in its fourth round of 100,000 messages while camel-nats's had settled in its second. On
     * this shared machine one round's rate moved by up to a sixth from the next; the median of three damps that.
     */
    int MIN_ROUNDS = 5;
    int MAX_ROUNDS = 8;
    int MEASURED = 3;
    int SETTLED_PERCENT = 10;

    /** One round of a row, returning its figure. */
    @FunctionalInterface
    interface Round {
        Row run() throws Exception;
    }

    /** The settled median round of a row, with every round's rate as the figure {@code roundRates}. */
    static Row settled(Round round) throws Exception {
        List<Row> rounds = new ArrayList<>();
        while (true) {
            rounds.add(round.run());
            List<Row> last = new ArrayList<>(rounds.subList(Math.max(0, rounds.size() - MEASURED), rounds.size()));
            last.sort(Comparator.comparingDouble(Row::value));
            Row median = last.get(last.size() / 2);
            boolean settled = last.size() == MEASURED && last.stream().allMatch(
                    row -> Math.abs(row.value() - median.value()) * 100 <= SETTLED_PERCENT * median.value());
            if (rounds.size() >= MAX_ROUNDS || rounds.size() >= MIN_ROUNDS && settled) {
                return median.figure("roundRates", rounds.stream().map(row -> Math.round(row.value())).toList());
            }
        }
    }

    /** The short name used to pick cases on the command line. */
    String key();

    List<Row> run() throws Exception;
}
