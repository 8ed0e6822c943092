package id.go.kpu.jdih.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testing.CapturedLog;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person's name with a line break cannot forge a log line of the notification service. */
class LogInjectionTest {

  private static final String FORGED = "[main] ERROR id.go.kpu.jdih.Audit - semua kasus dihapus";

  @Test
  void aNameWithALineBreakStaysOnItsOwnLogLine() {
    MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
    InMemoryCaseStore store = new InMemoryCaseStore();
    Cases cases = TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), store, clock,
        OutputRules.acceptAll());
    Person evil = Person.of("198001012006041009", "Rina\n" + FORGED + "\r\n\u2028x", ReferenceSop.KASUBAG_HUKUM);
    // Reachable by e-mail only, and the service has only a Telegram channel: the service warns with her name.
    Contact contact = Contact.of(evil).withEmail("rina@kpu-mentawai.go.id");
    NotificationService service = NotificationService.builder(SopRegistry.withReference(), store,
        NotificationPolicy.defaults(PersonDirectory.of(List.of(contact)))).ledger(new InMemoryNotificationLedger())
        .notifier(new RetryStub("telegram")).build();
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), CaseId.of("log-injection"), Fixtures.KASUBAG,
        Fixtures.produkHukum()));

    List<String> lines = CapturedLog.linesWhile(() -> service.tick(clock.instant()));

    assertThat(lines).anySatisfy(l -> assertThat(l).contains("cannot be reached").contains("Rina\\n[main] ERROR"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith(FORGED));
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("["));
  }

  /** A channel that reaches nobody with an e-mail address only. */
  private record RetryStub(String channel) implements Notifier {
    @Override
    public boolean canReach(Contact contact) {
      return contact.telegramChatId().isPresent();
    }

    @Override
    public void send(Notification notification) {
      throw new AssertionError("nobody is reachable");
    }
  }
}
