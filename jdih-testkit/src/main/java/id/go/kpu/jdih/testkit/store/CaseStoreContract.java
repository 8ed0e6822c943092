package id.go.kpu.jdih.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InvalidAppendException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CaseStore} passes. An adapter's test extends this class and supplies a fresh, empty
 * store per test; the class is published in jdih-testkit.
 */
public abstract class CaseStoreContract {

  /** Appends the race test makes in all, across its threads. */
  protected static final int RACE_APPENDS = 10_000;
  /** Threads of the race test. */
  protected static final int RACE_THREADS = 8;

  private CaseStore store;
  private final CaseDecider decider = new CaseDecider(ReferenceSop.definition(), OutputRules.acceptAll());

  /** A new, empty store. */
  protected abstract CaseStore createStore() throws Exception;

  /** Releases what {@link #createStore()} made; does nothing by default. */
  protected void closeStore(CaseStore store) throws Exception {}

  /** Cases the race test spreads its appends over; stores slower than memory may lower it. */
  protected int raceCases() {
    return 20;
  }

  @BeforeEach
  void open() throws Exception {
    store = createStore();
  }

  @AfterEach
  void close() throws Exception {
    closeStore(store);
  }

  /** The store under test. */
  protected CaseStore store() {
    return store;
  }

  private List<RecordedEvent> fullCase(CaseId id) {
    List<RecordedEvent> events = new ArrayList<>();
    ContentCase state = ContentCase.empty(id);
    Instant t = Instant.parse("2024-03-04T01:00:00Z");
    for (CaseCommand c : Fixtures.happyPath(id, Fixtures.produkHukum(), t)) {
      t = t.plusSeconds(3600);
      for (RecordedEvent e : decider.decide(state, c, t)) {
        events.add(e);
        state = state.apply(ReferenceSop.definition(), e);
      }
    }
    return events;
  }

  @Test
  void roundTripKeepsEveryEventEqual() {
    CaseId id = CaseId.of("pulang-pergi");
    List<RecordedEvent> events = fullCase(id);
    assertThat(store.append(id, 0, events.subList(0, 3))).isEqualTo(3);
    assertThat(store.append(id, 3, events.subList(3, 4))).isEqualTo(4);
    assertThat(store.append(id, 4, events.subList(4, 7))).isEqualTo(7);
    ImmutableList<RecordedEvent> loaded = store.load(id);
    assertThat(loaded).isEqualTo(events);
    assertThat(store.version(id)).isEqualTo(7);
    assertThat(store.version(CaseId.of("tidak-ada"))).isZero();
    assertThat(store.load(CaseId.of("tidak-ada"))).isEmpty();
    try (Stream<CaseId> ids = store.caseIds()) {
      assertThat(ids).containsExactly(id);
    }
  }

