package id.go.kpu.jdih.testkit.hash;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The attack of an insider who can write the database but holds no key: change one event, then recompute every
 * hash from there on, so that {@link HashChain#verify} accepts the result. Only anchoring outside the database
 * (seals, exported digests) can tell.
 */
public final class InsiderRewrite {

  private InsiderRewrite() {}

  /**
   * {@code events} with the actor of the event at {@code index} changed by {@code change}, and every hash from
   * there on recomputed (format 2 events only).
   */
  public static ImmutableList<RecordedEvent> changeActor(List<RecordedEvent> events, int index,
      UnaryOperator<Person> change) {
    return rechain(events, index, e -> new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
        e.principal(), change.apply(e.actor()), e.at(), e.activity(), e.payload(), e.previousHash(), e.hash(),
        e.hashFormat()));
  }

  /** The approver's name changed to {@code name} in the event at {@code index}, the chain recomputed. */
  public static ImmutableList<RecordedEvent> renameActor(List<RecordedEvent> events, int index, String name) {
    return changeActor(events, index, p -> Person.of(p.nip(), name, p.roles()));
  }

  /**
   * {@code events} with the event at {@code index} replaced by {@code change}'s result, and every hash from there on
   * recomputed so that the chain verifies.
   */
  public static ImmutableList<RecordedEvent> rechain(List<RecordedEvent> events, int index,
      UnaryOperator<RecordedEvent> change) {
    checkArgument(index >= 0 && index < events.size(), "no event at %s", index);
    List<RecordedEvent> out = new ArrayList<>(events.subList(0, index));
    String previous = index == 0 ? HashChain.GENESIS : events.get(index - 1).hash();
    for (int i = index; i < events.size(); i++) {
      RecordedEvent e = i == index ? change.apply(events.get(i)) : events.get(i);
      checkArgument(e.hashFormat() == HashFormat.JCS_2, "only format 2 events are rewritten here");
      RecordedEvent r = RecordedEvent.create(e.caseId(), e.sequence(), e.sop(), e.commandId(), e.principal(),
          e.actor(), e.at(), e.activity(), e.payload(), previous);
      out.add(r);
      previous = r.hash();
    }
    return ImmutableList.copyOf(out);
  }
}
