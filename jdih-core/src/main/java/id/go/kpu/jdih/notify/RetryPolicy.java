package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code first}, then twice as long after each further failure, never
 * longer than {@code max}; a channel's own {@link NotificationException#retryAfter() retry-after} wins. There is
 * no limit on attempts: only a {@link NotificationException#permanent() permanent} refusal stops them.
 *
 * @param first the wait after the first failure
 * @param max the longest wait
 */
public record RetryPolicy(Duration first, Duration max) {

  /** The waits are positive and {@code first <= max}. */
  public RetryPolicy {
    checkNotNull(first, "first");
    checkNotNull(max, "max");
    checkArgument(!first.isNegative() && !first.isZero(), "first must be positive");
    checkArgument(max.compareTo(first) >= 0, "max must be >= first");
  }

  /** One minute, doubling, at most one hour. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1));
  }

  /** The wait after the {@code failures}-th failure in a row (1 for the first). */
  public Duration delayAfter(int failures) {
    checkArgument(failures >= 1, "failures must be >= 1");
    Duration d = first;
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
