package id.go.kpu.jdih.benchmarks.postgres;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kpu.jdih.benchmarks.flow.JdihEngine;
import id.go.kpu.jdih.benchmarks.flow.ReferenceCase;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PostgreSQL: appends per second through jdih-store-jdbc, against a raw-JDBC baseline on the same server, in the
 * same run. The server and its schema: {@link BenchPostgres} ({@code $JDIH_BENCH_POSTGRES_URL}, or
 * the local server; schema {@value BenchPostgres#SCHEMA}, created fresh at set-up and dropped at tear-down). If the
 * server cannot be reached, set-up fails with a message that says so.
 *
 * <ul>
 *   <li>{@code jdihAppend}: one {@link JdbcCaseStore#append} of one event with the right expected version. The
 *       events are those of the reference case (nine, {@link ReferenceCase}), recorded by running it on jdih in
 *       memory once at set-up, then chained again for each new case id (same payloads, actors and times; the
 *       case's id and command ids, and so the hash chain, are new). So every append passes the store's
 *       {@code AppendCheck}, and a new case starts every nine appends, as in real use. What the store does per
 *       append: read the case's head row, check the chain (recomputing the event's hash), encode the event as JSON,
 *       fold it into the case's summary, insert the event row and insert or update the summary row, commit. The
 *       re-chaining is done outside the measured calls, at each iteration's set-up, for more cases than the
 *       previous iterations used; should they run out, more are made inside the measured call.
 *   <li>{@code rawInsert}: the baseline. One single-row {@code INSERT} per transaction (auto-commit) into its own
 *       table {@code raw_events(case_id, sequence_no, event_json, event_hash)} with the primary key
 *       {@code (case_id, sequence_no)} as jdih's {@code case_events}, the same column types for those columns, and
 *       per row the same JSON jdih stores for that event (encoded once at set-up by jdih-event-json) and its hash.
 *       Nine rows per case id, as on the jdih side.
 * </ul>
 *
 * <p><b>Connections, the same for both:</b> a HikariCP pool of {@value JdbcCaseStore#DEFAULT_POOL_SIZE} on the same
 * URL with the same settings as the store's own pool ({@link BenchPostgres#pool}); each operation borrows a
 * connection, prepares its statements (PgJDBC caches them per connection) and hands it back, as the store does.
 * One thread, so one connection is in use. The ratio to report is {@code jdihAppend / rawInsert}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Threads(1)
public class PostgresAppendBenchmark {

  /** Events per case: the reference case's nine. */
  static final int EVENTS_PER_CASE = 9;
  /** Cases made ready before the first iteration. */
  static final int FIRST_BATCH = 1_000;

  /** The case ids of both sides: fixed width, so rows are the same size from case to case. */
  static CaseId caseId(long n) {
    return CaseId.of(String.format(Locale.ROOT, "case-%08d", n));
  }

  /** The reference case's events, recorded by jdih in memory on a case id as wide as {@link #caseId}'s. */
  static List<RecordedEvent> referenceEvents() {
    JdihEngine engine = new JdihEngine(Clock.systemUTC());
    CaseId id = CaseId.of("case-template");
    engine.run(id, ReferenceCase.steps());
    List<RecordedEvent> events = engine.store().load(id);
    if (events.size() != EVENTS_PER_CASE) {
      throw new IllegalStateException("the reference case recorded " + events.size() + " events");
    }
    return events;
  }

  /** {@code template}'s events on case {@code id}: the same content, new command ids, a new hash chain. */
  static List<RecordedEvent> rechain(List<RecordedEvent> template, CaseId id) {
    List<RecordedEvent> out = new ArrayList<>(template.size());
    String previous = HashChain.GENESIS;
    for (RecordedEvent t : template) {
      RecordedEvent e = RecordedEvent.create(id, t.sequence(), t.sop(),
          CommandId.of(id.value() + "." + (t.sequence() - 1)), t.actor(), t.at(), t.activity(), t.payload(),
          previous);
      out.add(e);
      previous = e.hash();
    }
    return List.copyOf(out);
  }

  /** jdih-store-jdbc on PostgreSQL, and the cases to append, chained ahead. */
  @State(Scope.Thread)
  public static class Jdih {
    JdbcCaseStore store;
    List<RecordedEvent> template;
    final ArrayDeque<List<RecordedEvent>> ready = new ArrayDeque<>();
    List<RecordedEvent> current;
    int index = EVENTS_PER_CASE;
    long nextCase;
    long casesAtIterationStart;
    long mostCasesInAnIteration;
    long chainedInside;

    @Setup(Level.Trial)
    public void setUp() {
      BenchPostgres.recreateSchema();
      template = referenceEvents();
      SopRegistry registry = SopRegistry.withReference();
      // As an embedder opens it; the store migrates the empty schema with Flyway.
      store = JdbcCaseStore.open(BenchPostgres.schemaUrl(), null, null, registry::find);
      // A first case through the store and back, as a check: nine appends, then the same nine events loaded.
      List<RecordedEvent> check = rechain(template, CaseId.of("check"));
      for (RecordedEvent e : check) {
        store.append(e.caseId(), e.sequence() - 1, List.of(e));
      }
      if (!store.load(CaseId.of("check")).equals(check)) {
        throw new IllegalStateException("the store did not give back the events appended");
      }
    }

    // Per iteration, not per invocation: JMH's Level.Invocation Javadoc says that level "is only usable for
    // benchmarks taking more than a millisecond per single Benchmark method invocation", and an append can be less.
    @Setup(Level.Iteration)
    public void chainAhead() {
      long want = Math.max(FIRST_BATCH, 3 * mostCasesInAnIteration);
      long n = nextCase + ready.size();
      while (ready.size() < want) {
        ready.add(rechain(template, caseId(n++)));
      }
      casesAtIterationStart = nextCase;
    }

    @TearDown(Level.Iteration)
    public void count() {
      mostCasesInAnIteration = Math.max(mostCasesInAnIteration, nextCase - casesAtIterationStart);
    }

    /** The next event to append: the next of the current case, or the first of a new case. */
    RecordedEvent next() {
      if (index == EVENTS_PER_CASE) {
        current = ready.poll();
        if (current == null) {
          chainedInside++;
          current = rechain(template, caseId(nextCase));
        }
        nextCase++;
        index = 0;
      }
      return current.get(index++);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (chainedInside > 0) {
        System.out.println("note: " + chainedInside + " cases were chained inside the measured calls");
      }
      if (store != null) {
        store.close();
      }
      BenchPostgres.dropSchema();
    }
  }

  /** The raw-JDBC baseline: its own table, the same JSON and hashes. */
  @State(Scope.Thread)
  public static class Raw {
    static final String INSERT =
        "INSERT INTO raw_events (case_id, sequence_no, event_json, event_hash) VALUES (?, ?, ?, ?)";

    HikariDataSource pool;
    String[] json;
    String[] hash;
    String caseId;
    int index = EVENTS_PER_CASE;
    long nextCase;

    @Setup(Level.Trial)
    public void setUp() {
      BenchPostgres.recreateSchema();
      // The same types as jdih's case_events (postgresql/V1__events_and_cases.sql) for these columns.
      BenchPostgres.execute("CREATE TABLE " + BenchPostgres.SCHEMA + ".raw_events ("
          + " case_id VARCHAR(64) COLLATE \"C\" NOT NULL,"
          + " sequence_no BIGINT NOT NULL,"
          + " event_json TEXT NOT NULL,"
          + " event_hash CHAR(64) NOT NULL,"
          + " CONSTRAINT raw_events_pk PRIMARY KEY (case_id, sequence_no))");
      List<RecordedEvent> events = rechain(referenceEvents(), caseId(0));
      EventJson encoder = new EventJson();
      json = events.stream().map(encoder::write).toArray(String[]::new);
      hash = events.stream().map(RecordedEvent::hash).toArray(String[]::new);
      pool = BenchPostgres.pool("raw-baseline");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (pool != null) {
        pool.close();
      }
      BenchPostgres.dropSchema();
    }
  }

  @Benchmark
  public long jdihAppend(Jdih s) {
    RecordedEvent e = s.next();
    return s.store.append(e.caseId(), e.sequence() - 1, List.of(e));
  }

  @Benchmark
  public int rawInsert(Raw s) throws SQLException {
    if (s.index == EVENTS_PER_CASE) {
      s.caseId = caseId(s.nextCase++).value();
      s.index = 0;
    }
    int i = s.index++;
    try (Connection c = s.pool.getConnection(); PreparedStatement ps = c.prepareStatement(Raw.INSERT)) {
      ps.setString(1, s.caseId);
      ps.setLong(2, i + 1);
      ps.setString(3, s.json[i]);
      ps.setString(4, s.hash[i]);
      return ps.executeUpdate();
    }
  }
}
