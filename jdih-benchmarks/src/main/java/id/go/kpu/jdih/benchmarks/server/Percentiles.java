package id.go.kpu.jdih.benchmarks.server;

import java.util.Arrays;

/** Percentiles of recorded latencies by the nearest-rank method: no interpolation, always a recorded value. */
final class Percentiles {

  private Percentiles() {}

  /**
   * The {@code p}-th percentile of {@code values}: the smallest recorded value such that at least {@code p}% of the
   * values are at most it, i.e. the value of rank ⌈p/100 · n⌉ (1-based) after sorting.
   *
   * @param sorted the values in ascending order, at least one
   * @param p the percentile, more than 0 and at most 100
   */
  static long of(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
    }
    // The small epsilon keeps a product such as 0.99 * 100 = 99.00000000000001 at rank 99.
    int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** A sorted copy of {@code values}. */
  static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
