package id.go.kpu.jdih.benchmarks.memory;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A measuring aid, not a proposal for a store: a {@link CaseStore} that hands its delegate each event with one shared
 * {@link SopKey} instance per key and one shared {@link OptionalInt} per activity number. Equal values, so the
 * events' hashes and the store's checks are unchanged. It shows what jdih-core would save per case if
 * {@code SopDefinition.key()} returned one cached key instead of a new one per call, and if the decider reused one
 * {@code OptionalInt} per activity instead of {@code OptionalInt.of(number)} per event.
 */
public final class InterningStore implements CaseStore {

  private static final OptionalInt[] ACTIVITY = IntStream.range(0, 128).mapToObj(OptionalInt::of)
      .toArray(OptionalInt[]::new);

  private final CaseStore delegate;
  private final ConcurrentMap<SopKey, SopKey> keys = new ConcurrentHashMap<>();

  /** Interning in front of {@code delegate}. */
  public InterningStore(CaseStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public ImmutableList<RecordedEvent> load(CaseId id) {
    return delegate.load(id);
  }

  @Override
  public long append(CaseId id, long expectedVersion, List<RecordedEvent> events) {
    return delegate.append(id, expectedVersion, events.stream().map(this::intern).toList());
  }

  private RecordedEvent intern(RecordedEvent e) {
    OptionalInt activity = e.activity();
    if (activity.isPresent() && activity.getAsInt() >= 0 && activity.getAsInt() < ACTIVITY.length) {
      activity = ACTIVITY[activity.getAsInt()];
    }
    return new RecordedEvent(e.caseId(), e.sequence(), keys.computeIfAbsent(e.sop(), k -> k), e.commandId(),
        e.actor(), e.at(), activity, e.payload(), e.previousHash(), e.hash());
  }

  @Override
  public long version(CaseId id) {
    return delegate.version(id);
  }

  @Override
  public Stream<CaseId> caseIds() {
    return delegate.caseIds();
  }
}
