package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.publish.FakePlatform;
import id.go.kpu.jdih.testkit.publish.NetFault;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The outbox's behaviour case by case, against the in-process platform fakes with scripted faults. */
class OutboxDeliveryTest {

  private static final String CAPTION = "Kenali istilah DPT, DPTb dan DPK. #JDIH #KPU https://jdih.kpu.go.id/a";

  private final MutableClock clock = MutableClock.at("2024-03-04T02:00:00Z");
  private final Cases cases = OutboxFixtures.caseService(clock);
  private final InMemoryOutboxStore store = new InMemoryOutboxStore();
  private final Map<Platform, FakePlatform> fakes = new EnumMap<>(Platform.class);
  private final List<PublicationNeedsConfirmation> told = new ArrayList<>();
  private final OutboxDelivery outbox;

  OutboxDeliveryTest() {
    for (Platform p : Platform.values()) {
      fakes.put(p, new FakePlatform(p, clock, Duration.ZERO, p.ordinal()));
    }
    outbox = OutboxDelivery.builder(store, cases).clients(fakes.values()).clock(clock)
        .random(new SplittableRandom(42)).policy(OutboxTestPolicy.POLICY).confirmationHook(told::add).build();
  }

  private CaseId caseFor(String id, int media, Platform... platforms) {
    return OutboxFixtures.caseAtUpload(cases, CaseId.of(id), Set.of(platforms), media, CAPTION + " " + id);
  }

  private void faults(Platform p, NetFault... schedule) {
    fakes.get(p).reset(List.of(schedule));
  }

  private IntentState only(CaseId c, Platform p) {
    return outbox.intents(c).stream().filter(s -> s.intent().platform() == p)
        .reduce((a, b) -> b.intent().round() > a.intent().round() ? b : a).orElseThrow();
  }

