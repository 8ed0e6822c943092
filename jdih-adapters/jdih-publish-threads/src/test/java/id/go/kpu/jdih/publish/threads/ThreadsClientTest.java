package id.go.kpu.jdih.publish.threads;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.emulator.EmulatorRuns;
import id.go.kpu.jdih.testkit.emulator.OutboxRig;
import id.go.kpu.jdih.testkit.emulator.TestMedia;
import id.go.kpu.jdih.testkit.emulator.ThreadsEmulator;
import id.go.kpu.jdih.testkit.publish.NetFault;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Threads adapter through the outbox against the WireMock emulation of the Threads API. */
class ThreadsClientTest {

  private static final MutableClock CLOCK = MutableClock.at("2024-03-04T02:00:00Z");
  private static final ThreadsEmulator THREADS = new ThreadsEmulator(CLOCK,
      (endpoint, clock) -> new ThreadsClient(endpoint, ThreadsEmulator.USER,
          URI.create("https://www.threads.net/@jdih.kpu.mentawai"), p -> ThreadsEmulator.TOKEN, TestMedia.URLS,
          clock));
  private static final String TEXT = "Tahukah kamu? DPTb adalah daftar pemilih tambahan. #JDIH";
  private OutboxRig rig;

  @BeforeEach
  void fresh() {
    CLOCK.set(EmulatorRuns.START);
    THREADS.reset(List.of());
    rig = new OutboxRig(CLOCK, THREADS.client());
  }

  @AfterAll
  static void stop() {
    THREADS.close();
  }

  @Test
  void publishesATextPostWithoutMedia() {
    List<PlatformId.Kind> kinds = new ArrayList<>();
    IdSink sink = (kind, value) -> kinds.add(kind);
    PostResult r = THREADS.client().createPost(new PostAttempt(OutboxFixtures.intent("teks", Platform.THREADS, TEXT,
        0, CLOCK.instant()), com.google.common.collect.ImmutableList.of(), 1), sink);
    assertThat(r).isInstanceOf(PostResult.Published.class);
    assertThat(kinds).containsExactly(PlatformId.Kind.CONTAINER, PlatformId.Kind.POST);
    assertThat(THREADS.posts()).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo(TEXT));
  }

  @Test
  void publishesAnImageAndACarousel() {
    CaseId one = rig.request("th-satu", Platform.THREADS, 1, TEXT + " 1");
    CaseId many = rig.request("th-korsel", Platform.THREADS, 3, TEXT + " 3");
    rig.runUntilQuiet();
    assertThat(rig.intent(one).status()).isEqualTo(IntentStatus.PUBLISHED);
    IntentState s = rig.intent(many);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.CHILD_CONTAINER)).hasSize(3);
    assertThat(s.post().orElseThrow().url().toString()).startsWith("https://www.threads.net/@jdih.kpu.mentawai/post/");
    assertThat(THREADS.posts()).hasSize(2);
    assertThat(rig.caseOf(many).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void aTimeOutAfterThreadsAcceptedThePublishIsFoundNotRepublished() {
    THREADS.then(NetFault.NONE, NetFault.NONE, NetFault.NONE, NetFault.TIMEOUT_AFTER);
    CaseId c = rig.request("th-terima", Platform.THREADS, 1, TEXT);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(THREADS.count("POST", "/threads_publish")).isEqualTo(1);
    assertThat(THREADS.posts()).hasSize(1);
  }

  @Test
  void aResetBeforeThePublishIsCheckedThenPublishedOnce() {
    THREADS.then(NetFault.NONE, NetFault.NONE, NetFault.NONE, NetFault.RESET_BEFORE);
    CaseId c = rig.request("th-putus", Platform.THREADS, 1, TEXT);
    rig.runUntilQuiet();
    IntentState s = rig.intent(c);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.known(PlatformId.Kind.CONTAINER)).hasSize(1);
    assertThat(THREADS.posts()).hasSize(1);
  }

  @Test
  void anExpiredTokenAndAContainerErrorStopAsFailed() {
    THREADS.then(NetFault.AUTH);
    CaseId token = rig.request("th-token", Platform.THREADS, 1, TEXT);
    rig.runUntilQuiet();
    assertThat(rig.intent(token).status()).isEqualTo(IntentStatus.FAILED);
    assertThat(rig.intent(token).problem().orElseThrow().kind()).isEqualTo(FailureKind.AUTH);
    assertThat(rig.lastNote(token)).contains("renew").doesNotContain(ThreadsEmulator.TOKEN.reveal());

    THREADS.reset(List.of(NetFault.NONE, NetFault.CONTAINER_ERROR));
    CaseId bad = rig.request("th-error", Platform.THREADS, 1, TEXT + " error");
    rig.runUntilQuiet();
    assertThat(rig.intent(bad).status()).isEqualTo(IntentStatus.FAILED);
    assertThat(rig.lastNote(bad)).contains("FAILED_DOWNLOADING_IMAGE");
  }

  @Test
  void aUsedUpQuotaAtPublishWaitsThenPublishes() {
    THREADS.then(NetFault.NONE, NetFault.NONE, NetFault.NONE, NetFault.QUOTA);
    CaseId c = rig.request("th-kuota", Platform.THREADS, 1, TEXT);
    rig.outbox.deliverDue();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(rig.intent(c).problem().orElseThrow().kind()).isEqualTo(FailureKind.QUOTA_REACHED);
    rig.runUntilQuiet();
    assertThat(rig.intent(c).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(THREADS.posts()).hasSize(1);
  }

  @Test
  void neverTwiceOverRandomFaultSchedulesAgainstTheEmulator() {
    EmulatorRuns.run("threads", THREADS, CLOCK, 10);
  }
}
