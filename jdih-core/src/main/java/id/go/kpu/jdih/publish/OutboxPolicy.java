package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.time.Backoff;
import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * How patient the {@link OutboxDelivery} is. {@link #defaults()} suits the real platforms; tests shrink the
 * durations.
 *
 * @param initialBackoff the wait after the first failure that certainly did not publish; it doubles with each
 *     further failure (with equal jitter: half fixed, half random)
 * @param maxBackoff the longest such wait
 * @param maxFailures failures that certainly did not publish before the intent stops as FAILED
 * @param defaultRateLimitWait the wait after a rate limit that gives no reset time (Graph codes 4, 17, 32, 613
 *     without usage headers)
 * @param quotaWait the wait after the publishing quota is used up, when the platform gives no time
 * @param rateLimitJitter at most this much is added to a platform's reset time, so that waiting intents do not all
 *     return at the same instant
 * @param maxRateLimitWaits rate-limit or quota deferrals before the intent stops as FAILED
 * @param settleDelay the wait after an ambiguous outcome before the platform is asked, so that a post that did go
 *     out has time to appear in the account's list
 * @param lookupSkew posts created up to this long before the first send still count as candidates (clock skew
 *     between this machine and the platform)
 * @param requiredNotFound look-ups in a row, {@code settleDelay} apart, that must miss the post before it is sent
 *     again
 * @param maxReconcileChecks failed or inconclusive checks with the platform before the intent waits for a person
 *     (NEEDS_CONFIRMATION)
 * @param pollInterval the wait while a container is still being prepared (Instagram advises checking once a minute)
 * @param maxPolls waits for a container being prepared before the intent stops as FAILED (Instagram advises no
 *     more than five minutes)
 * @param lease how long a worker holds an intent; a worker that stops is taken over (with a check first) after it
 * @param batchSize the most intents one {@link OutboxDelivery#deliverDue()} call handles
 */
public record OutboxPolicy(
    Duration initialBackoff,
    Duration maxBackoff,
    int maxFailures,
    Duration defaultRateLimitWait,
    Duration quotaWait,
    Duration rateLimitJitter,
    int maxRateLimitWaits,
    Duration settleDelay,
    Duration lookupSkew,
    int requiredNotFound,
    int maxReconcileChecks,
    Duration pollInterval,
    int maxPolls,
    Duration lease,
    int batchSize) {

  /** Checks that durations are not negative and counts are positive. */
  public OutboxPolicy {
    for (Duration d : new Duration[] {initialBackoff, maxBackoff, defaultRateLimitWait, quotaWait, rateLimitJitter,
        settleDelay, lookupSkew, pollInterval, lease}) {
      checkNotNull(d, "durations are required");
      checkArgument(!d.isNegative(), "durations must not be negative: %s", d);
    }
    checkArgument(!initialBackoff.isZero() && maxBackoff.compareTo(initialBackoff) >= 0,
        "need 0 < initialBackoff <= maxBackoff");
    checkArgument(!lease.isZero(), "lease must be positive");
    checkArgument(maxFailures >= 1 && maxRateLimitWaits >= 1 && requiredNotFound >= 1 && maxReconcileChecks >= 1
        && maxPolls >= 1 && batchSize >= 1, "counts must be >= 1");
  }

  /**
   * The defaults: back-off from 30 s doubling to 30 min, 8 failures; 15 min after an unexplained rate limit, 1 h
   * after a used-up quota, up to 48 deferrals; 20 s to settle, 2 min skew, 2 misses before resending, 6 checks;
   * containers polled every 60 s up to 5 times; a 10 min lease; 50 intents per call.
   *
   * @return the default policy
   */
  public static OutboxPolicy defaults() {
    return new OutboxPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), 8, Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofSeconds(2), 48, Duration.ofSeconds(20), Duration.ofMinutes(2), 2, 6,
        Duration.ofSeconds(60), 5, Duration.ofMinutes(10), 50);
  }

  /** The back-off of failed attempts and checks: {@link #initialBackoff()} doubling to {@link #maxBackoff()}. */
  public Backoff backoff() {
    return Backoff.of(initialBackoff, maxBackoff);
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a changed copy of a policy. Not thread-safe. */
  public static final class Builder {
    private Duration initialBackoff;
    private Duration maxBackoff;
    private int maxFailures;
    private Duration defaultRateLimitWait;
    private Duration quotaWait;
    private Duration rateLimitJitter;
    private int maxRateLimitWaits;
    private Duration settleDelay;
    private Duration lookupSkew;
    private int requiredNotFound;
    private int maxReconcileChecks;
    private Duration pollInterval;
    private int maxPolls;
    private Duration lease;
    private int batchSize;

    private Builder(OutboxPolicy p) {
      initialBackoff = p.initialBackoff;
      maxBackoff = p.maxBackoff;
      maxFailures = p.maxFailures;
      defaultRateLimitWait = p.defaultRateLimitWait;
      quotaWait = p.quotaWait;
      rateLimitJitter = p.rateLimitJitter;
      maxRateLimitWaits = p.maxRateLimitWaits;
      settleDelay = p.settleDelay;
      lookupSkew = p.lookupSkew;
      requiredNotFound = p.requiredNotFound;
      maxReconcileChecks = p.maxReconcileChecks;
      pollInterval = p.pollInterval;
      maxPolls = p.maxPolls;
      lease = p.lease;
      batchSize = p.batchSize;
    }

    /** Sets the first and the longest back-off. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Sets {@link OutboxPolicy#maxFailures()}. */
    public Builder maxFailures(int value) {
      this.maxFailures = value;
      return this;
    }

    /** Sets the waits after a rate limit without a reset time and after a used-up quota, and the jitter. */
    public Builder rateLimits(Duration defaultWait, Duration quota, Duration jitter) {
      this.defaultRateLimitWait = defaultWait;
      this.quotaWait = quota;
      this.rateLimitJitter = jitter;
      return this;
    }

    /** Sets {@link OutboxPolicy#maxRateLimitWaits()}. */
    public Builder maxRateLimitWaits(int value) {
      this.maxRateLimitWaits = value;
      return this;
    }

    /** Sets the reconciliation timing: settle delay, look-up skew, misses before resending, checks allowed. */
    public Builder reconciliation(Duration settle, Duration skew, int notFoundBeforeResend, int maxChecks) {
      this.settleDelay = settle;
      this.lookupSkew = skew;
      this.requiredNotFound = notFoundBeforeResend;
      this.maxReconcileChecks = maxChecks;
      return this;
    }

    /** Sets how a container being prepared is waited for. */
    public Builder polling(Duration interval, int max) {
      this.pollInterval = interval;
      this.maxPolls = max;
      return this;
    }

    /** Sets {@link OutboxPolicy#lease()}. */
    public Builder lease(Duration value) {
      this.lease = value;
      return this;
    }

    /** Sets {@link OutboxPolicy#batchSize()}. */
    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /** The policy; its constructor checks the values. */
    public OutboxPolicy build() {
      return new OutboxPolicy(initialBackoff, maxBackoff, maxFailures, defaultRateLimitWait, quotaWait,
          rateLimitJitter, maxRateLimitWaits, settleDelay, lookupSkew, requiredNotFound, maxReconcileChecks,
          pollInterval, maxPolls, lease, batchSize);
    }
  }
}
