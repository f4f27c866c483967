package dev.backstack.panel.bench.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Order statistics of a sample: nearest-rank percentiles (p50 of 10 values is the 5th smallest),
 * mean and max. Immutable; values are in the caller's unit (the benchmarks use milliseconds).
 */
public final class Stats {

    private final double[] sorted;

    private Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Stats of(double... values) {
        return new Stats(values);
    }

    public static Stats of(Collection<? extends Number> values) {
        return new Stats(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]; NaN for an empty sample. */
    public double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double median() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    /** How many values exceed {@code limit}. */
    public long above(double limit) {
        return Arrays.stream(sorted).filter(v -> v > limit).count();
    }

    /** {@code n=300 p50=12.0 p95=40.1 p99=55.0 max=70.2} */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f",
                count(),
                percentile(50),
                percentile(95),
                percentile(99),
                max());
    }
}
