package id.go.kpu.jdih.publish.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.emulator.EmulatorRuns;
import id.go.kpu.jdih.testkit.emulator.OutboxRig;
import id.go.kpu.jdih.testkit.emulator.TelegramEmulator;
import id.go.kpu.jdih.testkit.emulator.TestMedia;
import id.go.kpu.jdih.testkit.publish.NetFault;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Telegram adapter through the outbox against the WireMock emulation of the Bot API. */
class TelegramClientTest {

  private static final MutableClock CLOCK = MutableClock.at("2024-03-04T02:00:00Z");
  private static final TelegramEmulator TG = new TelegramEmulator(CLOCK,
      (endpoint, clock) -> new TelegramClient(endpoint, TelegramEmulator.CHANNEL,
          URI.create("https://t.me/jdihkpumentawai"), p -> AccessToken.of(TelegramEmulator.BOT_TOKEN),
          TestMedia.STORE, clock));
  private static final String TEXT = "Informasi hukum: PKPU tentang pemutakhiran data pemilih. #JDIH";
  private OutboxRig rig;

  @BeforeEach
  void fresh() {
    CLOCK.set(EmulatorRuns.START);
    TG.reset(List.of());
    rig = new OutboxRig(CLOCK, TG.client());
  }

  @AfterAll
  static void stop() {
    TG.close();
  }

  @Test
  void sendsAMessageWithoutMedia() {
    PostResult r = TG.client().createPost(new PostAttempt(OutboxFixtures.intent("pesan", Platform.TELEGRAM, TEXT, 0,
        CLOCK.instant()), ImmutableList.of(), 1), (kind, value) -> { });
    assertThat(r).isInstanceOfSatisfying(PostResult.Published.class, p -> assertThat(p.post().url().toString())
        .isEqualTo("https://t.me/jdihkpumentawai/" + p.post().postId()));
    assertThat(TG.requests()).singleElement().satisfies(s -> assertThat(s).endsWith("/sendMessage"));
  }

  @Test
  void sendsOnePhotoWithTheStoredBytesAndTheCaption() {
    CaseId c = rig.request("tg-satu", Platform.TELEGRAM, 1, TEXT);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    TelegramEmulator.Sent sent = TG.sent().get(0);
    assertThat(sent.post().text()).isEqualTo(TEXT);
    assertThat(sent.files().get(0)).isEqualTo(TestMedia.bytes(rig.caseOf(c).design().get(0)));
    assertThat(TG.requests()).singleElement().satisfies(s -> assertThat(s).endsWith("/sendPhoto"));
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void sendsSeveralPhotosAsOneMediaGroupCaptionedOnTheFirst() {
    CaseId c = rig.request("tg-grup", Platform.TELEGRAM, 3, TEXT);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(TG.sent()).singleElement().satisfies(s -> {
      assertThat(s.photos()).isEqualTo(3);
      assertThat(s.post().text()).isEqualTo(TEXT);
    });
    assertThat(rig.intent(c).postId()).contains(TG.sent().get(0).post().postId());
  }

  @Test
  void aFloodLimitWaitsRetryAfterSeconds() {
    TG.then(NetFault.RATE_LIMIT);
    CaseId c = rig.request("tg-429", Platform.TELEGRAM, 1, TEXT);
    rig.outbox.deliverDue();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.problem().orElseThrow().code()).isEqualTo("TELEGRAM-429");
    assertThat(s.nextAttemptAt().orElseThrow()).isBetween(EmulatorRuns.START.plusSeconds(34),
        EmulatorRuns.START.plusSeconds(34).plus(rig.outbox.policy().rateLimitJitter()));
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(TG.posts()).hasSize(1);
  }

  @Test
  void aTimeOutAfterTelegramAcceptedWaitsForAPersonAndIsNeverResentByItself() {
    TG.then(NetFault.TIMEOUT_AFTER);
    CaseId c = rig.request("tg-terima", Platform.TELEGRAM, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
    assertThat(TG.posts()).hasSize(1);
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.OPEN);

    RemotePost seen = TG.posts().get(0);
    rig.outbox.confirmPublished(s.id(), seen.postId(), seen.url(), seen.createdAt(), Fixtures.STAF);
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(rig.caseOf(c).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(TG.posts()).hasSize(1);
  }

  @Test
  void aBadGatewayIsAmbiguousTooAndAPersonWhoSeesNothingGetsItResent() {
    TG.then(NetFault.SERVER_ERROR);
    CaseId c = rig.request("tg-502", Platform.TELEGRAM, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
    assertThat(s.problem().orElseThrow().code()).isEqualTo("TELEGRAM-502");
    assertThat(TG.posts()).isEmpty();
    rig.outbox.confirmNotPublished(s.id(), Fixtures.STAF);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(TG.posts()).hasSize(1);
  }

  @Test
  void aDeadBotTokenFailsAndTheTokenInThePathNeverShows() {
    TG.then(NetFault.AUTH);
    CaseId c = rig.request("tg-token", Platform.TELEGRAM, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.AUTH);
    assertThat(s.problem().orElseThrow().text().id()).contains("@BotFather");
    assertThat(s.toString()).doesNotContain(TelegramEmulator.BOT_TOKEN).doesNotContain("AAEmulatedBotSecret");
  }

  @Test
  void aResetBeforeTheSendStillNeedsConfirmationBecauseTheClientCannotKnow() {
    TG.then(NetFault.RESET_BEFORE);
    CaseId c = rig.request("tg-reset", Platform.TELEGRAM, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
    assertThat(s.toString()).doesNotContain(TelegramEmulator.BOT_TOKEN);
  }

  @Test
  void neverTwiceOverRandomFaultSchedulesAgainstTheEmulator() {
    EmulatorRuns.run("telegram", TG, CLOCK, 10);
  }
}
