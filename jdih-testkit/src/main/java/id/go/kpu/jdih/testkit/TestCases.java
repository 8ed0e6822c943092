package id.go.kpu.jdih.testkit;

import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.runtime.InMemoryStorage;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Clock;
import java.util.Optional;

/**
 * The cases of a runtime over a given case store, for tests that drive commands on the low-level path
 * ({@link Cases#handleTrusted}): the persons and roles in the commands are taken as given, nobody is in the
 * directory, and the outbox and ledger are in memory.
 */
public final class TestCases {

  /** The runtime's default number of kept case states. */
  public static final int DEFAULT_STATE_CACHE_SIZE = 10_000;

  private TestCases() {}

  /** Cases of {@code registry} over {@code store}; new cases run under {@code forNewCases}. */
  public static Cases of(SopRegistry registry, SopKey forNewCases, CaseStore store, Clock clock,
      OutputRules rules) {
    return of(registry, forNewCases, store, clock, rules, DEFAULT_STATE_CACHE_SIZE);
  }

  /** As {@link #of(SopRegistry, SopKey, CaseStore, Clock, OutputRules)}, keeping at most {@code stateCacheSize}. */
  public static Cases of(SopRegistry registry, SopKey forNewCases, CaseStore store, Clock clock, OutputRules rules,
      int stateCacheSize) {
    return Jdih.builder().definitions(registry).newCasesUnder(forNewCases)
        .storage(InMemoryStorage.withCases(store)).clock(clock).outputRules(rules).stateCacheSize(stateCacheSize)
        .actors(principal -> Optional.empty()).build().cases();
  }
}
