package id.go.kpu.jdih.testkit.emulator;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.InMemoryOutboxStore;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxDelivery;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** A case service, an outbox and a clock around one adapter, for the adapters' scenario tests. */
public final class OutboxRig {

  /** The clock everything shares; it moves only when a test moves it. */
  public final MutableClock clock;
  /** The case service. */
  public final Cases cases;
  /** The outbox's store. */
  public final InMemoryOutboxStore store = new InMemoryOutboxStore();
  /** The outbox. */
  public final OutboxDelivery outbox;

  /** A rig publishing through {@code client}, on {@code clock}. */
  public OutboxRig(MutableClock clock, PlatformClient client) {
    this.clock = clock;
    this.cases = OutboxFixtures.caseService(clock);
    this.outbox = OutboxDelivery.builder(store, cases).client(client).clock(clock).random(new SplittableRandom(7))
        .policy(OutboxFixtures.POLICY).build();
  }

  /** A case at its upload activity with {@code media} images, and its intents requested. */
  public CaseId request(String id, Platform platform, int media, String caption) {
    CaseId c = OutboxFixtures.caseAtUpload(cases, CaseId.of(id), Set.of(platform), media, caption);
    outbox.requestPublication(c, Fixtures.STAF);
    return c;
  }

  /** Delivers until nothing is due, moving the clock to each next due time. */
  public void runUntilQuiet() {
    for (int i = 0; i < 200; i++) {
      outbox.deliverDue();
      Optional<Instant> next = outbox.nextDueAt();
      if (next.isEmpty()) {
        return;
      }
      if (next.get().isAfter(clock.instant())) {
        clock.set(next.get());
      }
    }
    throw new AssertionError("the outbox never became quiet");
  }

  /** The latest intent of the case (one platform per case in these tests). */
  public IntentState intent(CaseId c) {
    return outbox.intents(c).stream().reduce((a, b) -> b.intent().round() > a.intent().round() ? b : a)
        .orElseThrow();
  }

  /** The case. */
  public ContentCase caseOf(CaseId c) {
    return cases.get(c);
  }

  /** The text of the intent's latest note, in English. */
  public String lastNote(CaseId c) {
    IntentState s = intent(c);
    return s.notes().get(s.notes().size() - 1).text().en();
  }
}