  @Test
  void loadAllGivesEachCaseAsLoadDoesInTheOrderAsked() {
    CaseId a = CaseId.of("banyak-a");
    CaseId b = CaseId.of("banyak-b");
    CaseId c = CaseId.of("banyak-c");
    store.append(a, 0, fullCase(a));
    store.append(b, 0, fullCase(b).subList(0, 2));
    store.append(c, 0, fullCase(c).subList(0, 1));
    CaseId missing = CaseId.of("tidak-ada");
    var all = store.loadAll(List.of(c, missing, a, b, c));
    assertThat(all.keySet()).containsExactly(c, a, b);
    assertThat(all.get(a)).isEqualTo(store.load(a)).hasSize(7);
    assertThat(all.get(b)).isEqualTo(store.load(b)).hasSize(2);
    assertThat(all.get(c)).isEqualTo(store.load(c)).hasSize(1);
    assertThat(store.loadAll(List.of())).isEmpty();
    assertThat(store.loadAll(List.of(missing))).isEmpty();
    List<CaseId> nullId = new ArrayList<>();
    nullId.add(null);
    assertThatThrownBy(() -> store.loadAll(nullId)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void hashChainVerifiesAfterReload() {
    CaseId id = CaseId.of("rantai-muat");
    store.append(id, 0, fullCase(id));
    ImmutableList<RecordedEvent> loaded = store.load(id);
    assertThat(HashChain.verify(loaded)).isEmpty();
    assertThat(ContentCase.replay(id, ReferenceSop.definition(), loaded).status())
        .isEqualTo(CaseStatus.PUBLISHED);
  }

  @Test
  void wrongExpectedVersionIsAConflictAndWritesNothing() {
    CaseId id = CaseId.of("konflik");
    List<RecordedEvent> events = fullCase(id);
    store.append(id, 0, events.subList(0, 2));
    assertThatThrownBy(() -> store.append(id, 1, events.subList(1, 3)))
        .isInstanceOf(VersionConflictException.class)
        .satisfies(e -> assertThat(((VersionConflictException) e).actual()).isEqualTo(2));
    assertThatThrownBy(() -> store.append(id, 0, events.subList(0, 1))).isInstanceOf(VersionConflictException.class);
    assertThat(store.load(id)).isEqualTo(events.subList(0, 2));
  }

  @Test
  void badInputIsRejectedWithNothingWritten() {
    CaseId id = CaseId.of("buruk");
    List<RecordedEvent> events = fullCase(id);
    store.append(id, 0, events.subList(0, 2));
    RecordedEvent e = events.get(2);
    RecordedEvent tampered = new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(),
        e.principal(), e.actor(), e.at(),
        e.activity(), new CaseEvent.Summarized("diubah"), e.previousHash(), e.hash(), e.hashFormat());
    // a batch whose second event is bad: the first must not be written either
    assertThatThrownBy(() -> store.append(id, 2, List.of(e, tampered)))
        .isInstanceOf(InvalidAppendException.class);
    assertThatThrownBy(() -> store.append(id, 2, List.of(events.get(3))))
        .isInstanceOf(InvalidAppendException.class);
    assertThatThrownBy(() -> store.append(id, 2, List.of()))
        .isInstanceOf(InvalidAppendException.class);
    assertThatThrownBy(() -> store.append(CaseId.of("lain"), 0, events.subList(0, 1)))
        .isInstanceOf(InvalidAppendException.class);
    List<RecordedEvent> withNull = new ArrayList<>();
    withNull.add(e);
    withNull.add(null);
    assertThatThrownBy(() -> store.append(id, 2, withNull)).isInstanceOf(InvalidAppendException.class);
    assertThat(store.load(id)).isEqualTo(events.subList(0, 2));
    assertThat(store.version(CaseId.of("lain"))).isZero();
  }

  /**
   * {@value #RACE_THREADS} threads race to append to the same cases; each round every thread tries to append the
   * next event of a case at the version it read. Exactly one wins per version, and no event is lost or duplicated.
   */
  @Test
  void racingWritersGetExactlyOneWinnerPerVersion() throws Exception {
    int cases = raceCases();
    int perCase = RACE_APPENDS / cases;
    List<CaseId> ids = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      ids.add(CaseId.of("balapan-" + i));
    }
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(RACE_THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < RACE_THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int round = 0; ; round++) {
            CaseId id = ids.get((round + thread) % cases);
            long version = store.version(id);
            if (allFull(ids, perCase)) {
              return null;
            }
            if (version >= perCase) {
              continue;
            }
            String head = version == 0 ? HashChain.GENESIS : store.load(id).get((int) version - 1).hash();
            RecordedEvent next = RecordedEvent.create(id, version + 1, ReferenceSop.definition().key(),
                CommandId.of("t" + thread + "-v" + (version + 1)), Fixtures.STAF, Instant.ofEpochSecond(version),
                OptionalInt.of(4), new CaseEvent.Summarized("thread " + thread), head);
            try {
              store.append(id, version, List.of(next));
              wins.incrementAndGet();
            } catch (VersionConflictException e) {
              conflicts.incrementAndGet();
            }
          }
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wins.get()).as("one winner per version").isEqualTo(cases * perCase);
    for (CaseId id : ids) {
      ImmutableList<RecordedEvent> events = store.load(id);
      assertThat(events).hasSize(perCase);
      assertThat(HashChain.verify(events)).as("chain of %s", id).isEmpty();
      assertThat(events.stream().map(RecordedEvent::sequence).collect(Collectors.toSet())).hasSize(perCase);
    }
    raceReport(cases * perCase, conflicts.get());
  }

  /** Called with the race test's counts; prints them by default. */
  protected void raceReport(int appends, int conflicts) {
    System.out.printf("%s race: %d threads, %d appends won, %d conflicts refused%n",
        getClass().getSimpleName(), RACE_THREADS, appends, conflicts);
  }

  private boolean allFull(List<CaseId> ids, int perCase) {
    for (CaseId id : ids) {
      if (store.version(id) < perCase) {
        return false;
      }
    }
    return true;
  }

  @Test
  void caseIdsListsEveryCaseOnce() {
    List<CaseId> ids = List.of(CaseId.of("c-1"), CaseId.of("c-2"), CaseId.of("c-3"));
    for (CaseId id : ids) {
      store.append(id, 0, fullCase(id).subList(0, 1));
    }
    try (Stream<CaseId> s = store.caseIds()) {
      assertThat(s.sorted()).containsExactlyElementsOf(ids);
    }
    assertThat(Optional.of(store.load(ids.get(1)).get(0).caseId())).contains(ids.get(1));
  }
}