  /** Runs the outbox until nothing is due, moving the clock to each next due time. */
  private void runUntilQuiet() {
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

  private long posts(Platform p) {
    return fakes.get(p).posts().size();
  }

  @Test
  void publishesEveryTargetPlatformStoresEveryIdAndCompletesTheCase() {
    CaseId c = caseFor("semua", 2, Platform.values());
    ImmutableList<IntentState> intents = outbox.requestPublication(c, Fixtures.STAF);
    assertThat(intents).extracting(IntentState::status).containsOnly(IntentStatus.PENDING);
    assertThat(intents).extracting(s -> s.id().value()).containsExactly("semua.instagram.r1", "semua.facebook.r1",
        "semua.threads.r1", "semua.x.r1", "semua.telegram.r1");
    assertThat(cases.get(c).status()).isEqualTo(CaseStatus.OPEN);

    outbox.deliverDue();

    for (Platform p : Platform.values()) {
      IntentState s = only(c, p);
      assertThat(s.status()).as("%s", p).isEqualTo(IntentStatus.PUBLISHED);
      assertThat(s.caseRecorded()).isTrue();
      assertThat(posts(p)).isEqualTo(1);
      assertThat(cases.get(c).posts().get(p).postId()).isEqualTo(s.post().orElseThrow().postId());
    }
    assertThat(only(c, Platform.INSTAGRAM).ids()).extracting(PlatformId::kind).containsExactly(
        PlatformId.Kind.CHILD_CONTAINER, PlatformId.Kind.CHILD_CONTAINER, PlatformId.Kind.CONTAINER,
        PlatformId.Kind.POST);
    assertThat(only(c, Platform.X).ids()).extracting(PlatformId::kind).containsExactly(
        PlatformId.Kind.MEDIA_UPLOAD, PlatformId.Kind.MEDIA_UPLOAD, PlatformId.Kind.POST);
    ContentCase done = cases.get(c);
    assertThat(done.status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(done.pendingPlatforms()).isEmpty();
    assertThat(outbox.nextDueAt()).isEmpty();
  }

  @Test
  void requestingAgainKeepsTheSameIntents() {
    CaseId c = caseFor("ulang", 1, Platform.X, Platform.TELEGRAM);
    ImmutableList<IntentState> first = outbox.requestPublication(c, Fixtures.STAF);
    ImmutableList<IntentState> again = outbox.requestPublication(c, Fixtures.STAF);
    assertThat(again).isEqualTo(first);
    assertThat(outbox.intents(c)).hasSize(2);
  }

  @Test
  void refusesACaseNotAtUploadAPersonWithoutTheRoleAndAPlatformWithoutClient() {
    CaseId early = CaseId.of("awal");
    cases.handleTrusted(new CaseCommand.Propose(Fixtures.cmd(), early, Fixtures.KASUBAG,
        Fixtures.informasiHukum(Platform.X)));
    OutboxException notAtUpload = catchThrowableOfType(OutboxException.class,
        () -> outbox.requestPublication(early, Fixtures.STAF));
    assertThat(notAtUpload.code()).isEqualTo("JDIH-OUTBOX-001");
    assertThat(notAtUpload.getMessage()).contains("awal").contains("upload activity");

    CaseId c = caseFor("peran", 1, Platform.X);
    OutboxException wrongRole = catchThrowableOfType(OutboxException.class,
        () -> outbox.requestPublication(c, Fixtures.KASUBAG));
    assertThat(wrongRole.code()).isEqualTo("JDIH-OUTBOX-002");

    OutboxDelivery onlyX = OutboxDelivery.builder(store, cases).client(fakes.get(Platform.X)).clock(clock).build();
    CaseId both = caseFor("klien", 1, Platform.X, Platform.TELEGRAM);
    OutboxException noClient = catchThrowableOfType(OutboxException.class,
        () -> onlyX.requestPublication(both, Fixtures.STAF));
    assertThat(noClient.code()).isEqualTo("JDIH-OUTBOX-003");
    assertThat(noClient.getMessage()).contains("Telegram");
    assertThat(onlyX.intents(both)).as("nothing recorded").isEmpty();
  }

  @Test
  void aTweetThatTimedOutAfterXAcceptedItIsFoundAndNotResent() {
    CaseId c = caseFor("x-terima", 1, Platform.X);
    faults(Platform.X, NetFault.NONE, NetFault.TIMEOUT_AFTER);
    outbox.requestPublication(c, Fixtures.STAF);

    outbox.deliverDue();
    IntentState s = only(c, Platform.X);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.reconcileFirst()).isTrue();
    assertThat(s.nextAttemptAt()).contains(clock.instant().plus(OutboxTestPolicy.POLICY.settleDelay()));
    assertThat(s.problem().orElseThrow().kind()).isEqualTo(FailureKind.AMBIGUOUS);

    runUntilQuiet();
    s = only(c, Platform.X);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.sendAttempts()).as("sent once").isEqualTo(1);
    assertThat(posts(Platform.X)).isEqualTo(1);
    assertThat(s.notes().get(s.notes().size() - 2).text().en()).startsWith("Found published when checked");
    assertThat(cases.get(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void aTweetThatTimedOutBeforeXAcceptedItIsResentOnlyAfterTwoMisses() {
    CaseId c = caseFor("x-tolak", 1, Platform.X);
    faults(Platform.X, NetFault.NONE, NetFault.TIMEOUT_BEFORE);
    outbox.requestPublication(c, Fixtures.STAF);
    outbox.deliverDue();

    clock.advance(OutboxTestPolicy.POLICY.settleDelay());
    outbox.deliverDue();
    IntentState s = only(c, Platform.X);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.notFoundLookups()).isEqualTo(1);
    assertThat(s.sendAttempts()).isEqualTo(1);

    clock.advance(OutboxTestPolicy.POLICY.settleDelay());
    outbox.deliverDue();
    s = only(c, Platform.X);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.sendAttempts()).isEqualTo(2);
    assertThat(s.known(PlatformId.Kind.MEDIA_UPLOAD)).as("the upload is reused").hasSize(1);
    assertThat(posts(Platform.X)).isEqualTo(1);
  }

  @Test
  void anInstagramPublishThatTimedOutAfterAcceptingIsFoundThroughTheContainerStatus() {
    CaseId c = caseFor("ig-terima", 1, Platform.INSTAGRAM);
    faults(Platform.INSTAGRAM, NetFault.NONE, NetFault.NONE, NetFault.TIMEOUT_AFTER);
    outbox.requestPublication(c, Fixtures.STAF);
    runUntilQuiet();
    IntentState s = only(c, Platform.INSTAGRAM);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.sendAttempts()).isEqualTo(1);
    assertThat(posts(Platform.INSTAGRAM)).isEqualTo(1);
  }

