package dev.agentq.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * A distribution in milliseconds, by nearest rank.
 *
 * @param count how many values
 */
record Percentiles(int count, double p50, double p99, double max) {
  static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);

  static Percentiles of(Collection<Double> values) {
    if (values.isEmpty()) {
      return NONE;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
