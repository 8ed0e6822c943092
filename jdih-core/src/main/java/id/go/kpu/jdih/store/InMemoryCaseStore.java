package id.go.kpu.jdih.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * A {@link CaseStore} in memory, for tests and small embedders. Nothing survives the JVM.
 *
 * <p>Thread-safe: each append is one atomic {@link ConcurrentMap#compute} on the case's entry, so appends to
 * one case are serialised and appends to different cases do not block each other.
 */
public final class InMemoryCaseStore implements CaseStore {

  private final ConcurrentMap<CaseId, ImmutableList<RecordedEvent>> cases = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryCaseStore() {}

  @Override
  public ImmutableList<RecordedEvent> load(CaseId id) {
    return cases.getOrDefault(checkNotNull(id, "id"), ImmutableList.of());
  }

  @Override
  public long append(CaseId id, long expectedVersion, List<RecordedEvent> events) {
    checkNotNull(id, "id");
    ImmutableList<RecordedEvent> after = cases.compute(id, (key, current) -> {
      ImmutableList<RecordedEvent> now = current == null ? ImmutableList.of() : current;
      if (now.size() != expectedVersion) {
        throw new VersionConflictException(id, expectedVersion, now.size());
      }
      AppendCheck.check(id, expectedVersion, HashChain.head(now), events);
      return ImmutableList.<RecordedEvent>builderWithExpectedSize(now.size() + events.size())
          .addAll(now).addAll(events).build();
    });
    return after.size();
  }

  @Override
  public long version(CaseId id) {
    return load(id).size();
  }

  @Override
  public Stream<CaseId> caseIds() {
    return cases.keySet().stream().sorted();
  }
}