  @Test
  void anInstagramPublishThatTimedOutBeforeAcceptingPublishesTheSameContainerAgain() {
    CaseId c = caseFor("ig-tolak", 1, Platform.INSTAGRAM);
    faults(Platform.INSTAGRAM, NetFault.NONE, NetFault.NONE, NetFault.TIMEOUT_BEFORE);
    outbox.requestPublication(c, Fixtures.STAF);
    runUntilQuiet();
    IntentState s = only(c, Platform.INSTAGRAM);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.sendAttempts()).isEqualTo(2);
    assertThat(s.known(PlatformId.Kind.CONTAINER)).as("no second container").hasSize(1);
    assertThat(posts(Platform.INSTAGRAM)).isEqualTo(1);
  }

  @Test
  void containerErrorFailsExpiredContainerIsReplacedSlowContainerIsWaitedFor() {
    CaseId error = caseFor("kontainer-error", 1, Platform.INSTAGRAM);
    faults(Platform.INSTAGRAM, NetFault.CONTAINER_ERROR);
    outbox.requestPublication(error, Fixtures.STAF);
    runUntilQuiet();
    assertThat(only(error, Platform.INSTAGRAM).status()).isEqualTo(IntentStatus.FAILED);
    assertThat(only(error, Platform.INSTAGRAM).problem().orElseThrow().kind()).isEqualTo(FailureKind.REJECTED);

    CaseId expired = caseFor("kontainer-lama", 1, Platform.THREADS);
    faults(Platform.THREADS, NetFault.CONTAINER_EXPIRED);
    outbox.requestPublication(expired, Fixtures.STAF);
    runUntilQuiet();
    IntentState e = only(expired, Platform.THREADS);
    assertThat(e.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(e.known(PlatformId.Kind.CONTAINER)).hasSize(2);
    assertThat(e.liveIds()).extracting(PlatformId::kind).containsOnlyOnce(PlatformId.Kind.CONTAINER);

    CaseId slow = caseFor("kontainer-lambat", 1, Platform.INSTAGRAM);
    faults(Platform.INSTAGRAM, NetFault.CONTAINER_SLOW);
    outbox.requestPublication(slow, Fixtures.STAF);
    outbox.deliverDue();
    IntentState s = only(slow, Platform.INSTAGRAM);
    assertThat(s.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(s.polls()).isEqualTo(1);
    assertThat(s.nextAttemptAt()).contains(clock.instant().plus(OutboxTestPolicy.POLICY.pollInterval()));
    runUntilQuiet();
    assertThat(only(slow, Platform.INSTAGRAM).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(only(slow, Platform.INSTAGRAM).known(PlatformId.Kind.CONTAINER)).hasSize(1);
  }

  @Test
  void telegramCannotBeAskedSoATimeoutWaitsForAPerson() {
    CaseId c = caseFor("tg", 1, Platform.TELEGRAM, Platform.X);
    faults(Platform.TELEGRAM, NetFault.TIMEOUT_AFTER);
    outbox.requestPublication(c, Fixtures.STAF);
    runUntilQuiet();

    IntentState s = only(c, Platform.TELEGRAM);
    assertThat(s.status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
    assertThat(s.notes().get(s.notes().size() - 1).text().id()).contains("tidak dapat dipastikan");
    assertThat(told).extracting(PublicationNeedsConfirmation::intentKey).containsExactly(s.id().toString());
    assertThat(cases.get(c).status()).as("not published while Telegram is unknown").isEqualTo(CaseStatus.OPEN);
    assertThat(cases.get(c).pendingPlatforms()).containsExactly(Platform.TELEGRAM);

    var post = fakes.get(Platform.TELEGRAM).posts().get(0);
    IntentState confirmed = outbox.confirmPublished(s.id(), post.postId(), post.url(), post.createdAt(),
        Fixtures.STAF);
    assertThat(confirmed.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(confirmed.caseRecorded()).isTrue();
    assertThat(cases.get(c).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(posts(Platform.TELEGRAM)).isEqualTo(1);

    OutboxException again = catchThrowableOfType(OutboxException.class,
        () -> outbox.confirmNotPublished(s.id(), Fixtures.STAF));
    assertThat(again.code()).isEqualTo("JDIH-OUTBOX-005");
  }

  @Test
  void aPersonWhoFindsNothingOnTelegramHasItSentAgain() {
    CaseId c = caseFor("tg-ulang", 1, Platform.TELEGRAM);
    faults(Platform.TELEGRAM, NetFault.TIMEOUT_BEFORE);
    outbox.requestPublication(c, Fixtures.STAF);
    runUntilQuiet();
    IntentState s = only(c, Platform.TELEGRAM);
    assertThat(s.status()).isEqualTo(IntentStatus.NEEDS_CONFIRMATION);
    assertThat(posts(Platform.TELEGRAM)).isZero();

    assertThat(outbox.confirmNotPublished(s.id(), Fixtures.STAF).status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    runUntilQuiet();
    assertThat(only(c, Platform.TELEGRAM).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(posts(Platform.TELEGRAM)).isEqualTo(1);
  }

  @Test
  void anExpiredTokenStopsThatPlatformOnlyAndANewRoundFinishesTheCase() {
    CaseId c = caseFor("token", 1, Platform.INSTAGRAM, Platform.X);
    faults(Platform.X, NetFault.AUTH);
    outbox.requestPublication(c, Fixtures.STAF);
    runUntilQuiet();

    IntentState x = only(c, Platform.X);
    assertThat(x.status()).isEqualTo(IntentStatus.FAILED);
    assertThat(x.problem().orElseThrow().kind()).isEqualTo(FailureKind.AUTH);
    assertThat(x.notes().get(x.notes().size() - 1).text().id()).contains("perbarui token");
    assertThat(only(c, Platform.INSTAGRAM).status()).isEqualTo(IntentStatus.PUBLISHED);
    ContentCase partial = cases.get(c);
    assertThat(partial.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(partial.posts()).containsOnlyKeys(Platform.INSTAGRAM);
    assertThat(partial.pendingPlatforms()).containsExactly(Platform.X);
    assertThat(told).isEmpty(); // a failure is shown in the intent's state, not sent as a confirmation request

    IntentState round2 = outbox.retryFailed(x.id(), Fixtures.STAF);
    assertThat(round2.id().value()).isEqualTo("token.x.r2");
    runUntilQuiet();
    assertThat(only(c, Platform.X).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(cases.get(c).status()).isEqualTo(CaseStatus.PUBLISHED);
    assertThat(outbox.intent(x.id()).orElseThrow().status()).as("the old round stays as history")
        .isEqualTo(IntentStatus.FAILED);
  }

  @Test
  void aRateLimitHoldsEveryIntentOfThatPlatformUntilTheReset() {
    CaseId a = caseFor("laju-a", 1, Platform.X);
    faults(Platform.X, NetFault.RATE_LIMIT);
    outbox.requestPublication(a, Fixtures.STAF);
    Instant start = clock.instant();
    outbox.deliverDue();
    IntentState sa = only(a, Platform.X);
    Instant reset = start.plusSeconds(60); // the fake's reset time
    assertThat(sa.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(sa.nextAttemptAt().orElseThrow()).isBetween(reset, reset.plus(OutboxTestPolicy.POLICY
        .rateLimitJitter()));
    assertThat(sa.problem().orElseThrow().kind()).isEqualTo(FailureKind.RATE_LIMITED);

    CaseId b = caseFor("laju-b", 1, Platform.X);
    outbox.requestPublication(b, Fixtures.STAF);
    outbox.deliverDue();
    IntentState sb = only(b, Platform.X);
    assertThat(sb.status()).isEqualTo(IntentStatus.RETRY_SCHEDULED);
    assertThat(sb.sendAttempts()).as("held back without a call").isZero();
    assertThat(sb.nextAttemptAt()).contains(reset);

    runUntilQuiet();
    assertThat(only(a, Platform.X).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(only(b, Platform.X).status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(posts(Platform.X)).isEqualTo(2);
  }

  @Test
  void failuresThatCertainlyDidNotPublishBackOffExponentiallyWithJitterThenStop() {
    CaseId c = caseFor("mundur", 1, Platform.X);
    faults(Platform.X, NetFault.RESET_BEFORE, NetFault.RESET_BEFORE, NetFault.RESET_BEFORE, NetFault.RESET_BEFORE,
        NetFault.RESET_BEFORE, NetFault.RESET_BEFORE);
    outbox.requestPublication(c, Fixtures.STAF);
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      outbox.deliverDue();
      IntentState s = only(c, Platform.X);
      if (s.status() == IntentStatus.FAILED) {
        break;
      }
      waits.add(Duration.between(clock.instant(), s.nextAttemptAt().orElseThrow()));
      clock.set(s.nextAttemptAt().orElseThrow());
    }
    assertThat(waits).hasSize(5);
    for (int i = 0; i < waits.size(); i++) {
      Duration base = Duration.ofSeconds(1L << i);
      assertThat(waits.get(i)).as("wait %s", i + 1).isBetween(base.dividedBy(2), base);
    }
    IntentState s = only(c, Platform.X);
    assertThat(s.status()).isEqualTo(IntentStatus.FAILED);
    assertThat(s.notes().get(s.notes().size() - 1).text().en()).startsWith("Stopped after 6 failed attempts");
    assertThat(posts(Platform.X)).isZero();
  }

  @Test
  void aWorkerThatStopsRightAfterThePlatformAcceptedIsTakenOverAndReconciled() {
    CaseId c = caseFor("mati", 1, Platform.FACEBOOK);
    outbox.requestPublication(c, Fixtures.STAF);
    PlatformClient dying = new DyingClient(fakes.get(Platform.FACEBOOK));
    OutboxDelivery first = OutboxDelivery.builder(store, cases).client(dying).clock(clock)
        .policy(OutboxTestPolicy.POLICY).build();
    try {
      first.deliverDue();
      throw new AssertionError("the worker should have died");
    } catch (Dead expected) {
      // the process is gone, with the intent in progress
    }
    IntentState s = only(c, Platform.FACEBOOK);
    assertThat(s.status()).isEqualTo(IntentStatus.IN_PROGRESS);
    assertThat(posts(Platform.FACEBOOK)).isEqualTo(1);
    assertThat(outbox.deliverDue().handled()).as("not taken while the lease holds").isEmpty();

    clock.set(s.leaseUntil().orElseThrow());
    runUntilQuiet();
    s = only(c, Platform.FACEBOOK);
    assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
    assertThat(s.sendAttempts()).isEqualTo(1);
    assertThat(posts(Platform.FACEBOOK)).isEqualTo(1);
    assertThat(cases.get(c).status()).isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void twoWorkersOnOneStoreNeverSendTheSameIntentTwice() throws Exception {
    List<CaseId> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      CaseId c = caseFor("balapan-" + i, 1, Platform.X);
      outbox.requestPublication(c, Fixtures.STAF);
      ids.add(c);
    }
    OutboxDelivery other = OutboxDelivery.builder(store, cases).clients(fakes.values()).clock(clock)
        .policy(OutboxTestPolicy.POLICY).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
    for (OutboxDelivery worker : List.of(outbox, other)) {
      runs.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 50; i++) {
          worker.deliverDue();
        }
        return null;
      }));
    }
    go.countDown();
    for (java.util.concurrent.Future<?> f : runs) {
      f.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(posts(Platform.X)).isEqualTo(20);
    for (CaseId c : ids) {
      IntentState s = only(c, Platform.X);
      assertThat(s.status()).isEqualTo(IntentStatus.PUBLISHED);
      assertThat(s.sendAttempts()).isEqualTo(1);
      assertThat(cases.get(c).status()).isEqualTo(CaseStatus.PUBLISHED);
    }
  }

  private static final class Dead extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** Dies when the post's id arrives, before it is stored. */
  private static final class DyingClient implements PlatformClient {
    private final FakePlatform fake;

    DyingClient(FakePlatform fake) {
      this.fake = fake;
    }

    @Override
    public Platform platform() {
      return fake.platform();
    }

    @Override
    public Reconciliation reconciliation() {
      return fake.reconciliation();
    }

    @Override
    public PostResult createPost(PostAttempt attempt, IdSink ids) {
      return fake.createPost(attempt, (kind, value) -> {
        if (kind == PlatformId.Kind.POST) {
          throw new Dead();
        }
        ids.record(kind, value);
      });
    }

    @Override
    public java.net.URI postUrl(String postId) {
      return fake.postUrl(postId);
    }
  }
}
