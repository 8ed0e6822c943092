package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.testkit.publish.FakePlatform;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.testing.CapturedLog;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A platform's error message with line breaks cannot forge a log line of the outbox. */
class OutboxLogInjectionTest {

  private static final String FORGED = "[main] ERROR id.go.kpu.jdih.Audit - token dicabut";

  @Test
  void aPlatformMessageWithALineBreakStaysOnItsOwnLogLine() {
    MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
    Cases cases = OutboxFixtures.caseService(clock);
    FakePlatform fake = new FakePlatform(Platform.FACEBOOK, clock, Duration.ZERO, 1);
    PlatformClient refusing = new PlatformClient() {
      @Override
      public Platform platform() {
        return Platform.FACEBOOK;
      }

      @Override
      public Reconciliation reconciliation() {
        return fake.reconciliation();
      }

      @Override
      public PostResult createPost(PostAttempt attempt, IdSink ids) {
        throw new PlatformCallException(FailureKind.REJECTED, "GRAPH-100",
            Text.of("ditolak\n" + FORGED, "refused\n" + FORGED + "\r\n"));
      }

      @Override
      public URI postUrl(String postId) {
        return fake.postUrl(postId);
      }
    };
    OutboxDelivery outbox = OutboxDelivery.builder(new InMemoryOutboxStore(), cases).clients(List.of(refusing))
        .clock(clock).random(new SplittableRandom(42)).policy(OutboxTestPolicy.POLICY).build();
    CaseId id = OutboxFixtures.caseAtUpload(cases, CaseId.of("log-injection"), Set.of(Platform.FACEBOOK), 1,
        "Keterangan #JDIH");
    Person evil = Person.of(Fixtures.STAF.nip().value(), "Sari\n" + FORGED, ReferenceSop.STAF);

    List<String> lines = CapturedLog.linesWhile(() -> {
      outbox.requestPublication(id, evil);
      for (int i = 0; i < 20 && outbox.nextDueAt().isPresent(); i++) {
        if (outbox.nextDueAt().get().isAfter(clock.instant())) {
          clock.set(outbox.nextDueAt().get());
        }
        outbox.deliverDue();
      }
    }, OutboxDelivery.class);

    assertThat(lines).anySatisfy(l -> assertThat(l).contains("failed").contains("refused\\n[main] ERROR"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("recorded by Sari\\n[main] ERROR"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith(FORGED));
  }
}
