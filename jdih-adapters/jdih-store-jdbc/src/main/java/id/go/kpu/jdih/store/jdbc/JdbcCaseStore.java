package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterators;
import com.google.common.collect.PeekingIterator;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.store.AppendCheck;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InvalidAppendException;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CaseStore} in a relational database: H2 in file mode (the embedded default, {@link #h2File}),
 * PostgreSQL 15 or MariaDB 10.11 ({@link #open(String, String, String, Function)}). The schema is described in
 * the {@linkplain id.go.kpu.jdih.store.jdbc package description}; it is created and kept up to date by Flyway
 * when the store opens.
 *
 * <p><b>Appending.</b> One transaction per append, at READ COMMITTED: it reads the case's row in {@code cases}
 * (version and head hash), refuses a wrong expected version with {@link VersionConflictException}, runs
 * {@link AppendCheck#check} against that head, inserts the events as sequences {@code v+1 .. v+n} and writes the
 * case's summary row. The primary key {@code (case_id, sequence_no)} is what decides a race: of two writers that
 * read the same version, the second one's insert violates it (SQLState 23505; MariaDB error 1062), its transaction
 * is rolled back, and it gets a {@link VersionConflictException} carrying the version the case is now at. A
 * deadlock or lock time-out is retried a few times when the case is still at the expected version. Nothing
 * is written unless everything is. Every statement binds its values as parameters. {@link JdbcStorage} appends
 * through the same path and inserts a command's publication intents in the same transaction, before the commit.
 *
 * <p>On PostgreSQL, one event appended to a new case, or to a case whose events this store has cached (the usual
 * case when a {@code CaseService} loads, decides and appends), is written with one statement instead: a
 * data-modifying {@code WITH} moves the summary row from the expected version and head hash to the new ones (or
 * inserts it, for a new case) and inserts the event row only from the row it moved. One round trip and one commit,
 * the same guarantees: if another writer was first the summary row is no longer where the cache said, nothing is
 * written, and the append goes the general way above, which reports the conflict.
 *
 * <p><b>Summaries.</b> To fill the {@code cases} row, the store folds the case's events over its definition,
 * found with the {@code definitions} function given at opening (e.g. {@code registry::find}). A history that
 * does not fold (unknown definition, or events that break it) is stored all the same, with an empty status: see
 * {@link CaseSummary} and {@link #refreshSummaries()}.
 *
 * <p><b>Cache.</b> The events (and folded state) of the 1,000 most recently used cases are kept
 * in memory, as the file store does, so that reading a case again decodes only the events appended since. The
 * cache is checked against the database on every read: {@link #load} asks for the rows from the last cached
 * sequence on, and uses the cache only if that row is still there with the same hash; an append uses it only if
 * the case's version and head hash in the {@code cases} row match it. A fresh process (or another store)
 * always reads everything from the database.
 *
 * <p><b>Queries and streams.</b> {@link #caseIds()}, {@link #casesByStatus}, {@link #casesOpenedBetween},
 * {@link #overdue} and {@link #histories()} return streams that hold a pooled connection and an open result set
 * read {@link #DEFAULT_FETCH_SIZE} rows at a time: close them (try-with-resources). Each holds one connection
 * until closed, so do not keep more of them open at once than the pool has connections.
 *
 * <p>Thread-safe. Close the store to close its connection pool ({@link #open(DataSource, Function)} leaves a
 * caller's data source open).
 */
public final class JdbcCaseStore implements CaseStore, AutoCloseable {

  /** Connections in the pool the factory methods create. */
  public static final int DEFAULT_POOL_SIZE = 4;
  /** Rows fetched per round trip by the streaming queries. */
  public static final int DEFAULT_FETCH_SIZE = 500;
  /** The name of Flyway's schema history table, so that the store's migrations do not mix with an app's own. */
  public static final String SCHEMA_HISTORY_TABLE = "jdih_schema_history";

  static final int CACHED_CASES = 1_000;
  /** Cases per query of {@link #loadAll}: bind parameters stay far below every database's limit. */
  static final int LOAD_ALL_CHUNK = 500;
  private static final int MAX_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCaseStore.class);

  private static final String EVENT_COLUMNS = "case_id, sequence_no, sop_office, sop_number, sop_revision,"
      + " command_id, actor_nip, occurred_at, activity, payload_type, event_json, previous_hash, event_hash";
  private static final String EVENT_INSERT = "INSERT INTO case_events (" + EVENT_COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String EVENTS_OF_CASE = "SELECT sequence_no, event_hash, event_json FROM case_events"
      + " WHERE case_id = ? AND sequence_no >= ? AND sequence_no <= ? ORDER BY sequence_no";
  private static final String HEAD = "SELECT version, head_hash, status, sop_office, sop_number, sop_revision"
      + " FROM cases WHERE case_id = ?";
  private static final String VERSION = "SELECT version FROM cases WHERE case_id = ?";
  private static final String SUMMARY_COLUMNS = "case_id, sop_office, sop_number, sop_revision, status,"
      + " current_activity, available_since, opened_at, version, head_hash";
  private static final String SUMMARY_INSERT = "INSERT INTO cases (" + SUMMARY_COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SUMMARY_UPDATE = "UPDATE cases SET status = ?, current_activity = ?,"
      + " available_since = ?, version = ?, head_hash = ? WHERE case_id = ? AND version = ?";
  private static final String SUMMARY_REFRESH = "UPDATE cases SET status = ?, current_activity = ?,"
      + " available_since = ? WHERE case_id = ? AND version = ? AND status IS NULL";
  // PostgreSQL only: one event in one statement, so one round trip and one implicit transaction, as a plain INSERT.
  // A data-modifying WITH runs its sub-statement even when the outer statement does not read it, and all parts see
  // one snapshot ("Data-Modifying Statements in WITH", PostgreSQL 15 manual, 7.8.4): the event row is inserted from
  // the summary row the same statement inserted or moved, so it is inserted only if the summary was new, or at the
  // expected version and head. Both tables change together or neither does.
  private static final String PG_EVENT_FROM = " INSERT INTO case_events (" + EVENT_COLUMNS + ")"
      + " SELECT summary.case_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM summary";
  private static final String PG_OPEN_CASE = "WITH summary AS (" + SUMMARY_INSERT + " RETURNING case_id)"
      + PG_EVENT_FROM;
  private static final String PG_APPEND_TO_CASE = "WITH summary AS (" + SUMMARY_UPDATE + " AND head_hash = ?"
      + " RETURNING case_id)" + PG_EVENT_FROM;
  private static final String HISTORY_COLUMNS = "e.case_id, e.sequence_no, e.event_json";

  private final DataSource dataSource;
  /** The pool the store opened and closes; null on a caller's data source. */
  private final HikariPool pool;
  private final Dialect dialect;
  private final Function<SopKey, Optional<SopDefinition>> definitions;
  private final EventJson json = new EventJson();
  private final AtomicLong keyConflicts = new AtomicLong();
  private final ConcurrentMap<CaseId, Snapshot> cache =
      CacheBuilder.newBuilder().maximumSize(CACHED_CASES).<CaseId, Snapshot>build().asMap();

  private JdbcCaseStore(DataSource dataSource, HikariPool pool,
      Function<SopKey, Optional<SopDefinition>> definitions) {
    this.dataSource = dataSource;
    this.pool = pool;
    this.definitions = definitions;
    try (Connection c = dataSource.getConnection()) {
      this.dialect = Dialect.of(c.getMetaData());
    } catch (SQLException e) {
      throw failure("membuka basis data", "opening the database", e);
    }
    if (!schemaCurrent(dataSource, dialect)) {
      migrate(dataSource, dialect);
    }
  }

  /**
   * Opens (creating it if needed) the embedded H2 database {@code jdih} in {@code dir}, pooled, and brings its
   * schema up to date. Only one process at a time can open an H2 file database. Needs {@code com.h2database:h2}
   * and {@code com.zaxxer:HikariCP} on the class path (optional dependencies of this module: add them).
   *
   * @param dir the folder of the database files; created if missing
   * @param definitions finds the definition a case runs under, for the summaries (e.g. {@code registry::find})
   * @throws JdbcStoreException if the database cannot be opened or migrated; of kind
   *     {@link JdbcStoreException.Kind#MISSING_LIBRARY MISSING_LIBRARY}, naming the artifact, if H2 or HikariCP
   *     is missing
   */
  public static JdbcCaseStore h2File(Path dir, Function<SopKey, Optional<SopDefinition>> definitions) {
    checkNotNull(dir, "dir");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new JdbcStoreException(JdbcStoreException.Kind.DATABASE_FAILURE, Text.of(
          "Folder basis data %s tidak dapat dibuat: %s", "The database folder %s cannot be created: %s")
          .format(dir, e.getMessage()), e);
    }
    return open(h2FileUrl(dir), null, null, definitions);
  }

  /**
   * The JDBC URL {@link #h2File} opens: the H2 database {@code jdih} in {@code dir}, with
   * {@code WRITE_DELAY=0} (each commit is written to the database file before it returns, so a committed append
   * survives the process being killed; H2 does not force it to the disk, so a power cut may still lose the
   * last commits) and {@code LAZY_QUERY_EXECUTION=TRUE} (the streaming queries read rows as they go instead of
   * materialising the result).
   */
  public static String h2FileUrl(Path dir) {
    String path = checkNotNull(dir, "dir").toAbsolutePath().resolve("jdih").toString();
    checkArgument(path.indexOf(';') < 0, "the database folder must not contain ';': %s", path);
    // h2database TransactionStore.commit: "if (wasStored || store.getAutoCommitDelay() == 0) store.commit()",
    // i.e. with WRITE_DELAY=0 the MVStore writes its changes on every transaction commit.
    return "jdbc:h2:file:" + path + ";WRITE_DELAY=0;LAZY_QUERY_EXECUTION=TRUE";
  }

  /**
   * Opens a store on {@code jdbcUrl} (H2, PostgreSQL or MariaDB) through a HikariCP pool of
   * {@value #DEFAULT_POOL_SIZE} connections (READ COMMITTED) and brings the schema up to date. Needs
   * {@code com.zaxxer:HikariCP} and the database's JDBC driver ({@code com.h2database:h2},
   * {@code org.postgresql:postgresql} or {@code org.mariadb.jdbc:mariadb-java-client}) on the class path: they are
   * optional dependencies of this module, so add them (see the {@linkplain id.go.kpu.jdih.store.jdbc package
   * description}).
   *
   * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example:5432/jdih} or {@code jdbc:mariadb://db.example/jdih}
   * @param user the user; {@code null} to leave it to the URL
   * @param password the password; {@code null} to leave it to the URL
   * @param definitions finds the definition a case runs under, for the summaries (e.g. {@code registry::find})
   * @throws JdbcStoreException if the database cannot be reached, is not supported, or cannot be migrated; of kind
   *     {@link JdbcStoreException.Kind#MISSING_LIBRARY MISSING_LIBRARY}, naming the artifact, if HikariCP or the
   *     driver is missing
   */
  public static JdbcCaseStore open(String jdbcUrl, String user, String password,
      Function<SopKey, Optional<SopDefinition>> definitions) {
    checkNotNull(jdbcUrl, "jdbcUrl");
    checkNotNull(definitions, "definitions");
    HikariPool pool = HikariPool.open(jdbcUrl, user, password, DEFAULT_POOL_SIZE, redact(jdbcUrl));
    try {
      return new JdbcCaseStore(pool.dataSource(), pool, definitions);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Opens a store on a data source the caller configured and owns (an app server's pool, say) and brings the
   * schema up to date. For its transactions the store turns auto-commit off and sets READ COMMITTED on the
   * connection it borrows, and restores both before handing it back; {@link #close()} does not close the data
   * source. Needs neither HikariCP nor a driver from this module: the data source brings its own.
   *
   * @param definitions finds the definition a case runs under, for the summaries (e.g. {@code registry::find})
   * @throws JdbcStoreException if the database is not supported or cannot be migrated
   */
  public static JdbcCaseStore open(DataSource dataSource, Function<SopKey, Optional<SopDefinition>> definitions) {
    return new JdbcCaseStore(checkNotNull(dataSource, "dataSource"), null, checkNotNull(definitions, "definitions"));
  }

  /**
   * The versions of this module's migrations ({@code db/migration/common} and each database's folder; every
   * database has the same versions). {@code SchemaCurrentTest} checks it against the scripts.
   */
  static final ImmutableSet<String> MIGRATION_VERSIONS = ImmutableSet.of("1", "2", "3", "4", "5", "6");

  /**
   * True if the schema history already holds every migration of {@link #MIGRATION_VERSIONS}, each successful, and
   * nothing else: then Flyway has nothing to do, and is not started (configuring Flyway and scanning the class path
   * for the scripts takes most of a short-lived process's start-up, the command line's for one). One query; any
   * doubt (no history table, a failed or unknown migration, an error) leaves the decision to Flyway, which also
   * validates the applied scripts' checksums. Not checked here: a script changed after it was applied.
   */
  private static boolean schemaCurrent(DataSource dataSource, Dialect dialect) {
    try (Connection c = dataSource.getConnection()) {
      return schemaCurrent(c, dialect);
    } catch (SQLException e) {
      LOG.debug("Schema history not read ({}); Flyway decides", e.getMessage());
      return false;
    }
  }

  /** {@link #schemaCurrent(DataSource, Dialect)} on a connection, which it leaves open. */
  static boolean schemaCurrent(Connection c, Dialect dialect) throws SQLException {
    if (!hasTable(c, SCHEMA_HISTORY_TABLE)) {
      return false;
    }
    boolean autoCommit = c.getAutoCommit();
    Set<String> applied = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + dialect.quote(SCHEMA_HISTORY_TABLE))) {
      while (rs.next()) {
        String version = rs.getString("version");
        if (!rs.getBoolean("success") || (version != null && !applied.add(version))) {
          return false;
        }
      }
    } finally {
      if (!autoCommit) {
        c.rollback(); // nothing was written; ends the read's transaction on a caller's data source
      }
    }
    return applied.equals(MIGRATION_VERSIONS);
  }

  // Flyway's history table, in the connection's own catalog and schema (where Flyway puts it).
  private static boolean hasTable(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), table, new String[] {"TABLE"})) {
      while (rs.next()) {
        if (table.equals(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    try {
      // Flyway API (flyway-core 11, FluentConfiguration): locations(String...) are scanned for V<n>__*.sql with
      // a "classpath:" prefix; table(String) names the schema history table; cleanDisabled(true) makes clean()
      // refuse to drop anything (the default since Flyway 10, stated here on purpose); failOnMissingLocations
      // fails instead of silently migrating nothing when the scripts are missing from the class path.
      Flyway.configure(JdbcCaseStore.class.getClassLoader())
          .dataSource(dataSource)
          .locations(Dialect.commonMigrations(), dialect.migrations())
          .table(SCHEMA_HISTORY_TABLE)
          .cleanDisabled(true)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new JdbcStoreException(JdbcStoreException.Kind.MIGRATION_FAILED, Text.of(
          "Skema basis data tidak dapat diperbarui: %s", "The database schema cannot be migrated: %s")
          .format(e.getMessage()), e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // CaseStore

  @Override
  public ImmutableList<RecordedEvent> load(CaseId id) {
    checkNotNull(id, "id");
    try (Tx tx = tx(false)) {
      return read(tx.con, id, Long.MAX_VALUE);
    } catch (SQLException e) {
      throw failure("memuat kasus " + id, "loading case " + id, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here one query per 500 cases ({@code case_id IN (...)} on the primary key, ordered by
   * case and sequence) instead of one per case; the histories read are cached as {@link #load} caches them.
   */
  @Override
  public ImmutableMap<CaseId, ImmutableList<RecordedEvent>> loadAll(Collection<CaseId> ids) {
    checkNotNull(ids, "ids");
    List<CaseId> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    distinct.forEach(id -> checkNotNull(id, "an id is null"));
    Map<CaseId, ImmutableList.Builder<RecordedEvent>> found = new HashMap<>();
    try (Tx tx = tx(false)) {
      for (int from = 0; from < distinct.size(); from += LOAD_ALL_CHUNK) {
        List<CaseId> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOAD_ALL_CHUNK));
        String sql = "SELECT case_id, sequence_no, event_json FROM case_events WHERE case_id IN ("
            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY case_id, sequence_no";
        try (PreparedStatement ps = tx.con.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i).value());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              CaseId id = caseId(rs.getString(1));
              found.computeIfAbsent(id, k -> ImmutableList.builder())
                  .add(decode(id, rs.getLong(2), rs.getString(3)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw failure("memuat " + distinct.size() + " kasus", "loading " + distinct.size() + " cases", e);
    }
    ImmutableMap.Builder<CaseId, ImmutableList<RecordedEvent>> out = ImmutableMap.builder();
    for (CaseId id : distinct) {
      ImmutableList.Builder<RecordedEvent> events = found.get(id);
      if (events != null) {
        ImmutableList<RecordedEvent> history = events.build();
        remember(id, new Snapshot(history, null));
        out.put(id, history);
      }
    }
    return out.buildOrThrow();
  }

  @Override
  public long append(CaseId id, long expectedVersion, List<RecordedEvent> events) {
    return append(id, expectedVersion, events, null);
  }

  /**
   * Work that {@link #append(CaseId, long, List, InTransaction)} does in the append's own transaction, after the
   * events and the summary row are written and before the commit.
   */
  @FunctionalInterface
  interface InTransaction {
    /** Runs on the append's connection; an exception rolls the whole append back. */
    void run(Connection con) throws SQLException;
  }

  /**
   * {@link #append(CaseId, long, List)}, running {@code also} (if not null) in the same database transaction, so
   * that its writes and the events are committed together or not at all (for {@link JdbcStorage}). With work to
   * do the general path is taken, never PostgreSQL's one-statement path; a deadlock or lock time-out retries the
   * whole transaction, {@code also} included. Conflicts and refused events are reported exactly as without it,
   * and before {@code also} runs. The cache learns the new events only after the commit.
   */
  long append(CaseId id, long expectedVersion, List<RecordedEvent> events, InTransaction also) {
    checkNotNull(id, "id");
    for (int attempt = 1; ; attempt++) {
      try {
        return tryAppend(id, expectedVersion, events, also);
      } catch (SQLException e) {
        boolean duplicate = Dialect.isDuplicateKey(e);
        if (duplicate || Dialect.isTransient(e)) {
          long actual;
          try {
            actual = version(id);
          } catch (JdbcStoreException x) {
            x.addSuppressed(e);
            throw x;
          }
          if (actual != expectedVersion) {
            if (duplicate) {
              keyConflicts.incrementAndGet();
            }
            throw new VersionConflictException(id, expectedVersion, actual);
          }
          if (attempt < MAX_ATTEMPTS) {
            LOG.debug("append to case {} at version {} retried after {}", LogSafe.of(id), expectedVersion,
                LogSafe.of(e.getSQLState()));
            continue;
          }
        }
        throw failure("menambah peristiwa ke kasus " + id, "appending events to case " + id, e);
      }
    }
  }

  private long tryAppend(CaseId id, long expectedVersion, List<RecordedEvent> events, InTransaction also)
      throws SQLException {
    if (also == null && dialect == Dialect.POSTGRESQL && events != null && events.size() == 1) {
      long after = tryAppendInOneStatement(id, expectedVersion, events);
      if (after > 0) {
        return after;
      }
    }
    try (Tx tx = tx(true)) {
      Head head = head(tx.con, id);
      long actual = head == null ? 0 : head.version();
      if (actual != expectedVersion) {
        throw new VersionConflictException(id, expectedVersion, actual);
      }
      AppendCheck.check(id, expectedVersion, head == null ? HashChain.GENESIS : head.hash(), events);
      List<String> lines = encode(events);
      Snapshot before = head == null ? Snapshot.EMPTY : cachedAt(id, head);
      ContentCase state = fold(tx.con, id, head, before, events);
      insertEvents(tx.con, events, lines);
      long after = expectedVersion + events.size();
      RecordedEvent last = events.get(events.size() - 1);
      if (head == null) {
        insertSummary(tx.con, events.get(0), state, after, last.hash());
      } else if (updateSummary(tx.con, id, expectedVersion, state, after, last.hash()) != 1) {
        // Cannot happen while the events' primary key holds; treated as a lost race all the same.
        throw new SQLException("the summary of case " + id + " moved during the append", "40001");
      }
      if (also != null) {
        also.run(tx.con);
      }
      tx.commit();
      if (before != null) {
        remember(id, new Snapshot(ImmutableList.<RecordedEvent>builderWithExpectedSize((int) after)
            .addAll(before.events()).addAll(events).build(), state));
      }
      return after;
    }
  }

  /**
   * Appends one event with one PostgreSQL statement when the case's state is known without asking the database: a
   * new case (version 0, nothing cached) or the snapshot this store cached at the expected version. Returns the new
   * version, or 0 when it did not apply (no such snapshot, an event that does not fold or chain onto it, or a
   * summary row that is no longer at the cached version and head because another writer was first): then the
   * general path reads the head and decides, so errors and conflicts are reported exactly as there. A duplicate
   * key (the case was opened meanwhile) is thrown as on the general path.
   */
  private long tryAppendInOneStatement(CaseId id, long expectedVersion, List<RecordedEvent> events)
      throws SQLException {
    Snapshot before = expectedVersion == 0 ? Snapshot.EMPTY : cache.get(id);
    if (before == null || before.version() != expectedVersion || (expectedVersion > 0 && before.state() == null)
        || (expectedVersion == 0 && cache.containsKey(id))) {
      return 0;
    }
    RecordedEvent e = events.get(0);
    try {
      AppendCheck.check(id, expectedVersion, before.head(), events);
    } catch (InvalidAppendException x) {
      return 0;
    }
    SopKey key = expectedVersion == 0 ? e.sop() : before.events().get(0).sop();
    Optional<SopDefinition> definition = definition(key);
    if (definition.isEmpty()) {
      return 0;
    }
    ContentCase state = applyAll(definition.get(), expectedVersion == 0 ? ContentCase.empty(id) : before.state(),
        events);
    if (state == null) {
      return 0;
    }
    String line;
    try {
      line = encode(events).get(0);
    } catch (InvalidAppendException x) {
      return 0; // reported by the general path, after its version check, as for any other append
    }
    long after = expectedVersion + 1;
    int rows;
    try (Tx tx = tx(false);
        PreparedStatement ps = tx.con.prepareStatement(expectedVersion == 0 ? PG_OPEN_CASE : PG_APPEND_TO_CASE)) {
      int next;
      if (expectedVersion == 0) {
        next = bindSummaryInsert(ps, e, state, after, e.hash());
      } else {
        next = bindSummaryUpdate(ps, id, expectedVersion, state, after, e.hash());
        ps.setString(next++, before.head());
      }
      bindEventAfterCaseId(ps, next, e, line);
      rows = ps.executeUpdate();
      if (!tx.con.getAutoCommit()) {
        tx.commit(); // a caller's data source may hand out connections with auto-commit off
      }
    }
    if (rows != 1) {
      return 0;
    }
    remember(id, new Snapshot(ImmutableList.<RecordedEvent>builderWithExpectedSize((int) after)
        .addAll(before.events()).add(e).build(), state));
    return after;
  }

  @Override
  public long version(CaseId id) {
    checkNotNull(id, "id");
    try (Tx tx = tx(false); PreparedStatement ps = tx.con.prepareStatement(VERSION)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw failure("membaca versi kasus " + id, "reading the version of case " + id, e);
    }
  }

  /** Every case id, in id order (code-point order, as {@link CaseId#compareTo}). Close the stream. */
  @Override
  public Stream<CaseId> caseIds() {
    return query("SELECT case_id FROM cases ORDER BY case_id", ps -> { }, rs -> caseId(rs.getString(1)),
        "membaca daftar kasus", "listing the cases");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Queries

  /** The case's summary row; empty if the case has no events. */
  public Optional<CaseSummary> summary(CaseId id) {
    checkNotNull(id, "id");
    try (Stream<CaseSummary> s = query("SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE case_id = ?",
        ps -> ps.setString(1, id.value()), this::summaryOf, "membaca ringkasan kasus " + id,
        "reading the summary of case " + id)) {
      return s.findFirst();
    }
  }

  /**
   * The cases with {@code status}, in id order; cases that are not summarised have no status and are never
   * listed. Close the stream.
   */
  public Stream<CaseSummary> casesByStatus(CaseStatus status) {
    checkNotNull(status, "status");
    return query("SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE status = ? ORDER BY case_id",
        ps -> ps.setString(1, status.name()), this::summaryOf, "mencari kasus berstatus " + status,
        "finding cases with status " + status);
  }

  /**
   * The cases whose first event happened in {@code [from, to)}, by that time then id. The bounds are compared
   * with the stored times, which are truncated to the microsecond. Close the stream.
   */
  public Stream<CaseSummary> casesOpenedBetween(Instant from, Instant to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    return query("SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE opened_at >= ? AND opened_at < ?"
        + " ORDER BY opened_at, case_id", ps -> {
          ps.setObject(1, column(from));
          ps.setObject(2, column(to));
        }, this::summaryOf, "mencari kasus menurut tanggal dibuka", "finding cases by opening time");
  }

  /**
   * The cases that match {@code query}, newest first (opening time, then id), one page. Cases that are not
   * summarised (written by a version before the summary table, until {@link #refreshSummaries}) are never listed.
   * Close the stream.
   */
  public Stream<CaseSummary> cases(CaseQuery query) {
    checkNotNull(query, "query");
    List<Object> args = new ArrayList<>();
    String where = where(query, args);
    args.add(query.limit());
    args.add(query.offset());
    return query("SELECT " + SUMMARY_COLUMNS + " FROM cases" + where
        + " ORDER BY opened_at DESC, case_id DESC LIMIT ? OFFSET ?", ps -> bindAll(ps, args), this::summaryOf,
        "mencari kasus", "finding cases");
  }

  /** How many cases match {@code query}, whatever its page. */
  public long count(CaseQuery query) {
    checkNotNull(query, "query");
    List<Object> args = new ArrayList<>();
    String where = where(query, args);
    try (Stream<Long> s = query("SELECT COUNT(*) FROM cases" + where, ps -> bindAll(ps, args),
        rs -> rs.getLong(1), "menghitung kasus", "counting cases")) {
      return s.findFirst().orElse(0L);
    }
  }

  /**
   * How many summarised cases there are by office, status and current activity (one grouped query), for
   * dashboards and metrics.
   */
  public ImmutableList<CaseCount> countByOfficeStatusAndActivity() {
    try (Stream<CaseCount> s = query("SELECT sop_office, status, current_activity, COUNT(*) FROM cases"
        + " WHERE status IS NOT NULL GROUP BY sop_office, status, current_activity", ps -> { },
        rs -> {
          int activity = rs.getInt(3);
          OptionalInt a = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(activity);
          return new CaseCount(rs.getString(1), CaseStatus.valueOf(rs.getString(2)), a, rs.getLong(4));
        }, "menghitung kasus", "counting cases")) {
      return s.collect(ImmutableList.toImmutableList());
    }
  }

  /**
   * A number of cases of one office with one status and current activity.
   *
   * @param office the office of the cases' definition
   * @param status where they stand
   * @param activity the activity available now; empty when closed
   * @param count how many
   */
  public record CaseCount(String office, CaseStatus status, OptionalInt activity, long count) {}

  private static String where(CaseQuery q, List<Object> args) {
    List<String> terms = new ArrayList<>();
    terms.add("status IS NOT NULL");
    q.office().ifPresent(o -> {
      terms.add("sop_office = ?");
      args.add(o);
    });
    q.status().ifPresent(st -> {
      terms.add("status = ?");
      args.add(st.name());
    });
    if (q.activity().isPresent()) {
      terms.add("current_activity = ?");
      args.add(q.activity().getAsInt());
    }
    q.openedFrom().ifPresent(f -> {
      terms.add("opened_at >= ?");
      args.add(column(f));
    });
    q.openedBefore().ifPresent(b -> {
      terms.add("opened_at < ?");
      args.add(column(b));
    });
    return " WHERE " + String.join(" AND ", terms);
  }

  private static void bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof String str) {
        ps.setString(i + 1, str);
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  /**
   * The open cases whose current activity is overdue at {@code at}: past the time its standard allows on
   * {@code deadlines}' calendar, counted from when it became available, in id order. Close the stream.
   *
   * <p>How: the database streams the open cases (status {@code OPEN}, an index lookup) with their current
   * activity and its availability time, and the deadline of each is computed here in Java with
   * {@link Deadlines#due} (working days and holidays are not SQL), so the whole table of open cases is read but
   * never held in memory. An activity without a time standard, or under a definition the store does not know, is
   * never overdue. The result agrees with {@link Deadlines#open} but for the microsecond truncation of the stored
   * availability time.
   */
  public Stream<OverdueCase> overdue(Deadlines deadlines, Instant at) {
    checkNotNull(deadlines, "deadlines");
    checkNotNull(at, "at");
    return overdue(casesByStatus(CaseStatus.OPEN), deadlines, at);
  }

  /**
   * The open cases of {@code office} whose current activity is overdue at {@code at}, in id order: what
   * {@link #overdue(Deadlines, Instant)} gives for that office, but the database reads only the office's open cases
   * (an index range on {@code (sop_office, status)}, schema version 6), so the cost follows the office's open cases,
   * not every office's. Close the stream.
   *
   * @param office the office of the cases' definition ({@link SopKey#officeId()})
   * @param deadlines the office's deadlines (its working calendar)
   * @param at the instant asked about
   */
  public Stream<OverdueCase> overdue(String office, Deadlines deadlines, Instant at) {
    checkNotNull(office, "office");
    checkNotNull(deadlines, "deadlines");
    checkNotNull(at, "at");
    Stream<CaseSummary> open = query("SELECT " + SUMMARY_COLUMNS + " FROM cases WHERE sop_office = ? AND status = ?"
        + " ORDER BY case_id", ps -> {
          ps.setString(1, office);
          ps.setString(2, CaseStatus.OPEN.name());
        }, this::summaryOf, "mencari kasus terlambat kantor " + office,
        "finding the overdue cases of office " + office);
    return overdue(open, deadlines, at);
  }

  private Stream<OverdueCase> overdue(Stream<CaseSummary> open, Deadlines deadlines, Instant at) {
    Map<SopKey, Optional<SopDefinition>> seen = new HashMap<>();
    return open.flatMap(c -> {
      if (c.currentActivity().isEmpty() || c.availableSince().isEmpty()) {
        return Stream.empty();
      }
      int number = c.currentActivity().getAsInt();
      Optional<Instant> due = seen.computeIfAbsent(c.sop(), this::definition)
          .flatMap(d -> d.activity(number))
          .flatMap(a -> deadlines.due(a, c.availableSince().get()));
      return due.filter(at::isAfter).map(d -> new OverdueCase(c, number, d)).stream();
    });
  }

  /**
   * Every case's history, one case at a time in id order, each a complete list of its events in order, as
   * {@link #load} would return it. Close the stream.
   *
   * <p>One query over the events ordered by {@code (case_id, sequence_no)}, the primary key, read
   * {@value #DEFAULT_FETCH_SIZE} rows per round trip (PostgreSQL: a cursor, since the connection is not in
   * auto-commit; MariaDB: a streaming result set; H2: lazy execution with {@link #h2FileUrl}), so memory holds
   * one case's events and one fetch, whatever the number of cases. Each history is read in one statement, so it
   * never ends in the middle of an append.
   */
  public Stream<List<RecordedEvent>> histories() {
    return histories("SELECT " + HISTORY_COLUMNS + " FROM case_events e ORDER BY e.case_id, e.sequence_no",
        ps -> { });
  }

  /**
   * The histories of the cases whose first event happened in {@code [from, to)} (compared at the microsecond),
   * one case at a time in id order; streamed as {@link #histories()}. Close the stream.
   */
  public Stream<List<RecordedEvent>> histories(Instant from, Instant to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    return histories("SELECT " + HISTORY_COLUMNS + " FROM case_events e WHERE e.case_id IN"
        + " (SELECT c.case_id FROM cases c WHERE c.opened_at >= ? AND c.opened_at < ?)"
        + " ORDER BY e.case_id, e.sequence_no", ps -> {
          ps.setObject(1, column(from));
          ps.setObject(2, column(to));
        });
  }

  /**
   * The histories of the cases of {@code office} whose first event happened in {@code [from, to)} (compared at the
   * microsecond), one case at a time in id order; streamed as {@link #histories()}. What
   * {@link #histories(Instant, Instant)} gives for that office, but the database reads only the office's cases (an
   * index range on {@code (sop_office, opened_at)}, then each case's events by the primary key): one office's
   * report does not read every office's events. Close the stream.
   *
   * @param office the office of the cases' definition ({@link SopKey#officeId()})
   */
  public Stream<List<RecordedEvent>> histories(String office, Instant from, Instant to) {
    checkNotNull(office, "office");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    return histories("SELECT " + HISTORY_COLUMNS + " FROM case_events e WHERE e.case_id IN"
        + " (SELECT c.case_id FROM cases c WHERE c.sop_office = ? AND c.opened_at >= ? AND c.opened_at < ?)"
        + " ORDER BY e.case_id, e.sequence_no", ps -> {
          ps.setString(1, office);
          ps.setObject(2, column(from));
          ps.setObject(3, column(to));
        });
  }

  /**
   * Summarises again every case that is not summarised (see {@link CaseSummary}), for when a definition that was
   * missing has been registered since. Cases whose history still does not fold stay as they are.
   *
   * @return how many cases are summarised now
   */
  public int refreshSummaries() {
    List<CaseId> ids;
    try (Stream<CaseId> s = query("SELECT case_id FROM cases WHERE status IS NULL ORDER BY case_id", ps -> { },
        rs -> caseId(rs.getString(1)), "mencari kasus tanpa ringkasan", "finding cases without a summary")) {
      ids = s.toList();
    }
    int done = 0;
    for (CaseId id : ids) {
      try (Tx tx = tx(true)) {
        Head head = head(tx.con, id);
        if (head == null || head.status() != null) {
          continue;
        }
        ImmutableList<RecordedEvent> events = read(tx.con, id, head.version());
        ContentCase state = foldFromEmpty(id, head.sop(), events);
        if (state == null) {
          continue;
        }
        try (PreparedStatement ps = tx.con.prepareStatement(SUMMARY_REFRESH)) {
          bindSummary(ps, 1, state);
          ps.setString(4, id.value());
          ps.setLong(5, head.version());
          if (ps.executeUpdate() != 1) {
            continue;
          }
        }
        tx.commit();
        remember(id, new Snapshot(events, state));
        done++;
      } catch (SQLException e) {
        throw failure("meringkas kasus " + id, "summarising case " + id, e);
      }
    }
    return done;
  }

  /** The data source the store reads and writes, for the other stores of a {@link JdbcStorage}. */
  DataSource dataSource() {
    return dataSource;
  }

  /** True if the data source is the store's own pool (READ COMMITTED connections; closed with the store). */
  boolean ownsPool() {
    return pool != null;
  }

  /** The database the store runs on. */
  Dialect dialect() {
    return dialect;
  }

  /**
   * How many appends this store refused because the primary key of {@code case_events} caught another writer's
   * event at the same sequence (the race the version check alone could not see), since it opened.
   */
  long keyConflicts() {
    return keyConflicts.get();
  }

  /** Closes the connection pool the store opened; a data source given to {@link #open(DataSource, Function)} stays open. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writing

  private record Head(long version, String hash, String status, SopKey sop) {}

  private static Head head(Connection con, CaseId id) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(HEAD)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Head(rs.getLong(1), rs.getString(2), rs.getString(3),
            new SopKey(rs.getString(4), rs.getString(5), rs.getInt(6)));
      }
    }
  }

  private List<String> encode(List<RecordedEvent> events) {
    List<String> lines = new ArrayList<>(events.size());
    for (RecordedEvent e : events) {
      try {
        lines.add(json.write(e));
      } catch (EventJsonException x) {
        throw new InvalidAppendException(Text.of("peristiwa " + e.sequence() + " tidak dapat disimpan: "
            + x.text().id(), "event " + e.sequence() + " cannot be stored: " + x.text().en()));
      }
    }
    return lines;
  }

  /**
   * The case's state after {@code events}; null if it is not to be summarised. {@code before} is the cached
   * snapshot at the case's current head, or null if there is none.
   */
  private ContentCase fold(Connection con, CaseId id, Head head, Snapshot before, List<RecordedEvent> events)
      throws SQLException {
    if (head != null && head.status() == null) {
      return null; // a history that did not fold does not fold with more events either
    }
    SopKey key = head == null ? events.get(0).sop() : head.sop();
    Optional<SopDefinition> definition = definition(key);
    if (definition.isEmpty()) {
      LOG.debug("case {} is not summarised: its definition {} is unknown", LogSafe.of(id), LogSafe.of(key));
      return null;
    }
    ContentCase state;
    if (head == null) {
      state = ContentCase.empty(id);
    } else if (before != null && before.state() != null) {
      state = before.state();
    } else {
      state = applyAll(definition.get(), ContentCase.empty(id),
          before != null ? before.events() : read(con, id, head.version()));
      if (state == null) {
        return null;
      }
    }
    return applyAll(definition.get(), state, events);
  }

  private ContentCase foldFromEmpty(CaseId id, SopKey key, List<RecordedEvent> events) {
    Optional<SopDefinition> definition = definition(key);
    return definition.isEmpty() ? null : applyAll(definition.get(), ContentCase.empty(id), events);
  }

  private static ContentCase applyAll(SopDefinition definition, ContentCase state, List<RecordedEvent> events) {
    ContentCase s = state;
    try {
      for (RecordedEvent e : events) {
        s = s.apply(definition, e);
      }
      return s;
    } catch (RuntimeException e) {
      // The events are valid for the store (they chain); they only do not fit the SOP: keep them, unsummarised.
      LOG.debug("case {} is not summarised: {}", LogSafe.of(state.id()), LogSafe.of(e.toString()));
      return null;
    }
  }

  private Optional<SopDefinition> definition(SopKey key) {
    try {
      Optional<SopDefinition> d = definitions.apply(key);
      return d == null ? Optional.empty() : d;
    } catch (RuntimeException e) {
      LOG.debug("definition {} could not be found: {}", LogSafe.of(key), LogSafe.of(e.toString()));
      return Optional.empty();
    }
  }

  private static void insertEvents(Connection con, List<RecordedEvent> events, List<String> lines)
      throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(EVENT_INSERT)) {
      for (int i = 0; i < events.size(); i++) {
        RecordedEvent e = events.get(i);
        ps.setString(1, e.caseId().value());
        bindEventAfterCaseId(ps, 2, e, lines.get(i));
        if (events.size() == 1) {
          ps.executeUpdate();
        } else {
          ps.addBatch();
        }
      }
      if (events.size() > 1) {
        ps.executeBatch();
      }
    }
  }

  /** Binds the event columns after {@code case_id} (see {@link #EVENT_COLUMNS}), from parameter {@code first} on. */
  private static void bindEventAfterCaseId(PreparedStatement ps, int first, RecordedEvent e, String line)
      throws SQLException {
    ps.setLong(first, e.sequence());
    ps.setString(first + 1, e.sop().officeId());
    ps.setString(first + 2, e.sop().number());
    ps.setInt(first + 3, e.sop().revision());
    ps.setString(first + 4, e.commandId().value());
    ps.setString(first + 5, e.actor().nip().value());
    ps.setObject(first + 6, column(e.at()));
    if (e.activity().isPresent()) {
      ps.setInt(first + 7, e.activity().getAsInt());
    } else {
      ps.setNull(first + 7, Types.INTEGER);
    }
    ps.setString(first + 8, payloadType(e));
    ps.setString(first + 9, line);
    ps.setString(first + 10, e.previousHash());
    ps.setString(first + 11, e.hash());
  }

  /** The payload's kind as in the event JSON's {@code type}: {@code proposed}, {@code meetingRecorded}, ... */
  static String payloadType(RecordedEvent e) {
    String name = e.payload().getClass().getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static void insertSummary(Connection con, RecordedEvent first, ContentCase state, long version,
      String headHash) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(SUMMARY_INSERT)) {
      bindSummaryInsert(ps, first, state, version, headHash);
      ps.executeUpdate();
    }
  }

  /** Binds {@link #SUMMARY_INSERT}'s parameters for a case opened by {@code first}; returns the next index. */
  private static int bindSummaryInsert(PreparedStatement ps, RecordedEvent first, ContentCase state, long version,
      String headHash) throws SQLException {
    ps.setString(1, first.caseId().value());
    ps.setString(2, first.sop().officeId());
    ps.setString(3, first.sop().number());
    ps.setInt(4, first.sop().revision());
    bindSummary(ps, 5, state);
    ps.setObject(8, column(state == null ? first.at() : state.openedAt().orElse(first.at())));
    ps.setLong(9, version);
    ps.setString(10, headHash);
    return 11;
  }

  private static int updateSummary(Connection con, CaseId id, long expectedVersion, ContentCase state, long version,
      String headHash) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(SUMMARY_UPDATE)) {
      bindSummaryUpdate(ps, id, expectedVersion, state, version, headHash);
      return ps.executeUpdate();
    }
  }

  /** Binds {@link #SUMMARY_UPDATE}'s parameters; returns the next index. */
  private static int bindSummaryUpdate(PreparedStatement ps, CaseId id, long expectedVersion, ContentCase state,
      long version, String headHash) throws SQLException {
    bindSummary(ps, 1, state);
    ps.setLong(4, version);
    ps.setString(5, headHash);
    ps.setString(6, id.value());
    ps.setLong(7, expectedVersion);
    return 8;
  }

  /** Binds status, current activity and availability time at {@code first}, {@code first + 1}, {@code first + 2}. */
  private static void bindSummary(PreparedStatement ps, int first, ContentCase state) throws SQLException {
    if (state == null) {
      ps.setNull(first, Types.VARCHAR);
    } else {
      ps.setString(first, state.status().name());
    }
    if (state != null && state.currentActivity().isPresent()) {
      ps.setInt(first + 1, state.currentActivity().getAsInt());
    } else {
      ps.setNull(first + 1, Types.INTEGER);
    }
    if (state != null && state.availableSince().isPresent()) {
      ps.setObject(first + 2, column(state.availableSince().get()));
    } else {
      ps.setNull(first + 2, Types.TIMESTAMP);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading

  /**
   * A case's events 1 to {@code n} as read or written by this store, and the state they fold to (null if not
   * folded).
   */
  private record Snapshot(ImmutableList<RecordedEvent> events, ContentCase state) {
    static final Snapshot EMPTY = new Snapshot(ImmutableList.of(), null);

    long version() {
      return events.size();
    }

    String head() {
      return HashChain.head(events);
    }
  }

  /** The cached snapshot of the case if it is at {@code head}, else null. */
  private Snapshot cachedAt(CaseId id, Head head) {
    Snapshot s = cache.get(id);
    return s != null && s.version() == head.version() && s.head().equals(head.hash()) ? s : null;
  }

  /** Caches {@code s} unless a longer snapshot (or an equally long one with a state) is cached already. */
  private void remember(CaseId id, Snapshot s) {
    cache.merge(id, s, (old, neu) -> neu.version() > old.version()
        || (neu.version() == old.version() && neu.state() != null) ? neu : old);
  }

  /**
   * The case's events 1 to {@code upTo} (all of them with {@code Long.MAX_VALUE}). Decodes only the rows after
   * the cached ones, and uses the cache only if its last event's row is still there with the same hash.
   */
  private ImmutableList<RecordedEvent> read(Connection con, CaseId id, long upTo) throws SQLException {
    return read(con, id, upTo, true);
  }

  private ImmutableList<RecordedEvent> read(Connection con, CaseId id, long upTo, boolean useCache)
      throws SQLException {
    Snapshot cached = useCache ? cache.get(id) : null;
    long from = cached == null || cached.version() > upTo ? 0 : cached.version();
    try (PreparedStatement ps = con.prepareStatement(EVENTS_OF_CASE)) {
      ps.setFetchSize(DEFAULT_FETCH_SIZE);
      ps.setString(1, id.value());
      ps.setLong(2, Math.max(from, 1));
      ps.setLong(3, upTo);
      try (ResultSet rs = ps.executeQuery()) {
        ImmutableList.Builder<RecordedEvent> out = ImmutableList.builder();
        if (from > 0) {
          if (!rs.next() || rs.getLong(1) != from || !cached.head().equals(rs.getString(2))) {
            cache.remove(id, cached); // the database no longer holds what was cached: read it all
            return read(con, id, upTo, false);
          }
          out.addAll(cached.events());
        }
        boolean added = false;
        while (rs.next()) {
          out.add(decode(id, rs.getLong(1), rs.getString(3)));
          added = true;
        }
        ImmutableList<RecordedEvent> events = out.build();
        if (added) {
          remember(id, new Snapshot(events, null));
        }
        return events;
      }
    }
  }

  private RecordedEvent decode(CaseId id, long sequence, String line) {
    RecordedEvent e;
    try {
      e = json.read(line);
    } catch (EventJsonException x) {
      throw corrupt(id, sequence, x.getMessage(), x);
    }
    if (!e.caseId().equals(id) || e.sequence() != sequence) {
      throw corrupt(id, sequence, "the row holds event " + e.sequence() + " of case " + e.caseId(), null);
    }
    return e;
  }

  private CaseSummary summaryOf(ResultSet rs) throws SQLException {
    CaseId id = caseId(rs.getString(1));
    String status = rs.getString(5);
    int activity = rs.getInt(6);
    boolean hasActivity = !rs.wasNull();
    Optional<Instant> available = instant(rs, 7);
    Instant opened = instant(rs, 8).orElseThrow(() -> corrupt(id, 0, "opened_at is NULL", null));
    CaseStatus s;
    try {
      s = status == null ? null : CaseStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw corrupt(id, 0, "unknown status " + status, e);
    }
    return new CaseSummary(id, new SopKey(rs.getString(2), rs.getString(3), rs.getInt(4)), Optional.ofNullable(s),
        hasActivity ? OptionalInt.of(activity) : OptionalInt.empty(), available, opened, rs.getLong(9),
        rs.getString(10));
  }

  private Stream<List<RecordedEvent>> histories(String sql, Binder binder) {
    Stream<RecordedEvent> rows = query(sql, binder, rs -> decode(caseId(rs.getString(1)), rs.getLong(2),
        rs.getString(3)), "membaca riwayat kasus", "reading case histories");
    PeekingIterator<RecordedEvent> it = Iterators.peekingIterator(rows.iterator());
    Spliterator<List<RecordedEvent>> cases = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super List<RecordedEvent>> action) {
        if (!it.hasNext()) {
          return false;
        }
        CaseId id = it.peek().caseId();
        ImmutableList.Builder<RecordedEvent> history = ImmutableList.builder();
        while (it.hasNext() && it.peek().caseId().equals(id)) {
          history.add(it.next());
        }
        action.accept(history.build());
        return true;
      }
    };
    return StreamSupport.stream(cases, false).onClose(rows::close);
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads the current row. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * A lazily read query on its own connection, closed with the stream. The connection is taken out of auto-commit
   * and the statement is forward-only with a fetch size: the PostgreSQL driver then reads through a portal
   * (a cursor) {@value #DEFAULT_FETCH_SIZE} rows at a time, which it does only "when the statement fetch size is
   * non-zero, autocommit is off, the statement is TYPE_FORWARD_ONLY and the query is a single SELECT" (pgJDBC,
   * "Getting results based on a cursor"); MariaDB Connector/J streams the rows with any positive fetch size
   * (since 1.4.0, "Complete implementation of fetch size", CONJ-26). H2 reads lazily with
   * {@code LAZY_QUERY_EXECUTION=TRUE} (see {@link #h2FileUrl}); otherwise it buffers a large result on disk.
   */
  private <T> Stream<T> query(String sql, Binder binder, RowReader<T> reader, String whatId, String whatEn) {
    Tx tx;
    try {
      tx = tx(true); // PostgreSQL reads with a cursor (the fetch size) only outside auto-commit
    } catch (SQLException e) {
      throw failure(whatId, whatEn, e);
    }
    PreparedStatement ps = null;
    ResultSet rs;
    try {
      ps = tx.con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(DEFAULT_FETCH_SIZE);
      binder.bind(ps);
      rs = ps.executeQuery();
    } catch (SQLException | RuntimeException e) {
      closeAll(null, ps, tx, e);
      throw e instanceof SQLException s ? failure(whatId, whatEn, s) : (RuntimeException) e;
    }
    Cursor<T> cursor = new Cursor<>(tx, ps, rs, reader, whatId, whatEn);
    return StreamSupport.stream(cursor, false).onClose(cursor::close);
  }

  private static void closeAll(ResultSet rs, PreparedStatement ps, Tx tx, Throwable primary) {
    AutoCloseable[] all = {rs, ps, tx};
    for (AutoCloseable c : all) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception x) {
          primary.addSuppressed(x);
        }
      }
    }
  }

  private static final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {
    private final Tx tx;
    private final PreparedStatement ps;
    private final ResultSet rs;
    private final RowReader<T> reader;
    private final String whatId;
    private final String whatEn;
    private boolean closed;

    Cursor(Tx tx, PreparedStatement ps, ResultSet rs, RowReader<T> reader, String whatId, String whatEn) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.tx = tx;
      this.ps = ps;
      this.rs = rs;
      this.reader = reader;
      this.whatId = whatId;
      this.whatEn = whatEn;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      if (closed) {
        return false;
      }
      T next;
      try {
        if (!rs.next()) {
          return false;
        }
        next = reader.read(rs);
      } catch (SQLException e) {
        throw failure(whatId, whatEn, e);
      }
      action.accept(next);
      return true;
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      JdbcStoreException failure = null;
      for (AutoCloseable c : new AutoCloseable[] {rs, ps, tx}) {
        try {
          c.close();
        } catch (SQLException e) {
          if (failure == null) {
            failure = failure(whatId, whatEn, e);
          } else {
            failure.addSuppressed(e);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** A borrowed connection of this store's data source: a transaction, or as it comes (see {@link Tx}). */
  private Tx tx(boolean transaction) throws SQLException {
    return new Tx(dataSource, pool != null, transaction);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Values

  /** An instant as the value of a TIMESTAMP(6) column: UTC wall time, truncated to the microsecond. */
  static LocalDateTime column(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant(ZoneOffset.UTC));
  }

  private static CaseId caseId(String value) {
    try {
      return CaseId.of(value);
    } catch (RuntimeException e) {
      throw new JdbcStoreException(JdbcStoreException.Kind.CORRUPT_ROW, Text.of(
          "Id kasus tersimpan tidak sah: '%s'", "A stored case id is invalid: '%s'").format(value), e);
    }
  }

  private static JdbcStoreException corrupt(CaseId id, long sequence, String detail, Throwable cause) {
    return new JdbcStoreException(JdbcStoreException.Kind.CORRUPT_ROW, Text.of(
        "Baris kasus %s (peristiwa %s) tidak memuat yang ditulis penyimpan: %s",
        "The row of case %s (event %s) does not hold what the store wrote: %s").format(id, sequence, detail), cause);
  }

  static JdbcStoreException failure(String whatId, String whatEn, SQLException e) {
    return new JdbcStoreException(JdbcStoreException.Kind.DATABASE_FAILURE, Text.of(
        String.format(Locale.ROOT, "Basis data gagal saat %s: %s (SQLState %s)", whatId, e.getMessage(),
            e.getSQLState()),
        String.format(Locale.ROOT, "The database failed while %s: %s (SQLState %s)", whatEn, e.getMessage(),
            e.getSQLState())), e);
  }

  /** The URL without its query parameters, which may hold a password. */
  private static String redact(String url) {
    int q = url.indexOf('?');
    int s = url.indexOf(';');
    int cut = q < 0 ? s : s < 0 ? q : Math.min(q, s);
    return cut < 0 ? url : url.substring(0, cut) + "...";
  }
}
