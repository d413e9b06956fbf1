package io.github.msghandler.benchmarks;

import java.util.List;

/** One case of the benchmark: every implementation measured in turn, with ratios to the case's baselines. */
interface BenchmarkCase {
    /** The short name used to pick cases on the command line. */
    String key();

    List<Row> run() throws Exception;
}
