package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.event.json.EventJsonException;
import id.go.kpu.jdih.event.json.NotificationJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.workflow.CaseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A {@link NotificationLedger} in the database of a {@link JdbcStorage} (H2, PostgreSQL 15, MariaDB 10.11): one row
 * per delivery in {@code notification_deliveries}, holding the whole delivery as {@link NotificationJson} (the
 * source of truth, with the recipient's addresses in full) and the columns the queries need; how far each case was
 * read in {@code notification_progress}. See the {@linkplain id.go.kpu.jdih.store.jdbc package description} for
 * the schema. Obtain it from {@link JdbcStorage#notifications()}.
 *
 * <p><b>Claims.</b> {@link #claimDue} runs one transaction: it selects the candidates (open deliveries with
 * {@code next_attempt_at <= now}: pending ones, and sending ones whose lease ended; earliest first, then in
 * recording order) with {@code FOR UPDATE SKIP LOCKED}, so that the rows another claimer holds are passed over and
 * the ones returned stay locked, then claims each with a conditional
 * {@code UPDATE ... WHERE delivery_key = ? AND revision = ?} and commits. A delivery is thus claimed by one caller,
 * on one process or many, until its lease ends; the revision check keeps that true even for a row changed without
 * the lock (by hand, say), whose claim is then not counted. Every other change ({@link #markSent},
 * {@link #markFailed}) is a compare-and-set on {@code revision} as well, read again and retried if another writer
 * was first.
 *
 * <p><b>Leases.</b> The ledger has a {@link #leaseOwner() lease owner} name, written to {@code lease_owner} while a
 * delivery it claimed is {@link DeliveryStatus#SENDING} ({@code NULL} otherwise), so that operators see which
 * instance holds it. The lease ends at the delivery's {@link Delivery#nextAttemptAt()}.
 *
 * <p><b>Addresses.</b> Deliveries hold e-mail addresses and chat ids; this class never logs a delivery, and its
 * messages name deliveries by key only (the codec and {@link id.go.kpu.jdih.notify.Contact} mask addresses in
 * theirs).
 *
 * <p>Thread-safe: every call borrows its own connection.
 */
public final class JdbcNotificationLedger implements NotificationLedger {

  /** The longest delivery key the schema holds ({@code VARCHAR(512)}). */
  public static final int MAX_KEY_LENGTH = 512;
  /** The longest channel name the schema holds ({@code VARCHAR(64)}). */
  public static final int MAX_CHANNEL_LENGTH = 64;

  private static final int MAX_CLAIM_ROUNDS = 8;
  private static final int MAX_CHANGE_ATTEMPTS = 16;

  private static final String INSERT = "INSERT INTO notification_deliveries (delivery_key, channel, case_id,"
      + " status, attempts, revision, next_attempt_at, lease_owner, recorded_at, delivery_json)"
      + " VALUES (?, ?, ?, ?, ?, 1, ?, NULL, ?, ?)";
  // PostgreSQL 15 manual, INSERT: "ON CONFLICT DO NOTHING simply avoids inserting a row as its alternative
  // action"; the row count is the number of rows inserted.
  private static final String PG_INSERT = INSERT + " ON CONFLICT (delivery_key) DO NOTHING";
  private static final String CHANGE = "UPDATE notification_deliveries SET status = ?, attempts = ?,"
      + " next_attempt_at = ?, lease_owner = ?, delivery_json = ?, revision = revision + 1"
      + " WHERE delivery_key = ? AND revision = ?";
  private static final String FIND = "SELECT delivery_key, revision, delivery_json FROM notification_deliveries"
      + " WHERE delivery_key = ?";
  private static final String ALL = "SELECT delivery_key, delivery_json FROM notification_deliveries"
      + " ORDER BY recorded_seq";
  // Closed deliveries have no next_attempt_at, so this reads open ones only, by the index on
  // (next_attempt_at, recorded_seq). LIMIT with a parameter: accepted by H2 2, PostgreSQL and MariaDB.
  // FOR UPDATE SKIP LOCKED locks the rows it returns until the claim commits and passes over the rows other
  // claimers hold, so concurrent claimers take different deliveries instead of racing for the same ones:
  // PostgreSQL 15 manual, SELECT, The Locking Clause ("With SKIP LOCKED, any selected rows that cannot be
  // immediately locked are skipped ... can be used to avoid lock contention with multiple consumers accessing a
  // queue-like table"; a row changed by a transaction that committed meanwhile is checked against the WHERE
  // clause again); MariaDB 10.6+, SELECT ("SKIP LOCKED causes rows that couldn't be locked to be skipped from the
  // result set", InnoDB); H2 2.3 SELECT grammar "FOR UPDATE [ NOWAIT | WAIT n | SKIP LOCKED ]".
  private static final String CANDIDATES = "SELECT delivery_key, revision, delivery_json, recorded_seq,"
      + " next_attempt_at FROM notification_deliveries WHERE next_attempt_at <= ?"
      + " ORDER BY next_attempt_at, recorded_seq LIMIT ? FOR UPDATE SKIP LOCKED";
  private static final String PROGRESS = "SELECT progress_json FROM notification_progress WHERE case_id = ?";
  private static final String PROGRESS_VALUES = " (case_id, version, checked_until, closed, progress_json)";
  // H2 2 grammar, MERGE INTO ... KEY: "Updates existing rows, and insert rows that don't exist".
  private static final String H2_SAVE_PROGRESS = "MERGE INTO notification_progress" + PROGRESS_VALUES
      + " KEY (case_id) VALUES (?, ?, ?, ?, ?)";
  // PostgreSQL 15 manual, INSERT ... ON CONFLICT DO UPDATE: "guarantees an atomic INSERT or UPDATE outcome";
  // EXCLUDED is the row proposed for insertion.
  private static final String PG_SAVE_PROGRESS = "INSERT INTO notification_progress" + PROGRESS_VALUES
      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version,"
      + " checked_until = EXCLUDED.checked_until, closed = EXCLUDED.closed, progress_json = EXCLUDED.progress_json";
  // MariaDB, INSERT ... ON DUPLICATE KEY UPDATE: updates the existing row when the insert would duplicate a
  // unique key; VALUES(col) is the value the insert would have written.
  private static final String MARIADB_SAVE_PROGRESS = "INSERT INTO notification_progress" + PROGRESS_VALUES
      + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE version = VALUES(version),"
      + " checked_until = VALUES(checked_until), closed = VALUES(closed), progress_json = VALUES(progress_json)";

  private final DataSource dataSource;
  private final boolean ownPool;
  private final Dialect dialect;
  private final String leaseOwner;
  private final NotificationJson json = new NotificationJson();

  JdbcNotificationLedger(DataSource dataSource, boolean ownPool, Dialect dialect, String leaseOwner) {
    this.dataSource = dataSource;
    this.ownPool = ownPool;
    this.dialect = dialect;
    this.leaseOwner = leaseOwner;
  }

  /** The name written to {@code lease_owner} with every delivery this ledger claims. */
  public String leaseOwner() {
    return leaseOwner;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException of kind {@link JdbcStoreException.Kind#VALUE_TOO_LONG} if the key is longer than
   *     {@value #MAX_KEY_LENGTH} characters or the channel longer than {@value #MAX_CHANNEL_LENGTH}
   */
  @Override
  public boolean record(Delivery delivery) {
    checkNotNull(delivery, "delivery");
    checkArgument(delivery.status() == DeliveryStatus.PENDING, "a new delivery is pending, not %s",
        delivery.status());
    checkLength("kunci pengiriman", "delivery key", delivery.key(), MAX_KEY_LENGTH);
    checkLength("nama saluran", "channel name", delivery.channel(), MAX_CHANNEL_LENGTH);
    String line = encode(delivery);
    try (Tx tx = new Tx(dataSource, ownPool, false);
        PreparedStatement ps = tx.con.prepareStatement(dialect == Dialect.POSTGRESQL ? PG_INSERT : INSERT)) {
      ps.setString(1, delivery.key());
      ps.setString(2, delivery.channel());
      ps.setString(3, delivery.notification().caseId().value());
      ps.setString(4, delivery.status().name());
      ps.setInt(5, delivery.attempts());
      ps.setObject(6, JdbcCaseStore.column(delivery.nextAttemptAt()));
      ps.setObject(7, JdbcCaseStore.column(delivery.recordedAt()));
      ps.setString(8, line);
      boolean added;
      try {
        added = ps.executeUpdate() == 1;
      } catch (SQLException e) {
        // H2 and MariaDB: a plain insert; the duplicate key means the delivery is known (see JdbcOutboxStore.insert)
        if (dialect == Dialect.POSTGRESQL || !Dialect.isDuplicateKey(e)) {
          throw e;
        }
        added = false;
      }
      tx.commitUnlessAutoCommit();
      return added;
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("mencatat pengiriman " + delivery.key(), "recording delivery " + delivery.key(),
          e);
    }
  }

  private static void checkLength(String whatId, String whatEn, String value, int max) {
    if (value.length() > max) {
      throw new JdbcStoreException(JdbcStoreException.Kind.VALUE_TOO_LONG, Text.of(
          "Panjang %1$s %3$s karakter, basis data menyimpan paling banyak %4$s",
          "The %2$s is %3$s characters long; the database holds at most %4$s")
          .format(whatId, whatEn, value.length(), max), null);
    }
  }

  @Override
  public ImmutableList<Delivery> claimDue(Instant now, int max, Duration lease) {
    checkNotNull(now, "now");
    checkArgument(max > 0, "max must be > 0");
    checkNotNull(lease, "lease");
    checkArgument(!lease.isNegative() && !lease.isZero(), "lease must be positive");
    Instant until = now.plus(lease);
    List<Candidate> won = new ArrayList<>();
    // One READ COMMITTED transaction: the rows selected stay locked until the claims commit together.
    try (Tx tx = new Tx(dataSource, ownPool, true);
        PreparedStatement select = tx.con.prepareStatement(CANDIDATES);
        PreparedStatement claim = tx.con.prepareStatement(CHANGE)) {
      for (int round = 0; round < MAX_CLAIM_ROUNDS && won.size() < max; round++) {
        List<Candidate> candidates = candidates(select, now, max - won.size());
        int lost = 0;
        for (Candidate c : candidates) {
          Delivery before = c.delivery();
          Delivery after = before.with(DeliveryStatus.SENDING, before.attempts() + 1, until, before.sentAt(),
              before.lastError());
          if (change(claim, c.revision(), after)) {
            won.add(new Candidate(after, c.revision() + 1, c.sequence()));
          } else {
            lost++;
          }
        }
        if (lost == 0) {
          break; // every candidate is ours: there are no more, or we have enough
        }
      }
      tx.commit();
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("mengklaim pengiriman yang jatuh tempo", "claiming the due deliveries", e);
    }
    return won.stream().map(Candidate::delivery).collect(ImmutableList.toImmutableList());
  }

  /** An open delivery read for a claim: its revision and recording sequence. */
  private record Candidate(Delivery delivery, long revision, long sequence) {}

  private List<Candidate> candidates(PreparedStatement ps, Instant now, int wanted) throws SQLException {
    LocalDateTime until = JdbcCaseStore.column(now);
    return EarliestDue.earliest(rows -> {
      ps.setObject(1, until);
      ps.setInt(2, rows);
      List<EarliestDue.Row<Candidate>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Delivery d = decode(rs.getString(1), rs.getString(3));
          out.add(new EarliestDue.Row<>(rs.getObject(5, LocalDateTime.class),
              new Candidate(d, rs.getLong(2), rs.getLong(4))));
        }
      }
      return out;
    }, wanted, c -> c.delivery().status().open() && !c.delivery().nextAttemptAt().isAfter(now),
        Comparator.comparing((Candidate c) -> c.delivery().nextAttemptAt()).thenComparingLong(Candidate::sequence));
  }

  /** Writes {@code after} if the row is still at {@code revision}; true if it was. */
  private boolean change(PreparedStatement ps, long revision, Delivery after) throws SQLException {
    boolean open = after.status().open();
    ps.setString(1, after.status().name());
    ps.setInt(2, after.attempts());
    if (open) {
      ps.setObject(3, JdbcCaseStore.column(after.nextAttemptAt()));
    } else {
      ps.setNull(3, Types.TIMESTAMP); // closed: never due again
    }
    if (after.status() == DeliveryStatus.SENDING) {
      ps.setString(4, leaseOwner);
    } else {
      ps.setNull(4, Types.VARCHAR);
    }
    ps.setString(5, encode(after));
    ps.setString(6, after.key());
    ps.setLong(7, revision);
    return ps.executeUpdate() == 1;
  }

  @Override
  public void markSent(String key, Instant at) {
    checkNotNull(at, "at");
    update(key, "menandai terkirim", "marking sent",
        before -> before.with(DeliveryStatus.SENT, before.attempts(), at, Optional.of(at), before.lastError()));
  }

  @Override
  public void markFailed(String key, Instant at, String error, Optional<Instant> retryAt) {
    checkNotNull(at, "at");
    checkNotNull(error, "error");
    checkNotNull(retryAt, "retryAt");
    update(key, "menandai gagal", "marking failed", before -> retryAt.isPresent()
        ? before.with(DeliveryStatus.PENDING, before.attempts(), retryAt.get(), Optional.empty(), Optional.of(error))
        : before.with(DeliveryStatus.FAILED, before.attempts(), at, Optional.empty(), Optional.of(error)));
  }

  @Override
  public void release(String key, Instant until) {
    checkNotNull(until, "until");
    update(key, "mengembalikan ke antrean", "releasing", before -> before.with(DeliveryStatus.PENDING,
        Math.max(0, before.attempts() - 1), until, Optional.empty(), before.lastError()));
  }

  /** Reads the delivery, computes its next form and writes it if no one changed it meanwhile; else again. */
  private void update(String key, String whatId, String whatEn, UnaryOperator<Delivery> next) {
    checkNotNull(key, "key");
    // A caller's data source: one READ COMMITTED transaction, so that a read after a lost race sees the winner.
    try (Tx tx = new Tx(dataSource, ownPool, !ownPool); PreparedStatement ps = tx.con.prepareStatement(CHANGE)) {
      for (int attempt = 1; attempt <= MAX_CHANGE_ATTEMPTS; attempt++) {
        Stored s = stored(tx.con, key);
        checkArgument(s != null, "unknown delivery %s", key);
        if (change(ps, s.revision(), next.apply(s.delivery()))) {
          tx.commitUnlessAutoCommit();
          return;
        }
      }
    } catch (SQLException e) {
      throw JdbcCaseStore.failure(whatId + " pengiriman " + key, whatEn + " delivery " + key, e);
    }
    throw new JdbcStoreException(JdbcStoreException.Kind.DATABASE_FAILURE, Text.of(
        "Pengiriman %1$s terus diubah penulis lain; %2$s dihentikan setelah %4$s percobaan",
        "Delivery %1$s kept being changed by other writers; %3$s gave up after %4$s attempts")
        .format(key, whatId, whatEn, MAX_CHANGE_ATTEMPTS), null);
  }

  private record Stored(Delivery delivery, long revision) {}

  private Stored stored(Connection con, String key) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(FIND)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Stored(decode(rs.getString(1), rs.getString(3)), rs.getLong(2)) : null;
      }
    }
  }

  @Override
  public Optional<Delivery> find(String key) {
    checkNotNull(key, "key");
    try (Tx tx = new Tx(dataSource, ownPool, false)) {
      return Optional.ofNullable(stored(tx.con, key)).map(Stored::delivery);
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca pengiriman " + key, "reading delivery " + key, e);
    }
  }

  @Override
  public ImmutableList<Delivery> deliveries() {
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(ALL);
        ResultSet rs = ps.executeQuery()) {
      ImmutableList.Builder<Delivery> out = ImmutableList.builder();
      while (rs.next()) {
        out.add(decode(rs.getString(1), rs.getString(2)));
      }
      return out.build();
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca daftar pengiriman", "listing the deliveries", e);
    }
  }

  /**
   * The deliveries for the cases of office {@code officeId}, newest first, at most {@code limit} (1 to 1000): what
   * a server shows an office of the hand-offs and reminders its people were sent. One indexed join with the case
   * summaries; deliveries of cases the store has no summary for are not listed.
   */
  public ImmutableList<Delivery> deliveriesOfOffice(String officeId, int limit) {
    checkNotNull(officeId, "officeId");
    checkArgument(limit >= 1 && limit <= 1000, "limit must be 1 to 1000: %s", limit);
    String sql = "SELECT d.delivery_key, d.delivery_json FROM notification_deliveries d JOIN cases c"
        + " ON c.case_id = d.case_id"
        + " WHERE c.sop_office = ? ORDER BY d.recorded_seq DESC LIMIT " + limit;
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(sql)) {
      ps.setString(1, officeId);
      try (ResultSet rs = ps.executeQuery()) {
        ImmutableList.Builder<Delivery> out = ImmutableList.builder();
        while (rs.next()) {
          out.add(decode(rs.getString(1), rs.getString(2)));
        }
        return out.build();
      }
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca pengiriman kantor " + officeId, "listing the deliveries of office "
          + officeId, e);
    }
  }

  @Override
  public Optional<CaseProgress> progress(CaseId caseId) {
    checkNotNull(caseId, "caseId");
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(PROGRESS)) {
      ps.setString(1, caseId.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String line = rs.getString(1);
        try {
          return Optional.of(json.readProgress(line));
        } catch (EventJsonException e) {
          throw new JdbcStoreException(JdbcStoreException.Kind.CORRUPT_ROW, Text.of(
              "Baris kemajuan kasus %s tidak memuat yang ditulis penyimpan: %s",
              "The progress row of case %s does not hold what the store wrote: %s").format(caseId, e.getMessage()),
              e);
        }
      }
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca kemajuan kasus " + caseId, "reading the progress of case " + caseId, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One upsert: {@code MERGE} on H2, {@code ON CONFLICT DO UPDATE} on PostgreSQL, {@code ON DUPLICATE KEY
   * UPDATE} on MariaDB. The last save wins.
   */
  @Override
  public void saveProgress(CaseId caseId, CaseProgress progress) {
    checkNotNull(caseId, "caseId");
    checkNotNull(progress, "progress");
    String sql = switch (dialect) {
      case H2 -> H2_SAVE_PROGRESS;
      case POSTGRESQL -> PG_SAVE_PROGRESS;
      case MARIADB -> MARIADB_SAVE_PROGRESS;
    };
    String line = json.write(progress);
    for (int attempt = 1; ; attempt++) {
      try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(sql)) {
        ps.setString(1, caseId.value());
        ps.setLong(2, progress.version());
        ps.setObject(3, JdbcCaseStore.column(progress.checkedUntil()));
        ps.setBoolean(4, progress.closed());
        ps.setString(5, line);
        ps.executeUpdate();
        tx.commitUnlessAutoCommit();
        return;
      } catch (SQLException e) {
        // Two first saves of one case at once: H2's MERGE may insert twice and one fails on the key; the next
        // attempt finds the row and updates it.
        if (attempt < 3 && Dialect.isDuplicateKey(e)) {
          continue;
        }
        throw JdbcCaseStore.failure("menyimpan kemajuan kasus " + caseId, "saving the progress of case " + caseId,
            e);
      }
    }
  }

  private String encode(Delivery d) {
    try {
      return json.write(d);
    } catch (EventJsonException e) {
      throw new IllegalArgumentException("delivery " + d.key() + " cannot be stored: " + e.getMessage(), e);
    }
  }

  private Delivery decode(String key, String line) {
    Delivery d;
    try {
      d = json.readDelivery(line);
    } catch (EventJsonException e) {
      throw corrupt(key, e.getMessage(), e);
    }
    if (!d.key().equals(key)) {
      throw corrupt(key, "the row holds another delivery", null);
    }
    return d;
  }

  private static JdbcStoreException corrupt(String key, String detail, Throwable cause) {
    return new JdbcStoreException(JdbcStoreException.Kind.CORRUPT_ROW, Text.of(
        "Baris pengiriman %s tidak memuat yang ditulis penyimpan: %s",
        "The row of delivery %s does not hold what the store wrote: %s").format(key, detail), cause);
  }
}
