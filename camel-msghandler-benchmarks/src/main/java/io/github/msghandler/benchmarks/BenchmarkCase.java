package io.github.msghandler.benchmarks;

import java.util.List;

/** One case of the benchmark: every implementation measured in turn, with ratios to the case's baselines. */
interface BenchmarkCase {
    /**
     * Rounds of a throughput row; only the last is measured. The others let the JIT compile the path: on two cores
     * the case itself keeps busy, one warm-up round of a few seconds left heavier paths partly uncompiled.
     */
    int ROUNDS = 3;

    /** The short name used to pick cases on the command line. */
    String key();

    List<Row> run() throws Exception;
}
