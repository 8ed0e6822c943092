package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying again, the one back-off of the library (the outbox's retries and checks, the
 * notifications' resends): after the first failure {@code first}, then twice as long after each further failure,
 * never longer than {@code max}. {@link #delayAfter(int, RandomGenerator)} adds "equal jitter" (half the delay
 * fixed, the other half random), so that many workers failing together do not retry together.
 *
 * @param first the wait after the first failure; positive
 * @param max the longest wait; at least {@code first}
 */
public record Backoff(Duration first, Duration max) {

  /** Checks that {@code 0 < first <= max}. */
  public Backoff {
    checkNotNull(first, "first");
    checkNotNull(max, "max");
    checkArgument(!first.isNegative() && !first.isZero(), "first must be positive: %s", first);
    checkArgument(max.compareTo(first) >= 0, "max must be >= first: %s < %s", max, first);
  }

  /** A back-off from {@code first}, doubling, at most {@code max}. */
  public static Backoff of(Duration first, Duration max) {
    return new Backoff(first, max);
  }

  /**
   * The wait after the {@code failures}-th failure in a row: {@code first * 2^(failures - 1)}, at most {@code max}.
   *
   * @param failures 1 for the first failure
   */
  public Duration delayAfter(int failures) {
    checkArgument(failures >= 1, "failures must be >= 1: %s", failures);
    Duration d = first;
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  /**
   * {@link #delayAfter(int)} with equal jitter, to the millisecond: between half of it and all of it, uniformly.
   *
   * @param failures 1 for the first failure
   * @param random the source of jitter; used under its own lock, so one source may serve several threads
   */
  public Duration delayAfter(int failures, RandomGenerator random) {
    checkNotNull(random, "random");
    long base = delayAfter(failures).toMillis();
    long half = base / 2;
    long extra;
    synchronized (random) {
      extra = half == 0 ? 0 : random.nextLong(half + 1);
    }
    return Duration.ofMillis(base - half + extra);
  }
}
