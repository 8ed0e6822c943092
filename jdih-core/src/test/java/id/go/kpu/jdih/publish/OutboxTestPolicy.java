package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.testkit.publish.OutboxFixtures;

/** The policy the outbox tests use: short waits, the same rules. */
final class OutboxTestPolicy {
  private OutboxTestPolicy() {}

  static final OutboxPolicy POLICY = OutboxFixtures.POLICY;
}
