package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A one-call publisher driven by the outbox: keyed by intent id, known and unknown failures told apart. */
class PublisherClientTest {

  private final MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
  private final List<String> keys = new ArrayList<>();
  private final List<PublishException> failures = new ArrayList<>();

  private final Publisher publisher = new Publisher() {
    @Override
    public Platform platform() {
      return Platform.TELEGRAM;
    }

    @Override
    public PublishedPost publish(PublishRequest request) {
      keys.add(request.idempotencyKey());
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
      return new PublishedPost(Platform.TELEGRAM, "m-" + keys.size(), URI.create("https://t.me/x/" + keys.size()),
          clock.instant());
    }
  };

  @Test
  void publishesThroughTheOutboxWithTheIntentIdAsKey() {
    Cases cases = OutboxFixtures.caseService(clock);
    OutboxDelivery outbox = OutboxDelivery.builder(new InMemoryOutboxStore(), cases)
        .client(PublisherClient.of(publisher, URI.create("https://t.me/x"))).clock(clock)
        .policy(OutboxFixtures.POLICY).build();
    CaseId c = OutboxFixtures.caseAtUpload(cases, CaseId.of("penerbit"), Set.of(Platform.TELEGRAM), 1, "Teks");
    outbox.requestPublication(c, Fixtures.STAF);

    failures.add(new PublishException(Text.of("disk penuh", "disk full"), true, null));
    outbox.deliverDue();
    assertThat(outbox.intents(c).get(0).status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    clock.set(outbox.nextDueAt().orElseThrow());
    outbox.deliverDue();
    assertThat(outbox.intents(c).get(0).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(keys).containsExactly("penerbit.telegram.r1", "penerbit.telegram.r1");
    assertThat(cases.get(c).status()).isEqualTo(CaseStatus.PUBLISHED);

    CaseId d = OutboxFixtures.caseAtUpload(cases, CaseId.of("penerbit-2"), Set.of(Platform.TELEGRAM), 1, "Teks 2");
    outbox.requestPublication(d, Fixtures.STAF);
    failures.add(new PublishException(Text.of("waktu habis", "timed out"), false, null));
    outbox.deliverDue();
    assertThat(outbox.intents(d).get(0).status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
  }
}
