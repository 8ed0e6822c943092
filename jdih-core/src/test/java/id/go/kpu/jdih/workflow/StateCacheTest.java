package id.go.kpu.jdih.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service's cache of case states never lets it act on a state older than the store: two services over one store
 * (as two JVMs over one database) take turns, and each sees the other's events.
 */
class StateCacheTest {

  private final InMemoryCaseStore store = new InMemoryCaseStore();
  private final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
  private final CaseId id = CaseId.of("bergantian");

  private Cases service(int cacheSize) {
    return TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store, clock,
        OutputRules.acceptAll(), cacheSize);
  }

  @Test
  void twoServicesTakingTurnsOnOneCaseEachSeeTheOthersEvents() {
    Cases a = service(TestCases.DEFAULT_STATE_CACHE_SIZE);
    Cases b = service(TestCases.DEFAULT_STATE_CACHE_SIZE);
    List<CaseCommand> path = Fixtures.happyPath(id, Fixtures.produkHukum(), Instant.parse("2024-03-08T03:00:00Z"));
    ContentCase last = null;
    for (int i = 0; i < path.size(); i++) {
      last = (i % 2 == 0 ? a : b).handleTrusted(path.get(i)).state();
      // The state each service returns is the fold of the whole stored history.
      assertThat(last).isEqualTo(ContentCase.replay(id, ReferenceSop.definition(), store.load(id)));
    }
    assertThat(last.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(a.get(id)).isEqualTo(last);
    assertThat(b.get(id)).isEqualTo(last);
  }

  @Test
  void aStateCachedBeforeAnotherWriterAppendedIsNotUsed() {
    Cases a = service(TestCases.DEFAULT_STATE_CACHE_SIZE);
    Cases b = service(0);
    a.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    // b approves behind a's back; a's cached state (activity 2 open) is now one version old.
    b.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    // Acting on the stale state, a would accept a second decision; on the stored one it is out of order.
    assertThatThrownBy(() -> a.handleTrusted(new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG, "Perbaiki")))
        .isInstanceOfSatisfying(CaseRuleViolation.class,
            v -> assertThat(v.rule()).isEqualTo(CaseRuleViolation.Rule.OUT_OF_ORDER));
    assertThat(a.get(id).version()).isEqualTo(2);
    assertThat(store.load(id)).hasSize(2);
  }

  @Test
  void aRepeatedCommandIsAnsweredWithItsFirstEventsFromACachedState() {
    Cases a = service(TestCases.DEFAULT_STATE_CACHE_SIZE);
    CaseCommand propose = new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum());
    CommandResult first = a.handleTrusted(propose);
    CommandResult again = a.handleTrusted(propose);
    assertThat(again.repeated()).isTrue();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(store.load(id)).hasSize(1);
  }

  @Test
  void aNegativeCacheSizeIsRefused() {
    assertThatThrownBy(() -> service(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateCacheSize");
  }
}
