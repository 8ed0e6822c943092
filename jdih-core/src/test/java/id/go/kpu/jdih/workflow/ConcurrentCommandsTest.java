package id.go.kpu.jdih.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/** Several people acting on one case at once: the service lets exactly one command perform each activity. */
class ConcurrentCommandsTest {

  @RepeatedTest(20)
  void racingApprovalsAndRejectionsPerformTheDecisionOnce() throws Exception {
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases service = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store,
        MutableClock.at("2024-03-04T01:00:00Z"), OutputRules.acceptAll());
    CaseId id = CaseId.of("balapan");
    service.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        CaseCommand c = i % 2 == 0
            ? new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty())
            : new CaseCommand.Reject(Fixtures.cmd(), id, Fixtures.KASUBAG, "Perbaiki " + i);
        Callable<String> task = () -> {
          go.await();
          try {
            service.handleTrusted(c);
            return "ok";
          } catch (CaseRuleViolation v) {
            return v.rule().name();
          }
        };
        results.add(pool.submit(task));
      }
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      // One decision wins; a rejection sends the case back to activity 1, where the others are out of order.
      assertThat(outcomes.stream().filter("ok"::equals)).hasSize(1);
      assertThat(outcomes.stream().filter(o -> !o.equals("ok"))).containsOnly("OUT_OF_ORDER");
      assertThat(store.load(id)).hasSize(2);
      assertThat(HashChain.verify(store.load(id))).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
