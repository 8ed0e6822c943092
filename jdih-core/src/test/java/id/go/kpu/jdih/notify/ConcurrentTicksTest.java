package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Four services (as if four processes) ticking together over one ledger send each delivery once. */
class ConcurrentTicksTest {

  @Test
  void servicesSharingALedgerNeverSendADeliveryTwice() throws Exception {
    MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store, clock,
        OutputRules.acceptAll());
    for (int i = 0; i < 60; i++) {
      CaseId id = CaseId.of("kasus-" + i);
      cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
      cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    }
    InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    ConcurrentHashMap<String, Integer> sends = new ConcurrentHashMap<>();
    List<NotificationService> services = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      services.add(NotificationService.builder(SopRegistry.withReference(), store,
          NotificationPolicy.defaults(NotifyFixtures.directory())).ledger(ledger).batchSize(3)
          .notifier(counting(sends)).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    Instant now = clock.instant().plusSeconds(60);
    for (NotificationService s : services) {
      futures.add(pool.submit(() -> {
        go.await();
        for (int k = 0; k < 5; k++) {
          s.tick(now.plusSeconds(k));
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    // Activity 3 of 60 cases, to Budi and Andi: 120 deliveries, each sent once.
    assertThat(ledger.deliveries()).hasSize(120).allMatch(d -> d.status() == DeliveryStatus.SENT);
    assertThat(sends).hasSize(120).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
  }

  private static Notifier counting(ConcurrentHashMap<String, Integer> sends) {
    return new Notifier() {
      @Override
      public String channel() {
        return "email";
      }

      @Override
      public boolean canReach(Contact contact) {
        return true;
      }

      @Override
      public void send(Notification notification) {
        sends.merge(notification.key(), 1, Integer::sum);
      }
    };
  }
}
