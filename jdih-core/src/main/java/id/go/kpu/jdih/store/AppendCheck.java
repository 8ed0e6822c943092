package id.go.kpu.jdih.store;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;

/**
 * The checks every store makes before appending, so that no store can be handed a history that does not chain:
 * the events belong to the case, continue its sequence from the expected version and link to its head hash.
 */
public final class AppendCheck {

  private AppendCheck() {}

  /**
   * Checks {@code events} as the continuation of a case at {@code expectedVersion} whose last hash is
   * {@code headHash}.
   *
   * @throws InvalidAppendException if they do not continue it
   */
  public static void check(CaseId id, long expectedVersion, String headHash, List<RecordedEvent> events) {
    if (events == null || events.isEmpty()) {
      throw new InvalidAppendException(Text.of("tidak ada peristiwa", "no events"));
    }
    if (expectedVersion < 0) {
      throw new InvalidAppendException(Text.of("versi negatif", "negative version"));
    }
    String previous = headHash;
    long sequence = expectedVersion;
    for (RecordedEvent e : events) {
      if (e == null) {
        throw new InvalidAppendException(Text.of("peristiwa kosong (null)", "a null event"));
      }
      if (!e.caseId().equals(id)) {
        throw new InvalidAppendException(Text.of("peristiwa milik kasus %s, bukan %s",
            "the event belongs to case %s, not %s").format(e.caseId(), id));
      }
      sequence++;
      if (e.sequence() != sequence) {
        throw new InvalidAppendException(Text.of("nomor urut %s, seharusnya %s", "sequence %s, expected %s")
            .format(e.sequence(), sequence));
      }
      String expected;
      try {
        expected = e.expectedHash();
      } catch (IllegalArgumentException x) {
        throw new InvalidAppendException(Text.of("peristiwa %s tidak dapat di-hash: %s",
            "event %s cannot be hashed: %s").format(e.sequence(), x.getMessage()));
      }
      if (!e.previousHash().equals(previous) || !expected.equals(e.hash())) {
        throw new InvalidAppendException(Text.of("rantai hash peristiwa %s tidak sah",
            "the hash chain of event %s is invalid").format(e.sequence()));
      }
      previous = e.hash();
    }
  }
}
