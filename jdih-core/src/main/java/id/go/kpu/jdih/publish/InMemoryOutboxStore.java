package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A thread-safe {@link OutboxStore} in memory, for tests and for embedders that keep intents elsewhere between
 * runs. A case's intents are found through an index by case; {@link #due} and {@link #nextDueAt} scan every
 * intent, which suits an office's volume (a few posts a day). Not durable: a crash loses the stored platform ids.
 */
public final class InMemoryOutboxStore implements OutboxStore {

  private final ConcurrentMap<IntentId, IntentState> states = new ConcurrentHashMap<>();
  // Intents are never removed, so the index only grows with the states. forCase ran once per command of the
  // runtime and scanned every intent: 21 % of the in-memory lifecycle benchmark's time (BENCHMARKS.md).
  private final ConcurrentMap<CaseId, Set<IntentId>> byCase = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryOutboxStore() {}

  @Override
  public boolean add(IntentState state) {
    checkNotNull(state, "state");
    checkArgument(state.version() == 1, "a new intent starts at version 1: %s", state.version());
    if (states.putIfAbsent(state.id(), state) != null) {
      return false;
    }
    byCase.computeIfAbsent(state.intent().caseId(), c -> ConcurrentHashMap.newKeySet()).add(state.id());
    return true;
  }

  @Override
  public Optional<IntentState> find(IntentId id) {
    return Optional.ofNullable(states.get(checkNotNull(id, "id")));
  }

  @Override
  public ImmutableList<IntentState> forCase(CaseId caseId) {
    checkNotNull(caseId, "caseId");
    Set<IntentId> ids = byCase.get(caseId);
    if (ids == null) {
      return ImmutableList.of();
    }
    return ids.stream().map(states::get).filter(Objects::nonNull)
        .sorted(Comparator.comparing(IntentState::id)).collect(ImmutableList.toImmutableList());
  }

  @Override
  public ImmutableList<IntentState> due(Instant now, int limit) {
    checkNotNull(now, "now");
    checkArgument(limit >= 1, "limit must be >= 1: %s", limit);
    return states.values().stream().filter(s -> s.isDue(now))
        .sorted(Comparator.comparing((IntentState s) -> s.dueAt().orElseThrow()).thenComparing(IntentState::id))
        .limit(limit).collect(ImmutableList.toImmutableList());
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return states.values().stream().map(IntentState::dueAt).flatMap(Optional::stream).min(Comparator.naturalOrder());
  }

  @Override
  public boolean replace(IntentState expected, IntentState next) {
    checkNotNull(expected, "expected");
    checkNotNull(next, "next");
    checkArgument(expected.id().equals(next.id()), "cannot replace %s by %s", expected.id(), next.id());
    checkArgument(next.version() == expected.version() + 1, "next version must be %s: %s", expected.version() + 1,
        next.version());
    boolean[] replaced = {false};
    states.computeIfPresent(expected.id(), (id, current) -> {
      if (current.version() != expected.version()) {
        return current;
      }
      replaced[0] = true;
      return next;
    });
    return replaced[0];
  }
}
