package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A case's stored events with the definition they name: the one way to go from a loaded history to the case's
 * state ("load, find the definition, replay"), used by the runtime, the notifications, the archive and the command
 * line alike.
 *
 * @param id the case
 * @param definition the definition its first event names
 * @param events its events, in order, at least one
 */
public record CaseHistory(CaseId id, SopDefinition definition, ImmutableList<RecordedEvent> events) {

  /** Checks that the events are of the case and the definition is the one they name. */
  public CaseHistory {
    checkNotNull(id, "id");
    checkNotNull(definition, "definition");
    checkNotNull(events, "events");
    checkArgument(!events.isEmpty(), "a history has at least one event");
    checkArgument(events.get(0).caseId().equals(id), "the events are of case %s, not %s", events.get(0).caseId(),
        id);
    checkArgument(events.get(0).sop().equals(definition.key()), "the events name %s, not %s", events.get(0).sop(),
        definition.key());
  }

  /**
   * The history of {@code events} with the definition {@code definitions} finds for the key their first event
   * names; empty for a case without events.
   *
   * @throws SopRegistry.UnknownDefinitionException if no definition has that key
   */
  public static Optional<CaseHistory> of(List<RecordedEvent> events,
      Function<SopKey, Optional<SopDefinition>> definitions) {
    checkNotNull(events, "events");
    checkNotNull(definitions, "definitions");
    if (events.isEmpty()) {
      return Optional.empty();
    }
    RecordedEvent first = events.get(0);
    SopDefinition definition = definitions.apply(first.sop())
        .orElseThrow(() -> new SopRegistry.UnknownDefinitionException(first.sop()));
    return Optional.of(new CaseHistory(first.caseId(), definition, ImmutableList.copyOf(events)));
  }

  /**
   * The case's state: the fold of the events over the definition.
   *
   * @throws IllegalStateException if the history does not fit the definition
   */
  public ContentCase replay() {
    return ContentCase.replay(id, definition, events);
  }

  /** Where the hash chain breaks, if it does. */
  public Optional<HashChain.Break> verify() {
    return HashChain.verify(events);
  }
}
