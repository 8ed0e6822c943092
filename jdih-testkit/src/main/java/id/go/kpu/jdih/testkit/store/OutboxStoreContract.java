package id.go.kpu.jdih.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentNote;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.Problem;
import id.go.kpu.jdih.publish.PublicationIntent;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OutboxStore} passes: add once, compare-and-set by version (one winner among racing
 * workers, also across two instances on one backend), due order and limits, every field kept exactly, and durability
 * across a reopen. An adapter's test extends this class; published in jdih-testkit.
 */
public abstract class OutboxStoreContract {

  /** A fixed instant the tests build their states at. */
  protected static final Instant T0 = Instant.parse("2024-03-04T02:00:00Z");

  private final List<OutboxStore> opened = new ArrayList<>();

  /** A new, empty store; each call of one test gets a store on the same (new) backend. */
  protected abstract OutboxStore createStore() throws Exception;

  /**
   * Another instance on the backend of the store {@link #createStore()} gave first in this test, as a second
   * process would open it (for durable stores: opened anew from the files or database). By default the same
   * instance, for stores that live in one JVM's memory.
   */
  protected OutboxStore reopen(OutboxStore store) throws Exception {
    return store;
  }

  /** Releases what the store holds; does nothing by default. */
  protected void closeStore(OutboxStore store) throws Exception {}

  private OutboxStore store() throws Exception {
    OutboxStore s = createStore();
    opened.add(s);
    return s;
  }

  private OutboxStore other(OutboxStore s) throws Exception {
    OutboxStore o = reopen(s);
    if (o != s) {
      opened.add(o);
    }
    return o;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (OutboxStore s : opened) {
      closeStore(s);
    }
    opened.clear();
  }

  /** A pending intent of {@code caseId} for {@code p}. */
  public static IntentState pending(String caseId, Platform p) {
    return IntentState.pending(OutboxFixtures.intent(caseId, p, "Tahukah kamu? #JDIH \ud83d\uddf3\ufe0f", 1, T0),
        T0);
  }

  /** {@code s} scheduled for {@code at}, one version later. */
  protected static IntentState scheduled(IntentState s, Instant at) {
    return next(s, T0, IntentStatus.RETRY_SCHEDULED, Optional.of(at), Optional.empty());
  }

  /**
   * The next version of {@code s}, written at {@code now}, in {@code status} with the given retry time and lease;
   * every other field as in {@code s}.
   */
  protected static IntentState next(IntentState s, Instant now, IntentStatus status, Optional<Instant> nextAttemptAt,
      Optional<Instant> leaseUntil) {
    return new IntentState(s.intent(), status, s.version() + 1, s.ids(), s.liveIdsFrom(), s.sendAttempts(),
        s.failures(), s.rateLimitWaits(), s.polls(), s.reconcileFirst(), s.reconcileChecks(), s.notFoundLookups(),
        s.duplicateSignal(), s.firstSentAt(), nextAttemptAt, leaseUntil, s.post(), s.problem(), s.caseRecorded(),
        s.notes(), now);
  }

