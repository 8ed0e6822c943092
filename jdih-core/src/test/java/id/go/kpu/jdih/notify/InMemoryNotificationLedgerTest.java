package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.testing.NotifyFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryNotificationLedgerTest {

  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");

  private static Notification notice(int i) {
    return new Notification("kasus/available/3/" + i + "/to/198502022010012002", NotificationKind.AVAILABLE,
        CaseId.of("kasus"), OptionalInt.of(3), NotifyFixtures.BUDI, Text.of("s", "s"), Text.of("b", "b"));
  }

  @Test
  void aKeyIsRecordedOnce() {
    InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    assertThat(ledger.record(Delivery.pending(notice(1), "email", T0))).isTrue();
    assertThat(ledger.record(Delivery.pending(notice(1), "email", T0.plusSeconds(5)))).isFalse();
    assertThat(ledger.record(Delivery.pending(notice(1), "telegram", T0))).isTrue();
    assertThat(ledger.deliveries()).extracting(Delivery::key).containsExactly(
        "kasus/available/3/1/to/198502022010012002/via/email",
        "kasus/available/3/1/to/198502022010012002/via/telegram");
  }

  @Test
  void dueDeliveriesAreClaimedEarliestFirstThenInRecordingOrder() {
    InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    ledger.record(Delivery.pending(notice(1), "email", T0.plusSeconds(10)));
    ledger.record(Delivery.pending(notice(2), "email", T0));
    ledger.record(Delivery.pending(notice(3), "email", T0));
    ledger.record(Delivery.pending(notice(4), "email", T0.plusSeconds(99)));
    List<Delivery> claimed = ledger.claimDue(T0.plusSeconds(10), 10, Duration.ofMinutes(1));
    assertThat(claimed).extracting(d -> d.notification().key().split("/")[3]).containsExactly("2", "3", "1");
    assertThat(claimed).allMatch(d -> d.status() == DeliveryStatus.SENDING && d.attempts() == 1);
    assertThat(ledger.claimDue(T0.plusSeconds(10), 10, Duration.ofMinutes(1))).isEmpty();

    String key = claimed.get(0).key();
    ledger.markFailed(key, T0.plusSeconds(10), "JDIH-NOTIFY-001: x", Optional.of(T0.plusSeconds(20)));
    ledger.markSent(claimed.get(1).key(), T0.plusSeconds(11));
    assertThat(ledger.claimDue(T0.plusSeconds(20), 10, Duration.ofMinutes(1))).extracting(Delivery::key)
        .containsExactly(key);
    assertThat(ledger.find(claimed.get(1).key()).orElseThrow().sentAt()).contains(T0.plusSeconds(11));
  }

  @Test
  void eightThreadsClaimingTogetherGetEachDeliveryExactlyOnce() throws Exception {
    InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    int n = 4_000;
    for (int i = 0; i < n; i++) {
      ledger.record(Delivery.pending(notice(i), "email", T0));
    }
    ConcurrentHashMap<String, Integer> claims = new ConcurrentHashMap<>();
    AtomicInteger total = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        while (true) {
          List<Delivery> batch = ledger.claimDue(T0, 7, Duration.ofHours(1));
          if (batch.isEmpty()) {
            return null;
          }
          for (Delivery d : batch) {
            claims.merge(d.key(), 1, Integer::sum);
            total.incrementAndGet();
            ledger.markSent(d.key(), T0);
          }
        }
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total.get()).isEqualTo(n);
    assertThat(claims).hasSize(n).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    assertThat(ledger.deliveries()).allMatch(d -> d.status() == DeliveryStatus.SENT);
  }
}
