package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.event.json.OutboxJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.workflow.CaseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link OutboxStore} in the database of a {@link JdbcStorage} (H2, PostgreSQL 15, MariaDB 10.11): one row per
 * intent in {@code outbox_intents}, holding the whole state as {@link OutboxJson} (the source of truth) and the
 * columns the queries need (case, platform, status, version, due time, lease owner, update time); see the
 * {@linkplain id.go.kpu.jdih.store.jdbc package description} for the schema. Obtain it from
 * {@link JdbcStorage#outbox()}.
 *
 * <p><b>Compare-and-set.</b> {@link #replace} is one {@code UPDATE ... WHERE intent_id = ? AND version = ?}: the
 * database locks the row for the update, and a writer that waited for another one's commit evaluates the condition
 * again on the committed row (READ COMMITTED on all three databases), so of several workers, on one or many
 * processes, exactly one changes each version. {@link #add} inserts unless the id exists, without an error that
 * would spoil an enclosing transaction (see {@link #insert}).
 *
 * <p><b>Leases.</b> The store has a {@link #leaseOwner() lease owner} name, written to {@code lease_owner} with
 * every state stored as {@link IntentStatus#IN_PROGRESS} ({@code NULL} otherwise), so that operators see which
 * instance holds an intent. The lease itself is the state's {@link IntentState#leaseUntil()}.
 *
 * <p><b>Times.</b> The {@code due_at} column is {@link IntentState#dueAt()} truncated to the microsecond; the
 * queries use it to find candidates and decide from the exact instants in the JSON, so {@link #due} and
 * {@link #nextDueAt} answer exactly as {@link id.go.kpu.jdih.publish.InMemoryOutboxStore} does.
 *
 * <p>Thread-safe: every call borrows its own connection.
 */
public final class JdbcOutboxStore implements OutboxStore {

  private static final String COLUMNS = "intent_id, case_id, platform, status, version, due_at, lease_owner,"
      + " updated_at, state_json";
  private static final String INSERT = "INSERT INTO outbox_intents (" + COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  // PostgreSQL 15 manual, INSERT: "ON CONFLICT DO NOTHING simply avoids inserting a row as its alternative
  // action"; the command's row count is the number of rows inserted. No error is raised, so an enclosing
  // transaction stays usable (after an error PostgreSQL refuses every statement until the rollback, 25P02).
  private static final String PG_INSERT = INSERT + " ON CONFLICT (intent_id) DO NOTHING";
  private static final String REPLACE = "UPDATE outbox_intents SET status = ?, version = ?, due_at = ?,"
      + " lease_owner = ?, updated_at = ?, state_json = ? WHERE intent_id = ? AND version = ?";
  private static final String FIND = "SELECT intent_id, state_json FROM outbox_intents WHERE intent_id = ?";
  private static final String FOR_CASE = "SELECT intent_id, state_json FROM outbox_intents WHERE case_id = ?"
      + " ORDER BY intent_id";
  // LIMIT with a parameter: H2 2 (LIMIT is its compatibility form of FETCH FIRST), PostgreSQL and MariaDB all
  // accept it.
  private static final String DUE = "SELECT intent_id, state_json, due_at FROM outbox_intents WHERE due_at <= ?"
      + " ORDER BY due_at, intent_id LIMIT ?";
  private static final String NEXT_DUE = "SELECT intent_id, state_json FROM outbox_intents"
      + " WHERE due_at = (SELECT MIN(due_at) FROM outbox_intents)";
  private static final Comparator<IntentState> DUE_ORDER =
      Comparator.comparing((IntentState s) -> s.dueAt().orElseThrow()).thenComparing(IntentState::id);

  private final DataSource dataSource;
  private final boolean ownPool;
  private final Dialect dialect;
  private final String leaseOwner;
  private final OutboxJson json = new OutboxJson();

  JdbcOutboxStore(DataSource dataSource, boolean ownPool, Dialect dialect, String leaseOwner) {
    this.dataSource = dataSource;
    this.ownPool = ownPool;
    this.dialect = dialect;
    this.leaseOwner = leaseOwner;
  }

  /** The name written to {@code lease_owner} with every state this store stores in progress. */
  public String leaseOwner() {
    return leaseOwner;
  }

  @Override
  public boolean add(IntentState state) {
    checkFirst(state);
    String line = encode(state);
    try (Tx tx = new Tx(dataSource, ownPool, false)) {
      boolean added = insert(tx.con, state, line);
      tx.commitUnlessAutoCommit();
      return added;
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("mencatat niat terbit " + state.id(), "recording intent " + state.id(), e);
    }
  }

  /** Refuses a state that is not a first one (version 1), as {@link #add} must. */
  static void checkFirst(IntentState state) {
    checkNotNull(state, "state");
    checkArgument(state.version() == 1, "a new intent starts at version 1: %s", state.version());
  }

  /** {@code state} as stored JSON; refuses a state the codec cannot write (before any transaction starts). */
  String encode(IntentState state) {
    try {
      return json.write(state);
    } catch (EventJsonException e) {
      throw new IllegalArgumentException("intent " + state.id() + " cannot be stored: " + e.getMessage(), e);
    }
  }

  /**
   * Inserts {@code state} (encoded as {@code line}) on {@code con}, in whatever transaction it is in, unless an
   * intent with its id is stored.
   *
   * <p>PostgreSQL: {@code ON CONFLICT DO NOTHING}, no error. H2 and MariaDB: a plain insert whose duplicate-key
   * error is caught; both roll back only the failed statement and keep the transaction: H2 2.3
   * ({@code org.h2.command.Command.executeUpdate}) rolls back to the savepoint it took before the command on any
   * error but a deadlock (40001); InnoDB "A duplicate-key error rolls back the SQL statement, if you have not
   * specified the IGNORE option" (MySQL Reference Manual, "InnoDB Error Handling", the engine MariaDB ships).
   * {@code INSERT IGNORE} is not used because it would also turn other errors (a value too long) into warnings.
   * An insert that meets another transaction's uncommitted row with the same id waits for it, then fails (it
   * committed) or succeeds (it rolled back).
   *
   * @return true if it was inserted
   */
  boolean insert(Connection con, IntentState state, String line) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(dialect == Dialect.POSTGRESQL ? PG_INSERT : INSERT)) {
      ps.setString(1, state.id().value());
      ps.setString(2, state.intent().caseId().value());
      ps.setString(3, state.intent().platform().name());
      bindState(ps, 4, state, line);
      try {
        return ps.executeUpdate() == 1;
      } catch (SQLException e) {
        if (dialect != Dialect.POSTGRESQL && Dialect.isDuplicateKey(e)) {
          return false;
        }
        throw e;
      }
    }
  }

  /** Binds status, version, due_at, lease_owner, updated_at, state_json from parameter {@code first} on. */
  private void bindState(PreparedStatement ps, int first, IntentState state, String line) throws SQLException {
    ps.setString(first, state.status().name());
    ps.setLong(first + 1, state.version());
    Optional<Instant> due = state.dueAt();
    if (due.isPresent()) {
      ps.setObject(first + 2, JdbcCaseStore.column(due.get()));
    } else {
      ps.setNull(first + 2, Types.TIMESTAMP);
    }
    if (state.status() == IntentStatus.IN_PROGRESS) {
      ps.setString(first + 3, leaseOwner);
    } else {
      ps.setNull(first + 3, Types.VARCHAR);
    }
    ps.setObject(first + 4, JdbcCaseStore.column(state.updatedAt()));
    ps.setString(first + 5, line);
  }

  @Override
  public Optional<IntentState> find(IntentId id) {
    checkNotNull(id, "id");
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(FIND)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(decode(rs.getString(1), rs.getString(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca niat terbit " + id, "reading intent " + id, e);
    }
  }

  @Override
  public ImmutableList<IntentState> forCase(CaseId caseId) {
    checkNotNull(caseId, "caseId");
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(FOR_CASE)) {
      ps.setString(1, caseId.value());
      try (ResultSet rs = ps.executeQuery()) {
        ImmutableList.Builder<IntentState> out = ImmutableList.builder();
        while (rs.next()) {
          out.add(decode(rs.getString(1), rs.getString(2)));
        }
        return out.build();
      }
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca niat terbit kasus " + caseId, "reading the intents of case " + caseId,
          e);
    }
  }

  @Override
  public ImmutableList<IntentState> due(Instant now, int limit) {
    checkNotNull(now, "now");
    checkArgument(limit >= 1, "limit must be >= 1: %s", limit);
    LocalDateTime until = JdbcCaseStore.column(now);
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(DUE)) {
      return ImmutableList.copyOf(EarliestDue.earliest(rows -> {
        ps.setObject(1, until);
        ps.setInt(2, rows);
        List<EarliestDue.Row<IntentState>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new EarliestDue.Row<>(rs.getObject(3, LocalDateTime.class),
                decode(rs.getString(1), rs.getString(2))));
          }
        }
        return out;
      }, limit, s -> s.isDue(now), DUE_ORDER));
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("mencari niat terbit yang jatuh tempo", "finding the due intents", e);
    }
  }

  /**
   * How many intents are in each status, over every case or the cases of {@code office} only (the office of the
   * case's definition); statuses with no intent are left out. For dashboards and health checks: one grouped query.
   */
  public ImmutableMap<IntentStatus, Long> countByStatus(Optional<String> office) {
    checkNotNull(office, "office");
    String sql = office.isPresent()
        ? "SELECT o.status, COUNT(*) FROM outbox_intents o JOIN cases c ON c.case_id = o.case_id"
            + " WHERE c.sop_office = ? GROUP BY o.status"
        : "SELECT status, COUNT(*) FROM outbox_intents GROUP BY status";
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(sql)) {
      if (office.isPresent()) {
        ps.setString(1, office.get());
      }
      Map<IntentStatus, Long> counts = new EnumMap<>(IntentStatus.class);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(IntentStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      return ImmutableMap.copyOf(counts);
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("menghitung niat terbit", "counting the intents", e);
    }
  }

  /** The earliest due time: the rows in the earliest microsecond are read, and their exact times compared. */
  @Override
  public Optional<Instant> nextDueAt() {
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(NEXT_DUE);
        ResultSet rs = ps.executeQuery()) {
      Optional<Instant> earliest = Optional.empty();
      while (rs.next()) {
        IntentState s = decode(rs.getString(1), rs.getString(2));
        Optional<Instant> due = s.dueAt();
        if (due.isPresent() && (earliest.isEmpty() || due.get().isBefore(earliest.get()))) {
          earliest = due;
        }
      }
      return earliest;
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("mencari waktu jatuh tempo berikutnya", "finding the next due time", e);
    }
  }

  @Override
  public boolean replace(IntentState expected, IntentState next) {
    checkNotNull(expected, "expected");
    checkNotNull(next, "next");
    checkArgument(expected.id().equals(next.id()), "cannot replace %s by %s", expected.id(), next.id());
    checkArgument(next.version() == expected.version() + 1, "next version must be %s: %s", expected.version() + 1,
        next.version());
    String line = encode(next);
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(REPLACE)) {
      bindState(ps, 1, next, line);
      ps.setString(7, expected.id().value());
      ps.setLong(8, expected.version());
      int rows = ps.executeUpdate();
      tx.commitUnlessAutoCommit();
      return rows == 1;
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("mengganti niat terbit " + expected.id(), "replacing intent " + expected.id(), e);
    }
  }

  private IntentState decode(String id, String line) {
    IntentState s;
    try {
      s = json.read(line);
    } catch (EventJsonException e) {
      throw corrupt(id, e.getMessage(), e);
    }
    if (!s.id().value().equals(id)) {
      throw corrupt(id, "the row holds intent " + s.id(), null);
    }
    return s;
  }

  private static JdbcStoreException corrupt(String id, String detail, Throwable cause) {
    return new JdbcStoreException(JdbcStoreException.Kind.CORRUPT_ROW, Text.of(
        "Baris niat terbit %s tidak memuat yang ditulis penyimpan: %s",
        "The row of intent %s does not hold what the store wrote: %s").format(id, detail), cause);
  }
}
