package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.time.Backoff;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Failed sends are kept and retried with back-off, a channel's retry-after, or not at all if refused for good. */
class NotificationRetryTest {

  private final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
  private final InMemoryCaseStore store = new InMemoryCaseStore();
  private final InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
  private final Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(),
      store, clock, OutputRules.acceptAll());
  private final CaseId id = CaseId.of("coba-ulang");

  /** A channel that fails as scripted, then sends. */
  static final class ScriptedNotifier implements Notifier {
    final String channel;
    final Predicate<Contact> reach;
    final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
    final List<Notification> sent = new ArrayList<>();
    int calls;

    ScriptedNotifier(String channel, Predicate<Contact> reach) {
      this.channel = channel;
      this.reach = reach;
    }

    ScriptedNotifier failWith(Supplier<RuntimeException> failure) {
      failures.add(failure);
      return this;
    }

    @Override
    public String channel() {
      return channel;
    }

    @Override
    public boolean canReach(Contact contact) {
      return reach.test(contact);
    }

    @Override
    public synchronized void send(Notification notification) {
      calls++;
      if (!failures.isEmpty()) {
        throw failures.poll().get();
      }
      sent.add(notification);
    }
  }

  private static NotificationException temporary() {
    return new NotificationException(Text.of("server tidak menjawab", "the server did not answer"), null);
  }

  private NotificationService service(Notifier... notifiers) {
    NotificationService.Builder b = NotificationService.builder(SopRegistry.withReference(), store,
        NotificationPolicy.defaults(NotifyFixtures.directory())).ledger(ledger);
    for (Notifier n : notifiers) {
      b.notifier(n);
    }
    return b.build();
  }

  /** Proposes the case: one notice (activity 2 available) to Rina, who has an e-mail address only. */
  private void propose() {
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
  }

  private Instant at(long seconds) {
    return clock.instant().plusSeconds(seconds);
  }

  @Test
  void aFailedSendIsRetriedWithExponentialBackOffUntilItGoesThroughOnce() {
    ScriptedNotifier email = new ScriptedNotifier("email", c -> c.email().isPresent())
        .failWith(NotificationRetryTest::temporary).failWith(NotificationRetryTest::temporary)
        .failWith(NotificationRetryTest::temporary);
    NotificationService service = service(email);
    propose();

    TickReport first = service.tick(at(0));
    assertThat(first.sent()).isEmpty();
    assertThat(first.retrying()).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.nextAttemptAt()).isEqualTo(at(60));
      assertThat(d.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("JDIH-NOTIFY-001"));
    });
    assertThat(service.tick(at(59)).idle()).isTrue();
    assertThat(service.tick(at(60)).retrying()).singleElement()
        .satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(at(60 + 120)));
    assertThat(service.tick(at(180)).retrying()).singleElement()
        .satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(at(180 + 240)));
    assertThat(service.tick(at(419)).idle()).isTrue();
    TickReport ok = service.tick(at(420));
    assertThat(ok.sent()).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(d.attempts()).isEqualTo(4);
      assertThat(d.sentAt()).contains(at(420));
    });
    assertThat(service.tick(at(10_000)).idle()).isTrue();
    assertThat(email.sent).hasSize(1);
    assertThat(email.calls).isEqualTo(4);
  }

  @Test
  void theBackOffDoublesUpToItsCap() {
    Backoff p = NotificationService.DEFAULT_BACKOFF;
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 50)).extracting(p::delayAfter).containsExactly(
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
        Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1),
        Duration.ofHours(1));
  }

  @Test
  void aChannelsRetryAfterWinsOverTheBackOff() {
    ScriptedNotifier email = new ScriptedNotifier("email", c -> true).failWith(() ->
        NotificationException.retryAfter(Text.of("terlalu banyak", "too many"), Duration.ofSeconds(34), null));
    NotificationService service = service(email);
    propose();
    assertThat(service.tick(at(0)).retrying()).singleElement().satisfies(d -> {
      assertThat(d.nextAttemptAt()).isEqualTo(at(34));
      assertThat(d.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("JDIH-NOTIFY-002"));
    });
    assertThat(service.tick(at(33)).idle()).isTrue();
    assertThat(service.tick(at(34)).sent()).hasSize(1);
  }

  @Test
  void aPermanentRefusalIsKeptAsFailedAndNotRetried() {
    ScriptedNotifier email = new ScriptedNotifier("email", c -> true).failWith(() ->
        NotificationException.permanent(Text.of("alamat tidak ada", "no such address"), null));
    NotificationService service = service(email);
    propose();
    TickReport r = service.tick(at(0));
    assertThat(r.failed()).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(d.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("JDIH-NOTIFY-003"));
    });
    assertThat(service.sendDue(at(86_400 * 3)).idle()).isTrue();
    assertThat(email.calls).isEqualTo(1);
    assertThat(ledger.deliveries()).singleElement().extracting(Delivery::status).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void aNotifierDefectIsRetriedAndItsMessageIsNotKept() {
    ScriptedNotifier email = new ScriptedNotifier("email", c -> true)
        .failWith(() -> new IllegalStateException("token=SECRET rina.marlina@kpu-mentawai.go.id"));
    NotificationService service = service(email);
    propose();
    assertThat(service.tick(at(0)).retrying()).singleElement()
        .satisfies(d -> assertThat(d.lastError()).contains(IllegalStateException.class.getName()));
    assertThat(service.tick(at(60)).sent()).hasSize(1);
  }

  @Test
  void eachChannelIsRetriedOnItsOwnSoTheOtherDoesNotSendTwice() {
    ScriptedNotifier email = new ScriptedNotifier("email", c -> c.email().isPresent())
        .failWith(NotificationRetryTest::temporary);
    ScriptedNotifier telegram = new ScriptedNotifier("telegram", c -> c.telegramChatId().isPresent());
    NotificationService service = service(email, telegram);
    propose();
    cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    // Activity 3 for Budi (e-mail and Telegram) and Andi (Telegram only).
    TickReport first = service.tick(at(0));
    assertThat(first.sent()).extracting(Delivery::key).containsExactly(
        id + "/available/3/2/to/198502022010012002/via/telegram",
        id + "/available/3/2/to/198607072011011005/via/telegram");
    assertThat(first.retrying()).extracting(Delivery::key)
        .containsExactly(id + "/available/3/2/to/198502022010012002/via/email");
    assertThat(service.tick(at(60)).sent()).extracting(Delivery::key)
        .containsExactly(id + "/available/3/2/to/198502022010012002/via/email");
    assertThat(telegram.sent).hasSize(2);
    assertThat(email.sent).hasSize(1);
  }

  @Test
  void aRecipientNoChannelCanReachIsReported() {
    ScriptedNotifier telegram = new ScriptedNotifier("telegram", c -> c.telegramChatId().isPresent());
    NotificationService service = service(telegram);
    propose(); // Rina has no Telegram chat id
    TickReport r = service.tick(at(0));
    assertThat(r.unreachable()).extracting(NotifyFixtures::line).containsExactly("AVAILABLE 2 Rina Kasubag");
    assertThat(r.recorded()).isZero();
  }

  @Test
  void aDeliveryWhoseSenderDiedIsSentAfterItsLease() {
    propose();
    // A process claims the delivery and dies while sending (an Error escapes its tick).
    Notifier dying = new Notifier() {
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
        throw new OutOfMemoryError("simulated death");
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> service(dying).tick(at(0)))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(ledger.deliveries()).singleElement().extracting(Delivery::status).isEqualTo(DeliveryStatus.SENDING);

    ScriptedNotifier email = new ScriptedNotifier("email", c -> true);
    NotificationService restarted = service(email);
    assertThat(restarted.tick(at(299)).sent()).isEmpty();
    assertThat(restarted.tick(at(300)).sent()).singleElement()
        .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    assertThat(email.sent).hasSize(1);
  }
}
