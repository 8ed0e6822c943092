package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.testing.OutboxFixtures;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory store: add once, compare-and-set by version, due order, one winner per race. */
class InMemoryOutboxStoreTest {

  private static final Instant T0 = Instant.parse("2024-03-04T02:00:00Z");
  private final InMemoryOutboxStore store = new InMemoryOutboxStore();

  private static IntentState pending(String caseId, Platform p) {
    return IntentState.pending(OutboxFixtures.intent(caseId, p, "teks", 1, T0), T0);
  }

  private static IntentState scheduled(IntentState s, Instant at) {
    IntentState.Builder b = s.next(T0).status(IntentStatus.RETRY_SCHEDULED);
    b.nextAttemptAt = Optional.of(at);
    return b.build();
  }

  @Test
  void addsOnceAndFindsByIdAndCase() {
    IntentState a = pending("kasus-1", Platform.X);
    assertThat(store.add(a)).isTrue();
    assertThat(store.add(a)).isFalse();
    assertThat(store.find(a.id())).contains(a);
    store.add(pending("kasus-1", Platform.INSTAGRAM));
    store.add(pending("kasus-2", Platform.X));
    assertThat(store.forCase(CaseId.of("kasus-1"))).extracting(s -> s.id().value())
        .containsExactly("kasus-1.instagram.r1", "kasus-1.x.r1");
  }

  @Test
  void replacesOnlyTheExpectedVersion() {
    IntentState a = pending("kasus-1", Platform.X);
    store.add(a);
    IntentState b = scheduled(a, T0.plusSeconds(5));
    assertThat(store.replace(a, b)).isTrue();
    assertThat(store.replace(a, scheduled(a, T0.plusSeconds(9)))).as("stale version").isFalse();
    assertThat(store.find(a.id())).contains(b);
    assertThat(b.version()).isEqualTo(2);
  }

  @Test
  void dueIntentsComeEarliestFirstAndNextDueAtIsTheEarliest() {
    IntentState late = pending("kasus-1", Platform.X);
    IntentState early = pending("kasus-2", Platform.X);
    IntentState now = pending("kasus-3", Platform.X);
    store.add(late);
    store.add(early);
    store.add(now);
    store.replace(late, scheduled(late, T0.plusSeconds(30)));
    store.replace(early, scheduled(early, T0.plusSeconds(10)));
    assertThat(store.due(T0, 10)).extracting(s -> s.id().value()).containsExactly("kasus-3.x.r1");
    assertThat(store.due(T0.plusSeconds(60), 10)).extracting(s -> s.id().value())
        .containsExactly("kasus-3.x.r1", "kasus-2.x.r1", "kasus-1.x.r1");
    assertThat(store.due(T0.plusSeconds(60), 1)).hasSize(1);
    assertThat(store.nextDueAt()).contains(T0);
  }

  @Test
  void exactlyOneOfManyRacingWorkersWinsAVersion() throws Exception {
    IntentState a = pending("kasus-1", Platform.X);
    store.add(a);
    int workers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int n = i;
      results.add(pool.submit(() -> {
        start.await();
        return store.replace(a, scheduled(a, T0.plusSeconds(n)));
      }));
    }
    start.countDown();
    int wins = 0;
    for (Future<Boolean> f : results) {
      wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(wins).isEqualTo(1);
    assertThat(store.find(a.id()).orElseThrow().version()).isEqualTo(2);
  }
}
