package id.go.kpu.jdih.publish.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.emulator.EmulatorRuns;
import id.go.kpu.jdih.testkit.emulator.FacebookEmulator;
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

/** The Facebook Page adapter through the outbox against the WireMock emulation of the Graph API. */
class FacebookClientTest {

  private static final MutableClock CLOCK = MutableClock.at("2024-03-04T02:00:00Z");
  private static final FacebookEmulator FB = new FacebookEmulator(CLOCK,
      (endpoint, clock) -> new FacebookClient(endpoint, FacebookEmulator.PAGE, URI.create("https://www.facebook.com/"),
          p -> FacebookEmulator.TOKEN, TestMedia.URLS, clock));
  private static final String CAPTION = "Pengumuman: Keputusan KPU tentang DPT. https://jdih.kpu.go.id/k/1 #JDIH";
  private OutboxRig rig;

  @BeforeEach
  void fresh() {
    CLOCK.set(EmulatorRuns.START);
    FB.reset(List.of());
    rig = new OutboxRig(CLOCK, FB.client());
  }

  @AfterAll
  static void stop() {
    FB.close();
  }

  @Test
  void publishesOnePhotoWithItsCaption() {
    CaseId c = rig.request("fb-satu", Platform.FACEBOOK, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.postId().orElseThrow()).startsWith(FacebookEmulator.PAGE + "_");
    assertThat(s.post().orElseThrow().url().toString()).isEqualTo("https://www.facebook.com/" + s.postId().get());
    assertThat(FB.requests()).containsExactly("POST /" + FacebookEmulator.PAGE + "/photos");
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void publishesSeveralPhotosAsUnpublishedUploadsAttachedToAFeedPost() {
    CaseId c = rig.request("fb-banyak", Platform.FACEBOOK, 3, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.PHOTO)).hasSize(3);
    assertThat(FB.photosOf(s.postId().orElseThrow())).isEqualTo(3);
    assertThat(FB.count("POST", "/feed")).isEqualTo(1);
  }

  @Test
  void aTimeOutAfterTheFeedPostWasAcceptedIsFoundInThePagesPostsAndNotResent() {
    FB.then(NetFault.NONE, NetFault.NONE, NetFault.TIMEOUT_AFTER);
    CaseId c = rig.request("fb-terima", Platform.FACEBOOK, 2, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(FB.count("POST", "/feed")).isEqualTo(1);
    assertThat(FB.posts()).hasSize(1);
    assertThat(s.postId()).contains(FB.posts().get(0).postId());
  }

  @Test
  void aTimeOutBeforeThePhotoWasAcceptedIsResentAfterTwoEmptyLookUpsReusingNothing() {
    FB.then(NetFault.TIMEOUT_BEFORE);
    CaseId c = rig.request("fb-tolak", Platform.FACEBOOK, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(FB.count("GET", "/published_posts")).isGreaterThanOrEqualTo(2);
    assertThat(FB.posts()).hasSize(1);
  }

  @Test
  void aServerErrorOnAnUnpublishedUploadIsRetriedAndTheUploadsAreReused() {
    FB.then(NetFault.NONE, NetFault.SERVER_ERROR);
    CaseId c = rig.request("fb-5xx", Platform.FACEBOOK, 2, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.PHOTO)).hasSize(2);
    assertThat(FB.count("POST", "/photos")).isEqualTo(3);
    assertThat(FB.posts()).hasSize(1);
  }

  @Test
  void aPageRateLimitWaitsForTheTimeGraphGives() {
    FB.then(NetFault.RATE_LIMIT);
    CaseId c = rig.request("fb-laju", Platform.FACEBOOK, 1, CAPTION);
    rig.outbox.deliverDue();
    IntentState s = rig.intent(c);
    assertThat(s.problem().orElseThrow().code()).isEqualTo("GRAPH-32");
    assertThat(s.nextAttemptAt().orElseThrow()).isAfterOrEqualTo(EmulatorRuns.START.plusSeconds(120));
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
  }

  @Test
  void anExpiredPageTokenFailsAndTheEchoedTokenIsScrubbed() {
    FB.then(NetFault.AUTH);
    CaseId c = rig.request("fb-token", Platform.FACEBOOK, 1, CAPTION);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.AUTH);
    assertThat(s.problem().orElseThrow().text().bilingual()).contains("access_token=****")
        .doesNotContain(FacebookEmulator.TOKEN.reveal());
  }

  @Test
  void neverTwiceOverRandomFaultSchedulesAgainstTheEmulator() {
    EmulatorRuns.run("facebook", FB, CLOCK, 10);
  }
}
