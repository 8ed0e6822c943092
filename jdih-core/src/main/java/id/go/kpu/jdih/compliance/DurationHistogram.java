package id.go.kpu.jdih.compliance;

import java.time.Duration;

/**
 * Durations counted in one-minute buckets up to a cap, so that medians and percentiles over millions of activities
 * need a fixed amount of memory. Durations beyond the cap are counted in the last bucket and reported as the cap.
 *
 * <p>Not thread-safe: each report accumulates on one thread.
 */
final class DurationHistogram {

  /** Ten working weeks of 37.5 hours, in minutes. */
  static final int CAP_MINUTES = 10 * 5 * 450;

  private final long[] counts = new long[CAP_MINUTES + 1];
  private long total;

  void add(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    counts[(int) Math.min(minutes, CAP_MINUTES)]++;
    total++;
  }

  long count() {
    return total;
  }

  /** The smallest duration with at least {@code p} of the values at or below it (nearest rank). */
  Duration percentile(double p) {
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = (long) Math.ceil(p * total);
    rank = Math.max(1, Math.min(rank, total));
    long seen = 0;
    for (int m = 0; m < counts.length; m++) {
      seen += counts[m];
      if (seen >= rank) {
        return Duration.ofMinutes(m);
      }
    }
    return Duration.ofMinutes(CAP_MINUTES);
  }
}