  /**
   * A state with every optional field present and two media items, to check that nothing is lost: version 3 of its
   * intent, published, with platform ids of which two are no longer live, every counter set, a problem and notes.
   */
  public static IntentState rich() {
    IntentState s = IntentState.pending(new PublicationIntent(IntentId.of(CaseId.of("kaya"), Platform.INSTAGRAM, 2),
        CaseId.of("kaya"), Platform.INSTAGRAM, 2, "Keterangan \"lengkap\"\nbaris dua", OutboxFixtures.media(2, 3),
        Fixtures.STAF, T0), T0);
    ImmutableList<PlatformId> ids = ImmutableList.of(
        new PlatformId(PlatformId.Kind.CHILD_CONTAINER, "c-1", T0.plusSeconds(2)),
        new PlatformId(PlatformId.Kind.CONTAINER, "k-1", T0.plusSeconds(3)),
        new PlatformId(PlatformId.Kind.CONTAINER, "k-2", T0.plusSeconds(4)));
    Problem problem = new Problem(FailureKind.AMBIGUOUS, "HTTP-504", Text.of("waktu habis", "timed out"),
        T0.plusSeconds(5));
    PublishedPost post = new PublishedPost(Platform.INSTAGRAM, "1789", URI.create("https://example.invalid/p/1789"),
        T0.plusSeconds(8));
    ImmutableList<IntentNote> notes = ImmutableList.<IntentNote>builder().addAll(s.notes())
        .add(new IntentNote(T0.plusSeconds(1), IntentStatus.IN_PROGRESS, Text.of("catatan ✓", "note ✓"))).build();
    return new IntentState(s.intent(), IntentStatus.PUBLISHED, 3, ids, 2, 3, 2, 1, 4, true, 2, 1, true,
        Optional.of(T0.plusNanos(123_456_789)), Optional.of(T0.plusSeconds(10)), Optional.empty(), Optional.of(post),
        Optional.of(problem), false, notes, T0.plusSeconds(9));
  }

