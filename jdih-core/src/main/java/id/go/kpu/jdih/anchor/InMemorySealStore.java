package id.go.kpu.jdih.anchor;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SealStore} in memory, for tests and the in-memory runtime. Thread-safe; nothing survives the JVM. */
public final class InMemorySealStore implements SealStore {

  private final ConcurrentMap<CaseId, Set<HeadSeal>> seals = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemorySealStore() {}

  @Override
  public void put(HeadSeal seal, long dropBelow) {
    checkNotNull(seal, "seal");
    Set<HeadSeal> of = seals.computeIfAbsent(seal.caseId(), k -> ConcurrentHashMap.newKeySet());
    of.add(seal);
    of.removeIf(s -> s.sequence() < dropBelow);
  }

  @Override
  public ImmutableList<HeadSeal> find(CaseId caseId, long sequence) {
    checkNotNull(caseId, "caseId");
    return seals.getOrDefault(caseId, Set.of()).stream().filter(s -> s.sequence() == sequence)
        .collect(ImmutableList.toImmutableList());
  }

  /** Removes every seal of {@code caseId}, as an insider with access to the store could (for tests). */
  public void deleteAll(CaseId caseId) {
    seals.remove(caseId);
  }
}
