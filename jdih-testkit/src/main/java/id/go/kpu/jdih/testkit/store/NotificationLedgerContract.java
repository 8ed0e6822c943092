package id.go.kpu.jdih.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.testkit.NotifyFixtures;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NotificationLedger} passes: a key is recorded once; due deliveries are claimed earliest
 * first, then in recording order, each by one caller until its lease ends (also across two instances on one
 * backend); sent and failed deliveries; progress; every field kept exactly; durability across a reopen. An
 * adapter's test extends this class; published in jdih-testkit.
 */
public abstract class NotificationLedgerContract {

  /** A fixed instant the tests record at. */
  protected static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");

  private final List<NotificationLedger> opened = new ArrayList<>();

  /** A new, empty ledger; each call of one test gets a ledger on a new backend. */
  protected abstract NotificationLedger createLedger() throws Exception;

  /**
   * Another instance on the backend of {@code ledger}, as a second process would open it. By default the same
   * instance, for ledgers that live in one JVM's memory.
   */
  protected NotificationLedger reopen(NotificationLedger ledger) throws Exception {
    return ledger;
  }

  /** Releases what the ledger holds; does nothing by default. */
  protected void closeLedger(NotificationLedger ledger) throws Exception {}

  private NotificationLedger ledger() throws Exception {
    NotificationLedger l = createLedger();
    opened.add(l);
    return l;
  }

  private NotificationLedger other(NotificationLedger l) throws Exception {
    NotificationLedger o = reopen(l);
    if (o != l) {
      opened.add(o);
    }
    return o;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (NotificationLedger l : opened) {
      closeLedger(l);
    }
    opened.clear();
  }

  /** The {@code i}-th notice to Budi about case {@code kasus}. */
  protected static Notification notice(int i) {
    return new Notification("kasus/available/3/" + i + "/to/198502022010012002", NotificationKind.AVAILABLE,
        CaseId.of("kasus"), OptionalInt.of(3), NotifyFixtures.BUDI, Text.of("subjek " + i, "subject " + i),
        Text.of("isi", "body"));
  }

  @Test
  void aKeyIsRecordedOnceAndListedInRecordingOrder() throws Exception {
    NotificationLedger ledger = ledger();
    assertThat(ledger.record(Delivery.pending(notice(1), "email", T0))).isTrue();
    assertThat(ledger.record(Delivery.pending(notice(1), "email", T0.plusSeconds(5)))).isFalse();
    assertThat(ledger.record(Delivery.pending(notice(1), "telegram", T0))).isTrue();
    assertThat(ledger.record(Delivery.pending(notice(0), "email", T0))).isTrue();
    assertThat(ledger.deliveries()).extracting(Delivery::key).containsExactly(
        "kasus/available/3/1/to/198502022010012002/via/email",
        "kasus/available/3/1/to/198502022010012002/via/telegram",
        "kasus/available/3/0/to/198502022010012002/via/email");
    assertThat(other(ledger).record(Delivery.pending(notice(1), "email", T0))).as("known to every instance")
        .isFalse();
    assertThat(ledger.find("tidak/ada")).isEmpty();
  }

  @Test
  void everyFieldIsKeptExactly() throws Exception {
    NotificationLedger ledger = ledger();
    Contact full = new Contact(NotifyFixtures.SARI.person(), Optional.of("sari.dewi@kpu-mentawai.go.id"),
        Optional.of("@jdih_mentawai"), Language.EN);
    Notification n = new Notification("k/\u00e9/\ud83d\ude00", NotificationKind.NEEDS_CONFIRMATION,
        CaseId.of("Kasus_9"), OptionalInt.empty(), full, Text.of("Subjek \"x\"", "Subject"),
        Text.of("Isi\nbaris dua", "Body\nline two"));
    Delivery d = Delivery.pending(n, "telegram", T0.plusNanos(5));
    ledger.record(d);
    assertThat(ledger.find(d.key())).contains(d);
    ledger.claimDue(T0.plusSeconds(1), 1, Duration.ofMinutes(1));
    ledger.markFailed(d.key(), T0.plusSeconds(2), "JDIH-NOTIFY-002: ditolak", Optional.of(T0.plusSeconds(60)));
    Delivery after = ledger.find(d.key()).orElseThrow();
    assertThat(after.notification()).isEqualTo(n);
    assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.recordedAt()).isEqualTo(T0.plusNanos(5));
    assertThat(after.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(after.lastError()).contains("JDIH-NOTIFY-002: ditolak");
    assertThat(other(ledger).find(d.key())).contains(after);
  }