  @Test
  void addsOnceAndFindsByIdAndCaseInIdOrder() throws Exception {
    OutboxStore store = store();
    IntentState a = pending("kasus-1", Platform.X);
    assertThat(store.add(a)).isTrue();
    assertThat(store.add(a)).isFalse();
    assertThat(store.find(a.id())).contains(a);
    assertThat(store.find(IntentId.of(CaseId.of("lain"), Platform.X, 1))).isEmpty();
    store.add(pending("kasus-1", Platform.INSTAGRAM));
    store.add(pending("kasus-2", Platform.X));
    assertThat(store.forCase(CaseId.of("kasus-1"))).extracting(s -> s.id().value())
        .containsExactly("kasus-1.instagram.r1", "kasus-1.x.r1");
    assertThat(store.forCase(CaseId.of("kasus-3"))).isEmpty();
    assertThatThrownBy(() -> store.add(scheduled(pending("kasus-9", Platform.X), T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFieldIsKeptExactly() throws Exception {
    OutboxStore store = store();
    IntentState r = rich();
    IntentState first = IntentState.pending(r.intent(), T0);
    assertThat(store.add(first)).isTrue();
    IntentState v2 = scheduled(first, T0.plusSeconds(1));
    assertThat(store.replace(first, v2)).isTrue();
    // rich() is version 3 of the same intent: replace v2 by it
    assertThat(r.version()).isEqualTo(3);
    assertThat(store.replace(v2, r)).isTrue();
    assertThat(store.find(r.id())).contains(r);
    assertThat(other(store).find(r.id())).contains(r);
    assertThat(store.forCase(CaseId.of("kaya"))).containsExactly(r);
  }

  @Test
  void replacesOnlyTheExpectedVersion() throws Exception {
    OutboxStore store = store();
    IntentState a = pending("kasus-1", Platform.X);
    store.add(a);
    IntentState b = scheduled(a, T0.plusSeconds(5));
    assertThat(store.replace(a, b)).isTrue();
    assertThat(store.replace(a, scheduled(a, T0.plusSeconds(9)))).as("stale version").isFalse();
    assertThat(store.find(a.id())).contains(b);
    assertThat(store.replace(pending("tidak-ada", Platform.X), scheduled(pending("tidak-ada", Platform.X), T0)))
        .as("unknown intent").isFalse();
    assertThatThrownBy(() -> store.replace(b, b)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dueIntentsComeEarliestFirstUpToTheLimitAndNextDueAtIsTheEarliest() throws Exception {
    OutboxStore store = store();
    assertThat(store.nextDueAt()).isEmpty();
    IntentState late = pending("kasus-1", Platform.X);
    IntentState early = pending("kasus-2", Platform.X);
    IntentState now = pending("kasus-3", Platform.X);
    IntentState leased = pending("kasus-4", Platform.X);
    IntentState waiting = pending("kasus-5", Platform.X);
    for (IntentState s : List.of(late, early, now, leased, waiting)) {
      store.add(s);
    }
    store.replace(late, scheduled(late, T0.plusSeconds(30)));
    store.replace(early, scheduled(early, T0.plusSeconds(10)));
    store.replace(leased, next(leased, T0, IntentStatus.IN_PROGRESS, Optional.empty(),
        Optional.of(T0.plusSeconds(20))));
    store.replace(waiting, next(waiting, T0, IntentStatus.NEEDS_CONFIRMATION, Optional.empty(), Optional.empty()));
    assertThat(store.due(T0, 10)).extracting(s -> s.id().value()).containsExactly("kasus-3.x.r1");
    assertThat(store.due(T0.plusSeconds(60), 10)).extracting(s -> s.id().value())
        .containsExactly("kasus-3.x.r1", "kasus-2.x.r1", "kasus-4.x.r1", "kasus-1.x.r1");
    assertThat(store.due(T0.plusSeconds(60), 2)).extracting(s -> s.id().value())
        .containsExactly("kasus-3.x.r1", "kasus-2.x.r1");
    assertThat(store.nextDueAt()).contains(T0);
    assertThat(other(store).due(T0.plusSeconds(15), 10)).extracting(s -> s.id().value())
        .containsExactly("kasus-3.x.r1", "kasus-2.x.r1");
  }

  @Test
  void exactlyOneOfManyRacingWorkersWinsEachVersionAcrossInstances() throws Exception {
    OutboxStore first = store();
    OutboxStore second = other(first);
    int intents = 20;
    int workers = 8;
    List<IntentState> all = new ArrayList<>();
    for (int i = 0; i < intents; i++) {
      IntentState s = pending("balapan-" + i, Platform.X);
      first.add(s);
      all.add(s);
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentHashMap<String, AtomicInteger> wins = new ConcurrentHashMap<>();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      OutboxStore mine = w % 2 == 0 ? first : second;
      int n = w;
      futures.add(pool.submit(() -> {
        start.await();
        for (IntentState s : all) {
          if (mine.replace(s, scheduled(s, T0.plusSeconds(n)))) {
            wins.computeIfAbsent(s.id().value(), k -> new AtomicInteger()).incrementAndGet();
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(wins).hasSize(intents).allSatisfy((k, v) -> assertThat(v.get()).isEqualTo(1));
    for (IntentState s : all) {
      assertThat(first.find(s.id()).orElseThrow().version()).isEqualTo(2);
    }
  }

  @Test
  void statesSurviveAReopen() throws Exception {
    OutboxStore store = store();
    IntentState a = pending("tahan", Platform.TELEGRAM);
    store.add(a);
    IntentState b = scheduled(a, T0.plus(Duration.ofMinutes(5)));
    store.replace(a, b);
    OutboxStore again = other(store);
    assertThat(again.find(a.id())).contains(b);
    assertThat(again.forCase(CaseId.of("tahan"))).containsExactly(b);
    assertThat(again.nextDueAt()).contains(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void manyIntentsOfManyCasesAreListedPerCase() throws Exception {
    OutboxStore store = store();
    for (int c = 0; c < 30; c++) {
      for (Platform p : List.of(Platform.X, Platform.FACEBOOK, Platform.TELEGRAM)) {
        store.add(pending("banyak-" + c, p));
      }
    }
    assertThat(store.forCase(CaseId.of("banyak-7"))).extracting(s -> s.id().value())
        .containsExactly("banyak-7.facebook.r1", "banyak-7.telegram.r1", "banyak-7.x.r1");
    assertThat(store.due(T0, 1000)).hasSize(90);
    assertThat(ImmutableList.copyOf(store.due(T0, 5))).hasSize(5);
  }
}
