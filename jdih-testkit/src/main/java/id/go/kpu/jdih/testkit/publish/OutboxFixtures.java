package id.go.kpu.jdih.testkit.publish;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.OutboxPolicy;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.publish.PublicationIntent;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentProposal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Cases driven to their upload activity, for outbox tests here and in the adapter modules. */
public final class OutboxFixtures {

  /** The policy outbox tests use: short waits (settle 5 s, back-off from 1 s, lease 120 s), the same rules. */
  public static final OutboxPolicy POLICY = OutboxPolicy.defaults().toBuilder()
      .backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)).maxFailures(6)
      .rateLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(1)).maxRateLimitWaits(20)
      .reconciliation(Duration.ofSeconds(5), Duration.ofSeconds(60), 2, 5)
      .polling(Duration.ofSeconds(5), 5).lease(Duration.ofSeconds(120)).build();

  private OutboxFixtures() {}

  /** A case service over an in-memory store and the reference SOP. */
  public static Cases caseService(Clock clock) {
    return TestCases.of(SopRegistry.withReference(), ReferenceSop.definition().key(), new InMemoryCaseStore(),
        clock, PlatformOutputRules.defaults());
  }

  /** {@code count} distinct 1080 x 1350 JPEGs, accepted by every platform. */
  public static ImmutableList<MediaItem> media(int count, int seed) {
    List<MediaItem> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Fixtures.jpeg(seed * 16 + i + 1));
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * Drives a new case through activities 1 to 6 so that activity 7 (upload) is current.
   *
   * @param service the service
   * @param id the case id
   * @param platforms the target platforms
   * @param mediaCount how many images the design has (at least 1)
   * @param caption the caption, the same for every platform
   * @return the case id
   */
  public static CaseId caseAtUpload(Cases service, CaseId id, Set<Platform> platforms, int mediaCount,
      String caption) {
    service.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), id, Fixtures.KASUBAG, new ContentProposal(
        "Tahukah kamu: " + id.value(), ContentCategory.INFORMASI_HUKUM, "Materi tertulis " + id.value(),
        Optional.empty(), platforms)));
    service.handleTrusted(new CaseCommand.Approve(Fixtures.cmd(), id, Fixtures.KASUBAG, Optional.empty()));
    service.handleTrusted(new CaseCommand.RecordMeeting(Fixtures.cmd(), id, Fixtures.TIM, Fixtures.meeting()));
    service.handleTrusted(new CaseCommand.Summarize(Fixtures.cmd(), id, Fixtures.STAF, "Rangkuman " + id.value()));
    service.handleTrusted(new CaseCommand.AttachDesign(Fixtures.cmd(), id, Fixtures.TIM,
        media(mediaCount, Math.abs(id.hashCode() % 1000))));
    service.handleTrusted(new CaseCommand.WriteCaption(Fixtures.cmd(), id, Fixtures.KASUBAG, Caption.of(caption)));
    return id;
  }

  /** An intent made directly (without a case), e.g. a text-only post for an adapter test. */
  public static PublicationIntent intent(String caseId, Platform platform, String text, int mediaCount,
      Instant at) {
    CaseId c = CaseId.of(caseId);
    return new PublicationIntent(IntentId.of(c, platform, 1), c, platform, 1, text, media(mediaCount, 3),
        Fixtures.STAF, at);
  }
}
