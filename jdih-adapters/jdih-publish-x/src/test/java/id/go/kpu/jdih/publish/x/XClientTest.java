package id.go.kpu.jdih.publish.x;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.emulator.EmulatorRuns;
import id.go.kpu.jdih.testkit.emulator.OutboxRig;
import id.go.kpu.jdih.testkit.emulator.TestMedia;
import id.go.kpu.jdih.testkit.emulator.XEmulator;
import id.go.kpu.jdih.testkit.publish.NetFault;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X adapter through the outbox against the WireMock emulation of API v2. */
class XClientTest {

  private static final MutableClock CLOCK = MutableClock.at("2024-03-04T02:00:00Z");
  private static final XEmulator X = new XEmulator(CLOCK,
      (endpoint, clock) -> new XClient(endpoint, XEmulator.USER_ID, "JDIHKPUMentawai", p -> XEmulator.TOKEN,
          TestMedia.STORE, clock));
  private static final String TEXT = "Kenali istilah DPK: https://jdih.kpu.go.id/istilah/dpk #JDIH #Pemilu";
  private OutboxRig rig;

  @BeforeEach
  void fresh() {
    CLOCK.set(EmulatorRuns.START);
    X.reset(List.of());
    rig = new OutboxRig(CLOCK, X.client());
  }

  @AfterAll
  static void stop() {
    X.close();
  }

  @Test
  void uploadsTheBytesFromTheMediaStoreThenPosts() {
    CaseId c = rig.request("x-dua", Platform.X, 2, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.MEDIA_UPLOAD)).hasSize(2)
        .allSatisfy(id -> assertThat(XEmulator.isTestJpeg(X.upload(id))).isTrue());
    assertThat(X.requests()).containsExactly("POST /2/media/upload", "POST /2/media/upload", "POST /2/tweets");
    assertThat(s.post().orElseThrow().url().toString()).isEqualTo("https://x.com/JDIHKPUMentawai/status/"
        + s.postId().orElseThrow());
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void a429WaitsUntilTheRateLimitResetHeader() {
    X.then(NetFault.NONE, NetFault.RATE_LIMIT);
    CaseId c = rig.request("x-429", Platform.X, 1, TEXT);
    rig.outbox.deliverDue();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.problem().orElseThrow().code()).isEqualTo("X-429");
    assertThat(s.nextAttemptAt().orElseThrow()).isBetween(EmulatorRuns.START.plusSeconds(90),
        EmulatorRuns.START.plusSeconds(90).plus(rig.outbox.policy().rateLimitJitter()));
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(rig.intent(c).known(PlatformId.Kind.MEDIA_UPLOAD)).as("the upload is reused").hasSize(1);
    assertThat(X.posts()).hasSize(1);
  }

  @Test
  void a5xxOnThePostIsCheckedBeforeAnyResend() {
    X.then(NetFault.NONE, NetFault.SERVER_ERROR);
    CaseId c = rig.request("x-503", Platform.X, 1, TEXT);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(X.count("GET", "/tweets")).isGreaterThanOrEqualTo(2);
    assertThat(X.posts()).hasSize(1);
  }

  @Test
  void aTimeOutAfterXAcceptedThePostIsFoundDespiteTcoLinks() {
    X.then(NetFault.NONE, NetFault.TIMEOUT_AFTER);
    CaseId c = rig.request("x-terima", Platform.X, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(X.count("POST", "/2/tweets")).isEqualTo(1);
    assertThat(X.posts()).singleElement().satisfies(p -> assertThat(p.text()).contains("https://t.co/")
        .doesNotContain("jdih.kpu.go.id"));
    assertThat(s.postId()).contains(X.posts().get(0).postId());
  }

  @Test
  void aTimeOutBeforeXAcceptedThePostIsResentOnce() {
    X.then(NetFault.NONE, NetFault.TIMEOUT_BEFORE);
    CaseId c = rig.request("x-tolak", Platform.X, 1, TEXT);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(X.count("POST", "/2/tweets")).isEqualTo(2);
    assertThat(X.posts()).hasSize(1);
  }

  @Test
  void aDuplicateRefusalLooksForTheExistingPostInsteadOfFailingOrResending() {
    X.postByHand(TEXT); // a person posted the same text in X's app a moment before the outbox sends
    CaseId c = rig.request("x-kembar", Platform.X, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.notes()).anyMatch(n -> n.text().en().contains("duplicate"));
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.postId()).contains(X.posts().get(0).postId());
    assertThat(X.posts()).hasSize(1);
  }

  @Test
  void aDuplicateRefusalWithoutARecentMatchingPostWaitsForAPerson() {
    X.postByHand(TEXT);
    CLOCK.advance(java.time.Duration.ofHours(3)); // the hand-made post is older than the look-up window
    CaseId c = rig.request("x-kembar-lama", Platform.X, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.DUPLICATE);
    assertThat(rig.lastNote(c)).contains("reports the content as a duplicate");
    assertThat(X.count("POST", "/2/tweets")).isEqualTo(1);
  }

  @Test
  void anExpiredTokenFailsWithAnActionableMessage() {
    X.then(NetFault.AUTH);
    CaseId c = rig.request("x-token", Platform.X, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.AUTH);
    assertThat(s.problem().orElseThrow().text().id()).contains("perbarui token");
    assertThat(s.problem().orElseThrow().text().bilingual()).doesNotContain(XEmulator.TOKEN.reveal());
    assertThat(X.posts()).isEmpty();
  }

  @Test
  void neverTwiceOverRandomFaultSchedulesAgainstTheEmulator() {
    EmulatorRuns.run("x", X, CLOCK, 10);
  }
}
