package id.go.kpu.jdih.publish;

import java.time.Duration;

/** The policy the outbox tests use: short waits, the same rules. */
final class OutboxTestPolicy {
  private OutboxTestPolicy() {}

  static final OutboxPolicy POLICY = OutboxPolicy.defaults().toBuilder()
      .backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)).maxFailures(6)
      .rateLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(1)).maxRateLimitWaits(20)
      .reconciliation(Duration.ofSeconds(5), Duration.ofSeconds(60), 2, 5)
      .polling(Duration.ofSeconds(5), 5).lease(Duration.ofSeconds(120)).build();
}