  @Test
  void dueDeliveriesAreClaimedEarliestFirstThenInRecordingOrder() throws Exception {
    NotificationLedger ledger = ledger();
    ledger.record(Delivery.pending(notice(1), "email", T0.plusSeconds(10)));
    ledger.record(Delivery.pending(notice(2), "email", T0));
    ledger.record(Delivery.pending(notice(3), "email", T0));
    ledger.record(Delivery.pending(notice(4), "email", T0.plusSeconds(99)));
    List<Delivery> claimed = ledger.claimDue(T0.plusSeconds(10), 10, Duration.ofMinutes(1));
    assertThat(claimed).extracting(d -> d.notification().key().split("/")[3]).containsExactly("2", "3", "1");
    assertThat(claimed).allMatch(d -> d.status() == DeliveryStatus.SENDING && d.attempts() == 1
        && d.nextAttemptAt().equals(T0.plusSeconds(70)));
    assertThat(ledger.claimDue(T0.plusSeconds(10), 10, Duration.ofMinutes(1))).isEmpty();
    assertThat(other(ledger).claimDue(T0.plusSeconds(10), 10, Duration.ofMinutes(1))).as("leased").isEmpty();

    String key = claimed.get(0).key();
    ledger.markFailed(key, T0.plusSeconds(10), "JDIH-NOTIFY-001: x", Optional.of(T0.plusSeconds(20)));
    ledger.markSent(claimed.get(1).key(), T0.plusSeconds(11));
    ledger.markFailed(claimed.get(2).key(), T0.plusSeconds(12), "JDIH-NOTIFY-003: tidak ada", Optional.empty());
    assertThat(ledger.claimDue(T0.plusSeconds(20), 10, Duration.ofMinutes(1))).extracting(Delivery::key)
        .containsExactly(key);
    Delivery sent = ledger.find(claimed.get(1).key()).orElseThrow();
    assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.sentAt()).contains(T0.plusSeconds(11));
    Delivery failed = ledger.find(claimed.get(2).key()).orElseThrow();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.lastError()).contains("JDIH-NOTIFY-003: tidak ada");
    assertThat(ledger.claimDue(T0.plus(Duration.ofDays(9)), 10, Duration.ofMinutes(1))).extracting(Delivery::key)
        .as("sent and failed ones never again; the lease of the retried one ended; the later one is due")
        .containsExactlyInAnyOrder(key, ledger.deliveries().get(3).key());
  }

  @Test
  void aReleasedDeliveryIsPendingAgainUntilItsTimeWithoutCountingTheClaim() throws Exception {
    NotificationLedger ledger = ledger();
    ledger.record(Delivery.pending(notice(1), "email", T0));
    ledger.record(Delivery.pending(notice(2), "email", T0));
    List<Delivery> claimed = ledger.claimDue(T0, 2, Duration.ofMinutes(1));
    ledger.markFailed(claimed.get(1).key(), T0, "JDIH-NOTIFY-001: x", Optional.of(T0.plusSeconds(5)));
    Delivery failedOnce = ledger.claimDue(T0.plusSeconds(5), 1, Duration.ofMinutes(1)).get(0);
    assertThat(failedOnce.attempts()).isEqualTo(2);
    ledger.release(claimed.get(0).key(), T0.plus(Duration.ofHours(9)));
    ledger.release(failedOnce.key(), T0.plus(Duration.ofHours(9)));

    Delivery held = other(ledger).find(claimed.get(0).key()).orElseThrow();
    assertThat(held.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(held.attempts()).isZero();
    assertThat(held.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(9)));
    assertThat(held.lastError()).isEmpty();
    Delivery heldAfterAFailure = ledger.find(failedOnce.key()).orElseThrow();
    assertThat(heldAfterAFailure.attempts()).isEqualTo(1);
    assertThat(heldAfterAFailure.lastError()).contains("JDIH-NOTIFY-001: x");
    assertThat(other(ledger).claimDue(T0.plus(Duration.ofHours(9)).minusSeconds(1), 10, Duration.ofMinutes(1)))
        .as("held until its time").isEmpty();
    assertThat(other(ledger).claimDue(T0.plus(Duration.ofHours(9)), 10, Duration.ofMinutes(1)))
        .extracting(Delivery::key).containsExactly(claimed.get(0).key(), failedOnce.key());
  }

  @Test
  void aDeliveryWhoseLeaseEndedIsClaimedAgainWithOneMoreAttempt() throws Exception {
    NotificationLedger ledger = ledger();
    ledger.record(Delivery.pending(notice(1), "email", T0));
    Delivery first = ledger.claimDue(T0, 1, Duration.ofSeconds(30)).get(0);
    assertThat(ledger.claimDue(T0.plusSeconds(29), 1, Duration.ofSeconds(30))).isEmpty();
    // the sender died: after the lease another instance takes it over
    Delivery again = other(ledger).claimDue(T0.plusSeconds(30), 1, Duration.ofSeconds(30)).get(0);
    assertThat(again.key()).isEqualTo(first.key());
    assertThat(again.attempts()).isEqualTo(2);
    assertThat(again.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void progressIsKeptPerCase() throws Exception {
    NotificationLedger ledger = ledger();
    assertThat(ledger.progress(CaseId.of("a"))).isEmpty();
    ledger.saveProgress(CaseId.of("a"), new CaseProgress(3, T0, false));
    ledger.saveProgress(CaseId.of("b"), new CaseProgress(7, T0.plusSeconds(1), true));
    ledger.saveProgress(CaseId.of("a"), new CaseProgress(4, T0.plusSeconds(2), false));
    assertThat(ledger.progress(CaseId.of("a"))).contains(new CaseProgress(4, T0.plusSeconds(2), false));
    assertThat(other(ledger).progress(CaseId.of("b"))).contains(new CaseProgress(7, T0.plusSeconds(1), true));
  }

  @Test
  void wrongUseIsRefused() throws Exception {
    NotificationLedger ledger = ledger();
    Delivery d = Delivery.pending(notice(1), "email", T0);
    assertThatThrownBy(() -> ledger.record(d.with(DeliveryStatus.SENT, 1, T0, Optional.of(T0), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.claimDue(T0, 0, Duration.ofSeconds(1))).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.markSent("tidak/ada", T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eightWorkersOnTwoInstancesClaimEachDeliveryExactlyOnce() throws Exception {
    NotificationLedger first = ledger();
    NotificationLedger second = other(first);
    int n = deliveriesForTheRace();
    for (int i = 0; i < n; i++) {
      first.record(Delivery.pending(notice(i), "email", T0));
    }
    ConcurrentHashMap<String, Integer> claims = new ConcurrentHashMap<>();
    AtomicInteger total = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      NotificationLedger mine = t % 2 == 0 ? first : second;
      futures.add(pool.submit(() -> {
        start.await();
        while (true) {
          List<Delivery> batch = mine.claimDue(T0, 7, Duration.ofHours(1));
          if (batch.isEmpty()) {
            return null;
          }
          for (Delivery d : batch) {
            claims.merge(d.key(), 1, Integer::sum);
            total.incrementAndGet();
            mine.markSent(d.key(), T0);
          }
        }
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total.get()).isEqualTo(n);
    assertThat(claims).hasSize(n).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    assertThat(first.deliveries()).allMatch(d -> d.status() == DeliveryStatus.SENT);
  }

  /** How many deliveries the race test records; slower ledgers may lower it. */
  protected int deliveriesForTheRace() {
    return 1_000;
  }
}
