package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.store.CaseStoreContract;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.TimeStatus;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every database passes: the case-store contract (round trip, hash chain, conflicts, bad input, 8 threads
 * racing over 10,000 appends) and the JDBC store's own features (the summary queries, streamed histories,
 * migrations, exact text, case-sensitive ids).
 *
 * <p>A subclass supplies a new database with a name of its own (nothing else uses it, in this run or any other);
 * the tests of the class share it, each starting with its tables emptied and a new store, and it is dropped after
 * the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcCaseStoreTestBase extends CaseStoreContract {

  /** A database of the test class's own; closing it drops it. */
  interface TestDatabase extends AutoCloseable {
    /** A new store on this database (the first one creates the schema). */
    JdbcCaseStore open(Function<SopKey, Optional<SopDefinition>> definitions);

    /** New storage (cases, outbox, ledger) on this database, as another process would open it. */
    JdbcStorage openStorage(Function<SopKey, Optional<SopDefinition>> definitions);

    /** A plain connection to the database, outside the store (auto-commit on). */
    Connection connect() throws SQLException;

    /** Deletes every row of the store's tables. */
    default void clear() throws SQLException {
      try (Connection c = connect(); Statement s = c.createStatement()) {
        s.execute("DELETE FROM case_events");
        s.execute("DELETE FROM cases");
        s.execute("DELETE FROM outbox_intents");
        s.execute("DELETE FROM notification_deliveries");
        s.execute("DELETE FROM notification_progress");
        s.execute("DELETE FROM head_seals");
      }
    }

    /** Flyway, configured as the store configures it, on this database (for inspecting its history). */
    Flyway flyway();

    /** Drops the database. */
    @Override
    void close() throws SQLException;
  }

  static final SopRegistry REGISTRY = SopRegistry.withReference();
  static final Instant MONDAY = Instant.parse("2024-03-04T01:00:00Z"); // 08:00 WIB
  /** Writer threads of the many-cases test: as many as the pool has connections. */
  static final int WRITERS = JdbcCaseStore.DEFAULT_POOL_SIZE;

  private TestDatabase database;
  private boolean used;
  private long opened;

  /** A new, empty database that no other test class or run uses. */
  protected abstract TestDatabase createDatabase() throws Exception;

  @BeforeAll
  void createTheDatabase() throws Exception {
    database = createDatabase();
  }

  @AfterAll
  void dropTheDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  /** The label printed with the figures. */
  protected abstract String databaseName();

  @Override
  protected CaseStore createStore() throws Exception {
    if (used) {
      database.clear();
    }
    used = true;
    JdbcCaseStore store = database.open(REGISTRY::find);
    opened = System.nanoTime();
    return store;
  }

  @Override
  protected void closeStore(CaseStore store) throws Exception {
    if (store != null) {
      ((JdbcCaseStore) store).close();
    }
  }

  @Override
  protected void raceReport(int appends, int conflicts) {
    super.raceReport(appends, conflicts);
    double seconds = (System.nanoTime() - opened) / 1e9;
    System.out.printf("%s race (%s): %d cases, %d appends won, %d conflicts (%d of them caught by the primary"
        + " key), %.1f s, %.0f appends/s%n", getClass().getSimpleName(), databaseName(), raceCases(), appends,
        conflicts, jdbc().keyConflicts(), seconds, appends / seconds);
  }

  JdbcCaseStore jdbc() {
    return (JdbcCaseStore) store();
  }

  TestDatabase database() {
    return database;
  }

  @Test
  void summaryRowsFollowEachAppend() {
    CaseId id = CaseId.of("ringkasan");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 7);
    jdbc().append(id, 0, events.subList(0, 1));
    CaseSummary s = jdbc().summary(id).orElseThrow();
    assertThat(s.status()).contains(CaseStatus.OPEN);
    assertThat(s.currentActivity()).hasValue(2);
    assertThat(s.availableSince()).contains(MONDAY);
    assertThat(s.openedAt()).isEqualTo(MONDAY);
    assertThat(s.version()).isEqualTo(1);
    assertThat(s.headHash()).isEqualTo(events.get(0).hash());
    assertThat(s.sop()).isEqualTo(ReferenceSop.definition().key());

    jdbc().append(id, 1, events.subList(1, 3)); // approved, meeting recorded: activity 4 is next
    s = jdbc().summary(id).orElseThrow();
    assertThat(s.currentActivity()).hasValue(4);
    assertThat(s.availableSince()).contains(events.get(2).at());
    assertThat(s.version()).isEqualTo(3);

    jdbc().append(id, 3, events.subList(3, 7));
    s = jdbc().summary(id).orElseThrow();
    assertThat(s.status()).contains(CaseStatus.PUBLISHED);
    assertThat(s.currentActivity()).isEmpty();
    assertThat(s.availableSince()).isEmpty();
    assertThat(s.openedAt()).isEqualTo(MONDAY);
    assertThat(s.headHash()).isEqualTo(events.get(6).hash());
    assertThat(jdbc().summary(CaseId.of("tidak-ada"))).isEmpty();
  }

  @Test
  void casesByStatusOpeningTimeAndOverdue() {
    CaseId published = CaseId.of("a-terbit");
    CaseId meeting = CaseId.of("b-rapat");
    CaseId withdrawn = CaseId.of("c-batal");
    CaseId later = CaseId.of("d-usul-baru");
    CaseId foreign = CaseId.of("e-tak-sesuai-sop");
    Instant wednesday = Instant.parse("2024-03-13T01:00:00Z");
    jdbc().append(published, 0, Histories.happyPath(published, MONDAY, 7));
    jdbc().append(meeting, 0, Histories.happyPath(meeting, MONDAY.plusSeconds(60), 2)); // waits on activity 3
    jdbc().append(withdrawn, 0, Histories.withdrawn(withdrawn, MONDAY.plusSeconds(120)));
    jdbc().append(later, 0, Histories.happyPath(later, wednesday, 1)); // waits on activity 2
    // A history that chains but does not follow the SOP (it starts at activity 4): stored, not summarised.
    jdbc().append(foreign, 0, List.of(RecordedEvent.create(foreign, 1, ReferenceSop.definition().key(),
        CommandId.of("x-1"), Fixtures.STAF, MONDAY, OptionalInt.of(4), new CaseEvent.Summarized("?"),
        HashChain.GENESIS)));

    assertThat(ids(jdbc().casesByStatus(CaseStatus.OPEN))).containsExactly(meeting, later);
    assertThat(ids(jdbc().casesByStatus(CaseStatus.PUBLISHED))).containsExactly(published);
    assertThat(ids(jdbc().casesByStatus(CaseStatus.WITHDRAWN))).containsExactly(withdrawn);
    assertThat(ids(jdbc().casesByStatus(CaseStatus.NEW))).isEmpty();
    CaseSummary f = jdbc().summary(foreign).orElseThrow();
    assertThat(f.status()).isEmpty();
    assertThat(f.currentActivity()).isEmpty();
    assertThat(f.version()).isEqualTo(1);

    // Opened in [from, to): the bound "to" is exclusive, "from" inclusive.
    assertThat(ids(jdbc().casesOpenedBetween(MONDAY, MONDAY.plusSeconds(120))))
        .containsExactly(published, foreign, meeting);
    assertThat(ids(jdbc().casesOpenedBetween(MONDAY.plusSeconds(1), wednesday.plusSeconds(1))))
        .containsExactly(meeting, withdrawn, later);
    assertThat(ids(jdbc().casesOpenedBetween(wednesday.plusSeconds(1), wednesday.plusSeconds(3600)))).isEmpty();
    try (Stream<List<RecordedEvent>> h = jdbc().histories(MONDAY.plusSeconds(1), wednesday)) {
      assertThat(h.map(l -> l.get(0).caseId())).containsExactly(meeting, withdrawn);
    }

    // Overdue, with fixed instants, against core's Deadlines.open on the replayed cases as the oracle.
    Deadlines deadlines = new Deadlines(WorkingCalendar.defaults(ReferenceSop.definition().office().zone()));
    assertThat(overdue(deadlines, MONDAY.plusSeconds(3 * 3600))).isEmpty(); // activity 3 is due Tuesday
    assertThat(overdue(deadlines, wednesday.plusSeconds(3600))).containsExactly(meeting);
    assertThat(overdue(deadlines, Instant.parse("2024-04-30T00:00:00Z"))).containsExactly(meeting, later);
    List<ContentCase> open = Stream.of(meeting, later)
        .map(id -> ContentCase.replay(id, ReferenceSop.definition(), jdbc().load(id))).toList();
    for (Instant at = MONDAY; at.isBefore(Instant.parse("2024-03-20T00:00:00Z")); at = at.plusSeconds(5400)) {
      List<CaseId> expected = new ArrayList<>();
      for (ContentCase c : open) {
        if (deadlines.open(c, ReferenceSop.definition(), at).orElseThrow().status() == TimeStatus.OVERDUE) {
          expected.add(c.id());
        }
      }
      assertThat(overdue(deadlines, at)).as("overdue at %s", at).isEqualTo(expected);
    }
    try (Stream<OverdueCase> o = jdbc().overdue(deadlines, wednesday.plusSeconds(3600))) {
      OverdueCase only = o.findFirst().orElseThrow();
      assertThat(only.activity()).isEqualTo(3);
      ContentCase c = ContentCase.replay(meeting, ReferenceSop.definition(), jdbc().load(meeting));
      assertThat(Optional.of(only.due()))
          .isEqualTo(deadlines.open(c, ReferenceSop.definition(), wednesday).orElseThrow().due());
    }
  }

  @Test
  void casesOfAnOfficeByStatusActivityAndPeriodNewestFirstInPages() {
    SopDefinition other = ReferenceSop.definition().toBuilder()
        .office(new Office("kpu-kota-contoh", "KOMISI PEMILIHAN UMUM KOTA CONTOH",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA CONTOH", java.time.ZoneId.of("Asia/Jayapura")))
        .build();
    REGISTRY.register(other);
    String home = ReferenceSop.definition().office().id();
    CaseId a = CaseId.of("q-a");
    CaseId b = CaseId.of("q-b");
    CaseId c = CaseId.of("q-c");
    CaseId elsewhere = CaseId.of("q-lain");
    jdbc().append(a, 0, Histories.happyPath(a, MONDAY, 7)); // published
    jdbc().append(b, 0, Histories.happyPath(b, MONDAY.plusSeconds(60), 2)); // activity 3
    jdbc().append(c, 0, Histories.happyPath(c, MONDAY.plusSeconds(120), 1)); // activity 2
    List<RecordedEvent> foreign = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (RecordedEvent e : Histories.happyPath(elsewhere, MONDAY.plusSeconds(30), 2)) {
      RecordedEvent moved = RecordedEvent.create(elsewhere, e.sequence(), other.key(), e.commandId(), e.actor(),
          e.at(), e.activity(), e.payload(), previous);
      foreign.add(moved);
      previous = moved.hash();
    }
    jdbc().append(elsewhere, 0, foreign);

    CaseQuery mine = CaseQuery.ofOffice(home);
    assertThat(ids(jdbc().cases(mine))).containsExactly(c, b, a);
    assertThat(jdbc().count(mine)).isEqualTo(3);
    assertThat(ids(jdbc().cases(CaseQuery.ofOffice(other.office().id())))).containsExactly(elsewhere);
    assertThat(ids(jdbc().cases(CaseQuery.all()))).containsExactly(c, b, elsewhere, a);
    assertThat(ids(jdbc().cases(mine.withStatus(CaseStatus.OPEN)))).containsExactly(c, b);
    assertThat(ids(jdbc().cases(mine.withStatus(CaseStatus.PUBLISHED)))).containsExactly(a);
    assertThat(ids(jdbc().cases(mine.withActivity(3)))).containsExactly(b);
    assertThat(jdbc().count(mine.withActivity(3))).isEqualTo(1);
    assertThat(ids(jdbc().cases(mine.openedBetween(Optional.of(MONDAY.plusSeconds(60)),
        Optional.of(MONDAY.plusSeconds(120)))))).containsExactly(b);
    assertThat(ids(jdbc().cases(mine.openedBetween(Optional.empty(), Optional.of(MONDAY.plusSeconds(61))))))
        .containsExactly(b, a);
    assertThat(ids(jdbc().cases(mine.page(1, 1)))).containsExactly(b);
    assertThat(ids(jdbc().cases(mine.page(2, 5)))).containsExactly(a);
    assertThat(ids(jdbc().cases(mine.page(3, 5)))).isEmpty();
    assertThat(jdbc().count(mine.page(2, 1))).isEqualTo(3);
    assertThatThrownBy(() -> mine.page(0, CaseQuery.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The office-scoped overdue list and histories give exactly what the server-wide ones give for that office, and
   * nothing of another office, whatever the calendar of the other office.
   */
  @Test
  void overdueAndHistoriesOfOneOfficeAreTheServerWideOnesFilteredByOffice() {
    SopDefinition other = ReferenceSop.definition().toBuilder()
        .office(new Office("kpu-kota-lain", "KOMISI PEMILIHAN UMUM KOTA LAIN",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA LAIN", java.time.ZoneId.of("Asia/Makassar")))
        .build();
    REGISTRY.register(other);
    String home = ReferenceSop.definition().office().id();
    Instant wednesday = Instant.parse("2024-03-13T01:00:00Z");
    CaseId published = CaseId.of("o-terbit");
    CaseId meeting = CaseId.of("o-rapat");
    CaseId later = CaseId.of("o-usul-baru");
    CaseId away = CaseId.of("o-kantor-lain");
    CaseId awayPublished = CaseId.of("o-kantor-lain-terbit");
    jdbc().append(published, 0, Histories.happyPath(published, MONDAY, 7));
    jdbc().append(meeting, 0, Histories.happyPath(meeting, MONDAY.plusSeconds(60), 2)); // waits on activity 3
    jdbc().append(later, 0, Histories.happyPath(later, wednesday, 1)); // waits on activity 2
    jdbc().append(away, 0, underDefinition(other, Histories.happyPath(away, MONDAY.plusSeconds(30), 2)));
    jdbc().append(awayPublished, 0, underDefinition(other,
        Histories.happyPath(awayPublished, MONDAY.plusSeconds(90), 7)));

    Deadlines deadlines = new Deadlines(WorkingCalendar.defaults(ReferenceSop.definition().office().zone()));
    for (Instant at : List.of(MONDAY.plusSeconds(3 * 3600), wednesday.plusSeconds(3600),
        Instant.parse("2024-04-30T00:00:00Z"))) {
      for (String office : List.of(home, other.office().id(), "kpu-tanpa-kasus")) {
        List<OverdueCase> expected;
        try (Stream<OverdueCase> all = jdbc().overdue(deadlines, at)) {
          expected = all.filter(o -> o.summary().sop().officeId().equals(office)).toList();
        }
        try (Stream<OverdueCase> mine = jdbc().overdue(office, deadlines, at)) {
          assertThat(mine.toList()).as("%s at %s", office, at).isEqualTo(expected);
        }
      }
    }
    assertThat(overdueIds(home, deadlines, Instant.parse("2024-04-30T00:00:00Z"))).containsExactly(meeting, later);
    assertThat(overdueIds(other.office().id(), deadlines, Instant.parse("2024-04-30T00:00:00Z")))
        .containsExactly(away);
    assertThat(overdueIds(home, deadlines, MONDAY.plusSeconds(3 * 3600))).isEmpty();

    Instant end = Instant.parse("2024-04-01T00:00:00Z");
    try (Stream<List<RecordedEvent>> h = jdbc().histories(home, MONDAY, end)) {
      assertThat(h.toList()).containsExactly(jdbc().load(meeting), jdbc().load(published), jdbc().load(later));
    }
    try (Stream<List<RecordedEvent>> h = jdbc().histories(other.office().id(), MONDAY, end)) {
      assertThat(h.toList()).containsExactly(jdbc().load(away), jdbc().load(awayPublished));
    }
    // [from, to): from inclusive, to exclusive, as histories(from, to).
    try (Stream<List<RecordedEvent>> h = jdbc().histories(home, MONDAY.plusSeconds(60), wednesday)) {
      assertThat(h.map(l -> l.get(0).caseId())).containsExactly(meeting);
    }
    try (Stream<List<RecordedEvent>> h = jdbc().histories("kpu-tanpa-kasus", MONDAY, end)) {
      assertThat(h).isEmpty();
    }
    assertThatThrownBy(() -> jdbc().overdue(null, deadlines, MONDAY)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> jdbc().histories(null, MONDAY, end)).isInstanceOf(NullPointerException.class);
  }

  /** {@code events} re-made under {@code definition}'s key, chained anew. */
  private static List<RecordedEvent> underDefinition(SopDefinition definition, List<RecordedEvent> events) {
    List<RecordedEvent> out = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (RecordedEvent e : events) {
      RecordedEvent moved = RecordedEvent.create(e.caseId(), e.sequence(), definition.key(), e.commandId(),
          e.actor(), e.at(), e.activity(), e.payload(), previous);
      out.add(moved);
      previous = moved.hash();
    }
    return out;
  }

  private List<CaseId> overdueIds(String office, Deadlines deadlines, Instant at) {
    try (Stream<OverdueCase> s = jdbc().overdue(office, deadlines, at)) {
      return s.map(o -> o.summary().id()).toList();
    }
  }

  @Test
  void unknownDefinitionIsStoredUnsummarisedAndRefreshedLater() throws Exception {
    CaseId id = CaseId.of("definisi-belum-dikenal");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 3);
    try (JdbcCaseStore blind = database().open(key -> Optional.empty())) {
      blind.append(id, 0, events.subList(0, 2));
      blind.append(id, 2, events.subList(2, 3));
      assertThat(blind.summary(id).orElseThrow().status()).isEmpty();
      assertThat(blind.load(id)).isEqualTo(events);
      assertThat(blind.refreshSummaries()).isZero();
    }
    assertThat(jdbc().refreshSummaries()).isEqualTo(1);
    CaseSummary s = jdbc().summary(id).orElseThrow();
    assertThat(s.status()).contains(CaseStatus.OPEN);
    assertThat(s.currentActivity()).hasValue(4);
    assertThat(jdbc().refreshSummaries()).isZero();
  }

  /**
   * 2,000 small cases (3 events each, one transaction each, appended by {@value #WRITERS} threads; the rate is
   * printed), then streamed back one history at a time: every case once, in id order, complete and with an intact
   * chain.
   */
  @Test
  void historiesStreamManyCasesOneAtATime() throws Exception {
    int cases = 2_000;
    List<RecordedEvent> template = Histories.happyPath(CaseId.of("templat"), MONDAY, 3);
    Map<CaseId, String> heads = new ConcurrentHashMap<>();
    List<List<RecordedEvent>> all = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      CaseId id = CaseId.of(String.format("kasus-%05d", i));
      List<RecordedEvent> events = Histories.copy(template, id, Duration.ofMinutes(i));
      all.add(events);
      heads.put(id, events.get(2).hash());
    }
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int first = w;
        done.add(writers.submit(() -> {
          for (int i = first; i < cases; i += WRITERS) {
            jdbc().append(all.get(i).get(0).caseId(), 0, all.get(i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      writers.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s (%s): %d appends of 3 events (a new case each, one transaction each, %d threads) in"
        + " %.1f s: %.0f appends/s%n", getClass().getSimpleName(), databaseName(), cases, WRITERS, seconds,
        cases / seconds);

    int seen = 0;
    CaseId previous = null;
    try (Stream<List<RecordedEvent>> histories = jdbc().histories()) {
      Iterator<List<RecordedEvent>> it = histories.iterator();
      while (it.hasNext()) {
        List<RecordedEvent> h = it.next();
        CaseId id = h.get(0).caseId();
        assertThat(h).hasSize(3);
        assertThat(HashChain.verify(h, heads.get(id))).as("chain of %s", id).isEmpty();
        if (previous != null) {
          assertThat(id).isGreaterThan(previous);
        }
        previous = id;
        seen++;
      }
    }
    assertThat(seen).isEqualTo(cases);
    // A window of opening times: cases 100 to 199 were opened 100 to 199 minutes after the first.
    try (Stream<List<RecordedEvent>> h = jdbc().histories(MONDAY.plus(Duration.ofMinutes(100)),
        MONDAY.plus(Duration.ofMinutes(200)))) {
      assertThat(h.map(l -> l.get(0).caseId().value()).collect(Collectors.toList()))
          .hasSize(100).startsWith("kasus-00100").endsWith("kasus-00199");
    }
    // Closing a stream early gives its connection back: more streams than the pool has connections.
    for (int i = 0; i < JdbcCaseStore.DEFAULT_POOL_SIZE * 3; i++) {
      try (Stream<List<RecordedEvent>> h = jdbc().histories()) {
        assertThat(h.findFirst()).isPresent();
      }
    }
    assertThat(ids(jdbc().casesByStatus(CaseStatus.OPEN))).hasSize(cases);
  }

  @Test
  void migrationsAreIdempotent() throws SQLException {
    CaseId id = CaseId.of("buka-dua-kali");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 2);
    jdbc().append(id, 0, events);
    try (JdbcCaseStore second = database().open(REGISTRY::find);
        JdbcCaseStore third = database().open(REGISTRY::find)) {
      assertThat(second.load(id)).isEqualTo(events);
      assertThat(third.version(id)).isEqualTo(2);
    }
    MigrationInfoService info = database().flyway().info();
    assertThat(info.applied()).extracting(m -> m.getVersion().getVersion())
        .containsExactly("1", "2", "3", "4", "5", "6");
    assertThat(info.pending()).isEmpty();
    // so the stores opened after the first skip Flyway (JdbcCaseStore.schemaCurrent) on this database too
    try (Connection c = database().connect()) {
      assertThat(JdbcCaseStore.schemaCurrent(c, Dialect.of(c.getMetaData()))).isTrue();
    }
    assertThat(jdbc().load(id)).isEqualTo(events);
  }

  @Test
  void textSurvivesToTheLastUnit() {
    CaseId id = CaseId.of("teks");
    String text = "Tahukah kamu? 😀 “kutipan” — é, ß, 中文, \u0000 NUL, \t tab, \uD800 lone surrogate, \\ \" "
        + "x".repeat(200_000);
    RecordedEvent e = RecordedEvent.create(id, 1, ReferenceSop.definition().key(), CommandId.of("teks-1"),
        Fixtures.STAF, Instant.parse("2024-03-04T01:02:03.123456789Z"), OptionalInt.of(4),
        new CaseEvent.Summarized(text), HashChain.GENESIS);
    jdbc().append(id, 0, List.of(e));
    ImmutableList<RecordedEvent> loaded = jdbc().load(id);
    assertThat(loaded).containsExactly(e);
    assertThat(loaded.get(0).expectedHash()).isEqualTo(e.hash());
  }

  /**
   * Another writer's event 3 is inserted in a transaction left open, so the store's version check still reads
   * version 2; its insert of event 3 then waits on the primary key and, once the other transaction commits, fails
   * with a duplicate key: a conflict carrying the version the case is at, and nothing of the store's written.
   */
  @Test
  void primaryKeyDecidesARaceTheVersionCheckCannotSee() throws Exception {
    CaseId id = CaseId.of("kunci-utama");
    List<RecordedEvent> ours = Histories.happyPath(id, MONDAY, 3);
    jdbc().append(id, 0, ours.subList(0, 2));
    RecordedEvent theirs = RecordedEvent.create(id, 3, ours.get(2).sop(), CommandId.of("penulis-lain-3"),
        ours.get(2).actor(), ours.get(2).at().plusSeconds(1), ours.get(2).activity(), ours.get(2).payload(),
        ours.get(1).hash());
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Connection other = database().connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement("INSERT INTO case_events (case_id, sequence_no,"
          + " sop_office, sop_number, sop_revision, command_id, actor_nip, occurred_at, activity, payload_type,"
          + " event_json, previous_hash, event_hash) VALUES (?, 3, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?)")) {
        ps.setString(1, id.value());
        ps.setString(2, theirs.sop().officeId());
        ps.setString(3, theirs.sop().number());
        ps.setInt(4, theirs.sop().revision());
        ps.setString(5, theirs.commandId().value());
        ps.setString(6, theirs.actor().nip().value());
        ps.setObject(7, LocalDateTime.ofInstant(theirs.at(), ZoneOffset.UTC));
        ps.setString(8, JdbcCaseStore.payloadType(theirs));
        ps.setString(9, new EventJson().write(theirs));
        ps.setString(10, theirs.previousHash());
        ps.setString(11, theirs.hash());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = other.prepareStatement(
          "UPDATE cases SET version = 3, head_hash = ? WHERE case_id = ?")) {
        ps.setString(1, theirs.hash());
        ps.setString(2, id.value());
        ps.executeUpdate();
      }
      Future<Long> append = writer.submit(() -> jdbc().append(id, 2, ours.subList(2, 3)));
      // The store reads version 2 and waits on the key the open transaction holds: commit once it waits.
      awaitALockWait(append, other);
      other.commit();
      assertThatThrownBy(() -> append.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(VersionConflictException.class)
          .satisfies(e -> assertThat(((VersionConflictException) e).actual()).isEqualTo(3));
    } finally {
      writer.shutdownNow();
    }
    // On PostgreSQL the store appends one event onto a cached case in one statement guarded by the summary row:
    // its update waits for the other transaction, then finds the row moved, so no key is ever contested there.
    assertThat(jdbc().keyConflicts()).isEqualTo(databaseName().equals("PostgreSQL") ? 0 : 1);
    assertThat(jdbc().load(id)).containsExactly(ours.get(0), ours.get(1), theirs);
    assertThat(jdbc().summary(id).orElseThrow().headHash()).isEqualTo(theirs.hash());
  }

  /**
   * Two stores on one database (two processes, say) take turns on one case, so each one's cached snapshot is one
   * event behind whenever it appends: every append still lands on the stored head, and each store reads back the
   * other's events and summary.
   */
  @Test
  void twoStoresTakingTurnsOnOneCaseNeverActOnAStaleSnapshot() throws Exception {
    CaseId id = CaseId.of("bergantian");
    List<RecordedEvent> events = Histories.happyPath(id, MONDAY, 7);
    try (JdbcCaseStore other = database().open(REGISTRY::find)) {
      for (int i = 0; i < events.size(); i++) {
        JdbcCaseStore writer = i % 2 == 0 ? jdbc() : other;
        // Each store has read the case before, so it holds a snapshot that the other's append makes stale.
        assertThat(writer.load(id)).hasSize(i);
        assertThat(writer.append(id, i, events.subList(i, i + 1))).isEqualTo(i + 1);
        JdbcCaseStore late = i % 2 == 0 ? other : jdbc();
        // The store that did not write refuses to append at the version it last saw.
        RecordedEvent stale = events.get(i);
        long seen = i;
        assertThatThrownBy(() -> late.append(id, seen, List.of(stale)))
            .isInstanceOf(VersionConflictException.class);
      }
      assertThat(other.load(id)).isEqualTo(events);
      assertThat(jdbc().load(id)).isEqualTo(events);
      assertThat(jdbc().summary(id).orElseThrow().version()).isEqualTo(events.size());
      assertThat(other.summary(id).orElseThrow().headHash()).isEqualTo(events.get(events.size() - 1).hash());
    }
  }

  @Test
  void aRowThatDoesNotHoldItsEventIsReported() throws SQLException {
    CaseId id = CaseId.of("baris-rusak");
    jdbc().append(id, 0, Histories.happyPath(id, MONDAY, 2));
    RecordedEvent foreign = Histories.happyPath(CaseId.of("kasus-lain"), MONDAY, 1).get(0);
    for (String line : List.of("{\"v\":1}", new EventJson().write(foreign))) {
      try (Connection c = database().connect(); PreparedStatement ps = c.prepareStatement(
          "UPDATE case_events SET event_json = ? WHERE case_id = ? AND sequence_no = ?")) {
        ps.setString(1, line);
        ps.setString(2, id.value());
        ps.setLong(3, 2);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      try (JdbcCaseStore fresh = database().open(REGISTRY::find)) {
        assertThatThrownBy(() -> fresh.load(id)).isInstanceOfSatisfying(JdbcStoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcStoreException.Kind.CORRUPT_ROW);
          assertThat(e.code()).isEqualTo("JDIH-JDBC-003");
          assertThat(e.text().id()).contains("baris-rusak").contains("tidak memuat");
          assertThat(e.text().en()).contains("baris-rusak").contains("does not hold");
        });
      }
    }
  }

  @Test
  void caseIdsAreCaseSensitiveAndInCodePointOrder() {
    List<CaseId> ids = Stream.of("kasus-a", "Kasus-A", "a_1", "a-1", "A1", "a1", "Z", "_")
        .map(CaseId::of).toList();
    RecordedEvent first = Histories.happyPath(CaseId.of("x"), MONDAY, 1).get(0);
    for (CaseId id : ids) {
      assertThat(jdbc().append(id, 0, Histories.copy(List.of(first), id, Duration.ZERO))).isEqualTo(1);
    }
    try (Stream<CaseId> s = jdbc().caseIds()) {
      assertThat(s).containsExactlyElementsOf(ids.stream().sorted().toList());
    }
    for (CaseId id : ids) {
      assertThat(jdbc().load(id)).hasSize(1).allSatisfy(e -> assertThat(e.caseId()).isEqualTo(id));
    }
  }

  private static List<CaseId> ids(Stream<CaseSummary> s) {
    try (s) {
      return s.map(CaseSummary::id).toList();
    }
  }

  private List<CaseId> overdue(Deadlines deadlines, Instant at) {
    try (Stream<OverdueCase> s = jdbc().overdue(deadlines, at)) {
      return s.map(o -> o.summary().id()).toList();
    }
  }

  /**
   * Returns once the database shows a session waiting for a lock that {@code holder}'s open transaction holds (or
   * {@code append} ended, which the test then reports): PostgreSQL's {@code pg_blocking_pids}, InnoDB's lock waits,
   * H2's sessions. On the servers only a wait on {@code holder} counts, so other work on the same server (other
   * tests, other builds) cannot make the test commit early; it fails after 60 s without such a wait.
   */
  private void awaitALockWait(Future<?> append, Connection holder) throws Exception {
    String self = switch (databaseName()) {
      case "PostgreSQL" -> "SELECT pg_backend_pid()";
      case "MariaDB" -> "SELECT CONNECTION_ID()";
      default -> "SELECT SESSION_ID()";
    };
    long holderId;
    try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery(self)) {
      rs.next();
      holderId = rs.getLong(1);
    }
    String sql = switch (databaseName()) {
      case "PostgreSQL" ->
          "SELECT COUNT(*) FROM pg_stat_activity WHERE CAST(? AS INTEGER) = ANY(pg_blocking_pids(pid))";
      case "MariaDB" -> "SELECT COUNT(*) FROM information_schema.innodb_lock_waits w"
          + " JOIN information_schema.innodb_trx b ON b.trx_id = w.blocking_trx_id WHERE b.trx_mysql_thread_id = ?";
      // H2 (a database of this test's own, so no other work runs on it) shows a session blocked on a row lock as one
      // still executing its statement; its BLOCKER_ID stays empty for a wait on a row.
      default -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
          + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO case_events%' AND SESSION_ID <> ?";
    };
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Connection c = database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, holderId);
      while (!append.isDone()) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        assertThat(System.nanoTime()).as("no session waited for the lock within 60 s").isLessThan(until);
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    }
  }
}
