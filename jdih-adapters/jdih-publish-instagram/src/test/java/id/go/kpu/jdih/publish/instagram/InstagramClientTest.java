package id.go.kpu.jdih.publish.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.emulator.EmulatorRuns;
import id.go.kpu.jdih.testkit.emulator.InstagramEmulator;
import id.go.kpu.jdih.testkit.emulator.OutboxRig;
import id.go.kpu.jdih.testkit.emulator.TestMedia;
import id.go.kpu.jdih.testkit.publish.NetFault;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Instagram adapter through the outbox against the WireMock emulation of the Graph API. */
class InstagramClientTest {

  private static final MutableClock CLOCK = MutableClock.at("2024-03-04T02:00:00Z");
  private static final InstagramEmulator IG = new InstagramEmulator(CLOCK,
      (endpoint, clock) -> new InstagramClient(endpoint, InstagramEmulator.IG,
          URI.create("https://www.instagram.com/jdih.kpu.mentawai/"), p -> InstagramEmulator.TOKEN, TestMedia.URLS,
          clock));
  private OutboxRig rig;

  @BeforeEach
  void fresh() {
    CLOCK.set(EmulatorRuns.START);
    IG.reset(List.of());
    rig = new OutboxRig(CLOCK, IG.client());
  }

  @AfterAll
  static void stop() {
    IG.close();
  }

  private static final String CAPTION = "Kenali Keputusan KPU 10/HK.04/08/2022 #JDIH #KPU";

  @Test
  void publishesASingleImageThroughAContainerAndRecordsThePermalink() {
    CaseId c = rig.request("ig-satu", Platform.INSTAGRAM, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(IG.requests()).containsSubsequence("GET /" + InstagramEmulator.IG + "/content_publishing_limit",
        "POST /" + InstagramEmulator.IG + "/media", "GET /" + s.known(PlatformId.Kind.CONTAINER).get(0),
        "POST /" + InstagramEmulator.IG + "/media_publish", "GET /" + s.postId().orElseThrow());
    assertThat(s.post().orElseThrow().url().toString()).startsWith("https://www.instagram.com/p/EMU");
    assertThat(IG.posts()).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo(CAPTION));
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void publishesACarouselOfChildContainers() {
    CaseId c = rig.request("ig-korsel", Platform.INSTAGRAM, 3, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.CHILD_CONTAINER)).hasSize(3);
    assertThat(s.known(PlatformId.Kind.CONTAINER)).hasSize(1);
    assertThat(IG.count("POST", "/media")).isEqualTo(4);
    assertThat(IG.posts()).hasSize(1);
  }

  @Test
  void aServerErrorWhileMakingTheContainerIsRetriedAndPublishesOnce() {
    IG.then(NetFault.NONE, NetFault.SERVER_ERROR);
    CaseId c = rig.request("ig-5xx", Platform.INSTAGRAM, 1, CAPTION);
    rig.outbox.deliverDue();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.NOT_SENT);
    assertThat(s.problem().orElseThrow().code()).isEqualTo("GRAPH-2");
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(IG.posts()).hasSize(1);
  }

  @Test
  void aRateLimitWaitsForTheTimeGraphGives() {
    IG.then(NetFault.RATE_LIMIT);
    CaseId c = rig.request("ig-laju", Platform.INSTAGRAM, 1, CAPTION);
    rig.outbox.deliverDue();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(s.nextAttemptAt().orElseThrow()).isAfterOrEqualTo(EmulatorRuns.START.plusSeconds(60));
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
  }

  @Test
  void aTimeOutBeforeInstagramAcceptedThePublishRepublishesTheSameContainer() {
    IG.then(NetFault.NONE, NetFault.NONE, NetFault.NONE, NetFault.TIMEOUT_BEFORE);
    CaseId c = rig.request("ig-tolak", Platform.INSTAGRAM, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.CONTAINER)).hasSize(1);
    assertThat(IG.count("POST", "/media_publish")).as("%s", IG.requests()).isGreaterThanOrEqualTo(2);
    assertThat(IG.posts()).hasSize(1);
  }

  @Test
  void aTimeOutAfterInstagramAcceptedThePublishIsFoundNotRepublished() {
    IG.then(NetFault.NONE, NetFault.NONE, NetFault.NONE, NetFault.TIMEOUT_AFTER);
    CaseId c = rig.request("ig-terima", Platform.INSTAGRAM, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(IG.count("POST", "/media_publish")).isEqualTo(1);
    assertThat(IG.posts()).hasSize(1);
    assertThat(s.postId()).contains(IG.posts().get(0).postId());
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void anExpiredTokenFailsWithAnActionableMessageThatDoesNotLeakTheToken() {
    IG.then(NetFault.AUTH);
    CaseId c = rig.request("ig-token", Platform.INSTAGRAM, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.AUTH);
    assertThat(s.problem().orElseThrow().code()).isEqualTo("GRAPH-190-463");
    assertThat(s.problem().orElseThrow().text().id()).contains("kedaluwarsa").contains("perbarui token");
    assertThat(s.toString()).doesNotContain(InstagramEmulator.TOKEN.reveal());
    assertThat(rig.caseOf(c).pendingPlatforms()).containsExactly(Platform.INSTAGRAM);
  }

  @Test
  void aContainerInErrorFailsAndAnExpiredOneIsReplaced() {
    IG.then(NetFault.NONE, NetFault.CONTAINER_ERROR);
    CaseId bad = rig.request("ig-error", Platform.INSTAGRAM, 1, CAPTION);
    rig.runUntilQuiet();
    assertThat(rig.intent(bad).status()).isEqualTo(IntentStatus.FAILED);
    assertThat(rig.lastNote(bad)).contains("could not prepare container").contains("image could not be downloaded");

    IG.reset(List.of(NetFault.NONE, NetFault.CONTAINER_EXPIRED));
    CaseId old = rig.request("ig-lama", Platform.INSTAGRAM, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(old);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.CONTAINER)).hasSize(2);
    assertThat(IG.posts()).hasSize(1);
  }

  @Test
  void aUsedUpPublishingQuotaWaitsBeforeMakingAnything() {
    IG.quotaTotal(0);
    CaseId c = rig.request("ig-kuota", Platform.INSTAGRAM, 1, CAPTION);
    rig.outbox.deliverDue();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.QUOTA_REACHED);
    assertThat(s.nextAttemptAt().orElseThrow()).isAfterOrEqualTo(EmulatorRuns.START.plus(
        rig.outbox.policy().quotaWait()));
    assertThat(IG.count("POST", "/media")).isZero();

    IG.quotaTotal(100);
    IG.then(NetFault.NONE, NetFault.NONE, NetFault.NONE, NetFault.QUOTA);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(rig.intent(c).notes()).anyMatch(n -> n.text().en().contains("GRAPH-9-2207042"));
    assertThat(IG.posts()).hasSize(1);
  }

  @Test
  void neverTwiceOverRandomFaultSchedulesAgainstTheEmulator() {
    EmulatorRuns.run("instagram", IG, CLOCK, 12);
  }
}
