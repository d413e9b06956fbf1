package io.github.msghandler.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One implementation's figure in one benchmark case: a rate where higher is better, extra figures, and ratios to
 * the baselines of the same case measured in the same run.
 */
final class Row {
    private final String caseName;
    private final String implementation;
    private final double value;
    private final String unit;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Double> ratios = new LinkedHashMap<>();

    Row(String caseName, String implementation, double value, String unit) {
        this.caseName = caseName;
        this.implementation = implementation;
        this.value = value;
        this.unit = unit;
    }

    String caseName() {
        return caseName;
    }

    String implementation() {
        return implementation;
    }

    double value() {
        return value;
    }

    String unit() {
        return unit;
    }

    Map<String, Object> figures() {
        return figures;
    }

    Map<String, Double> ratios() {
        return ratios;
    }

    Row figure(String name, Object figure) {
        figures.put(name, figure);
        return this;
    }

    /** Records the ratio to the baseline and whether it reaches the target for this row. */
    Row target(Row baseline, double minimumRatio) {
        ratioTo(baseline);
        double ratio = value / baseline.value;
        String verdict = String.format("%s %.2fx %s", ratio >= minimumRatio ? "met" : "MISSED", minimumRatio,
                baseline.implementation);
        figures.merge("target", verdict, (earlier, later) -> earlier + "; " + later);
        return this;
    }

    /** Records this row's value divided by the baseline's, under the baseline's name. */
    Row ratioTo(Row baseline) {
        ratios.put(baseline.implementation, value / baseline.value);
        return this;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", caseName);
        json.put("implementation", implementation);
        json.put("value", value);
        json.put("unit", unit);
        json.putAll(figures);
        Map<String, Double> ratioJson = new LinkedHashMap<>();
        ratios.forEach((baseline, ratio) -> ratioJson.put(baseline, Math.round(ratio * 1000) / 1000.0));
        json.put("ratios", ratioJson);
        return json;
    }
}
