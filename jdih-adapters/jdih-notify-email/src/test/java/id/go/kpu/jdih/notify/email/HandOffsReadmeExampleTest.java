package id.go.kpu.jdih.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import id.go.kpu.jdih.notify.InMemoryNotificationLedger;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.notify.NotificationPolicy;
import id.go.kpu.jdih.notify.NotificationService;
import id.go.kpu.jdih.notify.PersonDirectory;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's "Hand-offs and reminders" example, kept here verbatim between the markers so that it runs. */
class HandOffsReadmeExampleTest {

  private static final Logger LOG = LoggerFactory.getLogger(HandOffsReadmeExampleTest.class);

  @Test
  void theEmbeddersSchedulerTicksAndTheHandOffArrives() throws Exception {
    int port = EmailTesting.freePort();
    GreenMail greenMail = EmailTesting.greenMail(port);
    try {
      Clock clock = Clock.systemUTC();
      SopRegistry registry = SopRegistry.withReference();
      CaseStore store = new InMemoryCaseStore();
      PersonDirectory directory = NotifyFixtures.directory();
      NotificationLedger ledger = new InMemoryNotificationLedger();
      SmtpSettings smtp = EmailTesting.settings(port).build();
      TestCases.of(registry, ReferenceSop.definition().key(), store, clock, OutputRules.acceptAll())
          .handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), CaseId.of("readme"), Fixtures.KASUBAG,
              Fixtures.produkHukum()));

      // README:handoffs:start
      NotificationService notifications = NotificationService.builder(registry, store,
              NotificationPolicy.defaults(directory))      // Kasubag Hukum escalated; due soon 2 working hours
          .ledger(ledger).notifier(new EmailNotifier(smtp)).build(); // ledger: yours, database-backed
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          notifications.tick(clock.instant());             // derive, record, send what is due, retry failures
        } catch (RuntimeException e) {
          LOG.error("notification tick failed; the next one retries", e); // keep the schedule alive
        }
      }, 0, 1, TimeUnit.MINUTES);
      // README:handoffs:end

      try {
        assertThat(greenMail.waitForIncomingEmail(20_000, 1)).isTrue();
      } finally {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(greenMail.getReceivedMessages()).hasSize(1);
      assertThat(greenMail.getReceivedMessages()[0].getSubject())
          .isEqualTo("[JDIH] Tugas baru: kegiatan 2 kasus readme");
    } finally {
      greenMail.stop();
    }
  }

  @Test
  void readmeShowsTheExampleUnchanged() throws Exception {
    Path self = Path.of("src/test/java/id/go/kpu/jdih/notify/email/HandOffsReadmeExampleTest.java");
    String source = Files.readString(self);
    String block = source.substring(source.indexOf("// README:handoffs:start") + 25,
        source.indexOf("      // README:handoffs:end"));
    String snippet = block.lines().map(l -> l.startsWith("      ") ? l.substring(6) : l)
        .collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("../../README.md"));
    assertThat(readme).contains(snippet);
  }
}
