package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Histories of the reference SOP made by the real decider, for the store's query tests. */
final class Histories {

  private static final CaseDecider DECIDER = new CaseDecider(ReferenceSop.definition(), OutputRules.acceptAll());

  private Histories() {}

  /**
   * The first {@code commands} commands of the happy path of case {@code id}, the first at {@code start} and each
   * next one an hour later; 7 is the whole path, ending published.
   */
  static List<RecordedEvent> happyPath(CaseId id, Instant start, int commands) {
    List<CaseCommand> all = Fixtures.happyPath(id, Fixtures.produkHukum(), start.plusSeconds(6 * 3600));
    return run(id, start, all.subList(0, commands));
  }

  /** A case proposed at {@code start} and withdrawn an hour later. */
  static List<RecordedEvent> withdrawn(CaseId id, Instant start) {
    List<CaseCommand> commands = List.of(
        new CaseCommand.Propose(CommandId.random(), id, Fixtures.KASUBAG, Fixtures.produkHukum()),
        new CaseCommand.Withdraw(CommandId.random(), id, Fixtures.KASUBAG, "Materi sudah tidak relevan"));
    return run(id, start, commands);
  }

  private static List<RecordedEvent> run(CaseId id, Instant start, List<CaseCommand> commands) {
    List<RecordedEvent> events = new ArrayList<>();
    ContentCase state = ContentCase.empty(id);
    Instant t = start;
    for (CaseCommand c : commands) {
      for (RecordedEvent e : DECIDER.decide(state, c, t)) {
        events.add(e);
        state = state.apply(ReferenceSop.definition(), e);
      }
      t = t.plusSeconds(3600);
    }
    return events;
  }

  /** {@code template}'s events re-made for case {@code id}, {@code shift} later, chained anew. */
  static List<RecordedEvent> copy(List<RecordedEvent> template, CaseId id, Duration shift) {
    List<RecordedEvent> out = new ArrayList<>(template.size());
    String previous = HashChain.GENESIS;
    for (RecordedEvent e : template) {
      RecordedEvent c = RecordedEvent.create(id, e.sequence(), e.sop(), e.commandId(), e.actor(),
          e.at().plus(shift), e.activity(), e.payload(), previous);
      out.add(c);
      previous = c.hash();
    }
    return out;
  }
}
