package id.go.kpu.jdih.benchmarks.flow;

import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.runtime.InMemoryStorage;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * jdih as an embedder uses it: the cases of a {@link Jdih} runtime over a {@link CaseStore} (its outbox and ledger in
 * memory), with the reference SOP and the default platform output rules, on the low-level path
 * ({@link Cases#handleTrusted}: the persons in the commands are taken as given, as a benchmark's peers do). Each command is decided (roles, order, inputs, Jakarta Validation of the output, platform
 * rules), hashed into the chain and appended with the expected version.
 */
public final class JdihEngine {

  private final SopRegistry registry = SopRegistry.withReference();
  private final OutputRules rules = PlatformOutputRules.defaults();
  private final Clock clock;
  private CaseStore store;
  private Cases service;

  /** An engine over a new {@link InMemoryCaseStore}. */
  public JdihEngine(Clock clock) {
    this.clock = clock;
    use(new InMemoryCaseStore());
  }

  /** Replaces the store (the old one and its cases become garbage). */
  public void use(CaseStore newStore) {
    this.store = newStore;
    this.service = Jdih.builder().definitions(registry).newCasesUnder(ReferenceSop.definition().key())
        .storage(InMemoryStorage.withCases(newStore)).clock(clock).outputRules(rules)
        .actors(principal -> Optional.empty()).build().cases();
  }

  /** The store. */
  public CaseStore store() {
    return store;
  }

  /** The registry. */
  public SopRegistry registry() {
    return registry;
  }

  /**
   * Runs {@code steps} on case {@code id}; command ids are the case id with the step's index.
   *
   * @return the state after the last step
   */
  public ContentCase run(CaseId id, List<Step> steps) {
    ContentCase state = null;
    for (int i = 0; i < steps.size(); i++) {
      state = service.handleTrusted(steps.get(i).command(CommandId.of(id.value() + "." + i), id)).state();
    }
    return state;
  }
}
