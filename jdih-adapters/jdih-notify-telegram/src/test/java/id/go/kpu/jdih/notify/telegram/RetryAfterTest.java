package id.go.kpu.jdih.notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.InMemoryNotificationLedger;
import id.go.kpu.jdih.notify.NotificationPolicy;
import id.go.kpu.jdih.notify.NotificationService;
import id.go.kpu.jdih.notify.TickReport;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telegram's "Too Many Requests: retry after 34": the next attempt is scheduled 34 seconds later, not sooner. */
class RetryAfterTest {

  static final String TOO_MANY = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
      + "34\",\"parameters\":{\"retry_after\":34}}";

  @Test
  void tooManyRequestsIsRetriedAfterTheSecondsTelegramAsksFor() throws Exception {
    try (BotApiEmulator api = new BotApiEmulator(TelegramNotifierTest.TOKEN)) {
      api.then(429, TOO_MANY);
      MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
      InMemoryCaseStore store = new InMemoryCaseStore();
      Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store,
          clock, OutputRules.acceptAll());
      InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
      NotificationService notifications = NotificationService.builder(SopRegistry.withReference(), store,
          NotificationPolicy.defaults(NotifyFixtures.directory())).ledger(ledger)
          .notifier(new TelegramNotifier(new TelegramSettings(api.base(), BotToken.of(TelegramNotifierTest.TOKEN),
              Duration.ofSeconds(5)))).build();
      CaseId id = CaseId.of("telegram-429");
      cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, Fixtures.produkHukum()));
      cases.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
      Instant t0 = clock.instant();

      // Activity 3 for Budi and Andi (both on Telegram): the first request is answered 429, the second goes.
      TickReport first = notifications.tick(t0);
      assertThat(first.sent()).extracting(d -> d.notification().recipient().name()).containsExactly("Andi Tim");
      assertThat(first.retrying()).singleElement().satisfies(d -> {
        assertThat(d.notification().recipient().name()).isEqualTo("Budi Tim");
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.nextAttemptAt()).isEqualTo(t0.plusSeconds(34));
        assertThat(d.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("JDIH-NOTIFY-002")
            .contains("429 Too Many Requests: retry after 34"));
      });
      assertThat(api.requests).hasSize(2);

      assertThat(notifications.tick(t0.plusSeconds(33)).idle()).isTrue();
      assertThat(api.requests).hasSize(2); // nothing was tried before Telegram's 34 seconds
      TickReport later = notifications.tick(t0.plusSeconds(34));
      assertThat(later.sent()).singleElement().satisfies(d -> {
        assertThat(d.notification().recipient().name()).isEqualTo("Budi Tim");
        assertThat(d.attempts()).isEqualTo(2);
      });
      assertThat(notifications.tick(t0.plus(Duration.ofMinutes(10))).sent()).isEmpty();
      assertThat(api.requests).hasSize(3);
      assertThat(api.delivered).extracting(r -> r.body().path("chat_id").asLong())
          .containsExactly(987654321L, 123456789L);
      assertThat(ledger.deliveries()).extracting(Delivery::status)
          .containsExactly(DeliveryStatus.SENT, DeliveryStatus.SENT);
    }
  }
}
