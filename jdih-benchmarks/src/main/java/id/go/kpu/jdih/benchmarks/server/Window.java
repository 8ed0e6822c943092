package id.go.kpu.jdih.benchmarks.server;

/**
 * The run's clock, in {@link System#nanoTime()}: the warm-up from {@code start} to {@code measureFrom}, then the
 * measured window up to {@code measureUntil}, after which the clients stop.
 */
record Window(long start, long measureFrom, long measureUntil) {

  static Window startingNow(long warmupNanos, long measuredNanos) {
    long now = System.nanoTime();
    return new Window(now, now + warmupNanos, now + warmupNanos + measuredNanos);
  }

  /** Whether a request that ended at {@code nanos} counts. */
  boolean measured(long nanos) {
    return nanos - measureFrom >= 0 && nanos - measureUntil < 0;
  }

  boolean inWarmup(long nanos) {
    return nanos - measureFrom < 0;
  }

  boolean over(long nanos) {
    return nanos - measureUntil >= 0;
  }

  double measuredSeconds() {
    return (measureUntil - measureFrom) / 1e9;
  }
}
