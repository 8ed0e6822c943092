package id.go.kpu.jdih.store.file;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Deterministic events for the store tests and the forked writer. It avoids the reference SOP and the fixtures on
 * purpose: building the reference definition runs Bean Validation, which would slow every forked JVM's start.
 */
final class Events {

  static final SopKey SOP = new SopKey("kpu-kab-kepulauan-mentawai", "6 Tahun 2023", 0);
  static final Person STAF = new Person(Nip.of("199003032015031003"), "Sari Staf",
      ImmutableSet.of(RoleId.of("staf")));

  private Events() {}

  /**
   * Event {@code sequence} of a case, chained to {@code previousHash}. The summary's length varies from about
   * 0.5 to 2.3 KB so that lines often straddle a 4 KB page, where a killed write can be cut.
   */
  static RecordedEvent event(CaseId id, long sequence, String previousHash, String tag) {
    int pad = (int) ((sequence * 7919) % 1800);
    return RecordedEvent.create(id, sequence, SOP, CommandId.of(tag + "-v" + sequence), STAF,
        Instant.ofEpochSecond(1_700_000_000L + sequence), OptionalInt.of(4),
        new CaseEvent.Summarized("ringkasan " + tag + " " + sequence + " " + "x".repeat(pad)), previousHash);
  }

  /** The first {@code n} events of a case, all tagged {@code tag}. */
  static List<RecordedEvent> chain(CaseId id, long n, String tag) {
    return continuing(id, 0, HashChain.GENESIS, n, tag);
  }

  /** {@code count} events continuing a case at {@code version} whose head is {@code head}. */
  static List<RecordedEvent> continuing(CaseId id, long version, String head, long count, String tag) {
    List<RecordedEvent> events = new ArrayList<>();
    String previous = head;
    for (long s = version + 1; s <= version + count; s++) {
      RecordedEvent e = event(id, s, previous, tag);
      events.add(e);
      previous = e.hash();
    }
    return events;
  }
}
