package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@link Storage} in one relational database (H2 in file mode, PostgreSQL 15 or MariaDB 10.11): the case histories
 * ({@link JdbcCaseStore}), the publishing outbox ({@link JdbcOutboxStore}) and the notification ledger
 * ({@link JdbcNotificationLedger}) on one data source, whose schema Flyway brings up to date when the storage opens
 * (a database made by an earlier version is migrated). See the {@linkplain id.go.kpu.jdih.store.jdbc package
 * description} for the schema.
 *
 * <p><b>Atomic append.</b> {@link #append} writes the events (as {@link JdbcCaseStore#append} does: version check,
 * chain check, the events' primary key, the summary row) and inserts the new intents in one database transaction,
 * committed once: both are stored or neither. An intent whose id is stored already is left as it is, without an
 * error that would spoil the transaction. A version conflict or refused events are reported as by
 * {@link JdbcCaseStore#append}, before any intent is written, and nothing is stored.
 *
 * <p><b>Lease owner.</b> The storage names itself {@code <host>/<pid>/<random>} ({@link #leaseOwner()}); the
 * outbox and the ledger write that name to the {@code lease_owner} column of what they hold in progress, so that
 * an operator sees which instance holds it.
 *
 * <p>Thread-safe, and shared safely with other instances (other processes too) on a PostgreSQL or MariaDB
 * database; an H2 file database is opened by one process at a time. Close it to close the connection pool it opened
 * ({@link #open(DataSource, Function)} leaves a caller's data source open).
 */
public final class JdbcStorage implements Storage {

  private final JdbcCaseStore cases;
  private final JdbcOutboxStore outbox;
  private final JdbcNotificationLedger notifications;
  private final JdbcSealStore seals;
  private final String leaseOwner;

  private JdbcStorage(JdbcCaseStore cases) {
    this.cases = cases;
    this.leaseOwner = newLeaseOwner();
    this.outbox = new JdbcOutboxStore(cases.dataSource(), cases.ownsPool(), cases.dialect(), leaseOwner);
    this.notifications = new JdbcNotificationLedger(cases.dataSource(), cases.ownsPool(), cases.dialect(),
        leaseOwner);
    this.seals = new JdbcSealStore(cases.dataSource(), cases.ownsPool(), cases.dialect());
  }

  /**
   * Opens (creating it if needed) the embedded H2 database {@code jdih} in {@code dir}, as
   * {@link JdbcCaseStore#h2File} does, and brings its schema up to date. Only one process at a time can open an H2
   * file database. Needs {@code com.h2database:h2} and {@code com.zaxxer:HikariCP} on the class path (optional
   * dependencies of this module: add them).
   *
   * @param dir the folder of the database files; created if missing
   * @param definitions finds the definition a case runs under, for the summaries (e.g. {@code registry::find})
   * @throws JdbcStoreException if the database cannot be opened or migrated
   */
  public static JdbcStorage h2File(Path dir, Function<SopKey, Optional<SopDefinition>> definitions) {
    return new JdbcStorage(JdbcCaseStore.h2File(dir, definitions));
  }

  /**
   * Opens storage on {@code jdbcUrl} (H2, PostgreSQL or MariaDB) through one HikariCP pool of
   * {@value JdbcCaseStore#DEFAULT_POOL_SIZE} connections, as {@link JdbcCaseStore#open(String, String, String,
   * Function)} does, and brings the schema up to date. Needs {@code com.zaxxer:HikariCP} and the database's JDBC
   * driver on the class path (optional dependencies of this module: add them).
   *
   * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example:5432/jdih} or {@code jdbc:mariadb://db.example/jdih}
   * @param user the user; {@code null} to leave it to the URL
   * @param password the password; {@code null} to leave it to the URL
   * @param definitions finds the definition a case runs under, for the summaries (e.g. {@code registry::find})
   * @throws JdbcStoreException if the database cannot be reached, is not supported, or cannot be migrated
   */
  public static JdbcStorage open(String jdbcUrl, String user, String password,
      Function<SopKey, Optional<SopDefinition>> definitions) {
    return new JdbcStorage(JdbcCaseStore.open(jdbcUrl, user, password, definitions));
  }

  /**
   * Opens storage on a data source the caller configured and owns, as {@link JdbcCaseStore#open(DataSource,
   * Function)} does, and brings the schema up to date; {@link #close()} does not close the data source. Needs
   * neither HikariCP nor a driver from this module: the data source brings its own.
   *
   * @param definitions finds the definition a case runs under, for the summaries (e.g. {@code registry::find})
   * @throws JdbcStoreException if the database is not supported or cannot be migrated
   */
  public static JdbcStorage open(DataSource dataSource, Function<SopKey, Optional<SopDefinition>> definitions) {
    return new JdbcStorage(JdbcCaseStore.open(dataSource, definitions));
  }

  @Override
  public JdbcCaseStore cases() {
    return cases;
  }

  @Override
  public JdbcOutboxStore outbox() {
    return outbox;
  }

  @Override
  public JdbcNotificationLedger notifications() {
    return notifications;
  }

  /**
   * The seals of case heads, in the same database (table {@code head_seals}), for
   * {@code Jdih.builder().sealWith(signer, storage.seals())}: a seal is worthless without its key, which is kept
   * outside the database.
   */
  public JdbcSealStore seals() {
    return seals;
  }

  /** The name this storage's outbox and ledger write to {@code lease_owner}: {@code <host>/<pid>/<random>}. */
  public String leaseOwner() {
    return leaseOwner;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Without intents, this is {@link JdbcCaseStore#append} (and may take its one-statement PostgreSQL path);
   * with intents, one transaction holds the events, the summary row and the intents' inserts.
   *
   * @throws IllegalArgumentException if an intent is not a first state (version 1) of case {@code id}; nothing is
   *     stored
   * @throws JdbcStoreException if the database fails; nothing is stored
   */
  @Override
  public void append(CaseId id, long expectedVersion, List<RecordedEvent> events, List<IntentState> newIntents) {
    checkNotNull(id, "id");
    checkNotNull(newIntents, "newIntents");
    List<IntentState> intents = List.copyOf(newIntents);
    for (IntentState s : intents) {
      JdbcOutboxStore.checkFirst(s);
      checkArgument(s.intent().caseId().equals(id), "not a new intent of case %s: %s", id, s.id());
    }
    if (intents.isEmpty()) {
      cases.append(id, expectedVersion, events);
      return;
    }
    List<String> lines = new ArrayList<>(intents.size());
    for (IntentState s : intents) {
      lines.add(outbox.encode(s)); // before the transaction: nothing to undo if one cannot be written
    }
    cases.append(id, expectedVersion, events, con -> {
      for (int i = 0; i < intents.size(); i++) {
        outbox.insert(con, intents.get(i), lines.get(i)); // false: recorded already, left as it is
      }
    });
  }

  /**
   * Closes the connection pool the storage opened; a data source given to {@link #open(DataSource, Function)}
   * stays open.
   */
  @Override
  public void close() {
    cases.close();
  }

  /** {@code <host>/<pid>/<8 hex digits>}, at most 128 characters (the width of {@code lease_owner}). */
  static String newLeaseOwner() {
    // The host name from the environment or the kernel, not InetAddress.getLocalHost(), which may wait on DNS.
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      host = System.getenv("COMPUTERNAME");
    }
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/proc/sys/kernel/hostname")); // Linux: the kernel's host name
      } catch (IOException | RuntimeException e) {
        host = null;
      }
    }
    if (host == null || host.isBlank()) {
      host = "host";
    }
    host = host.strip();
    if (host.length() > 96) {
      host = host.substring(0, 96);
    }
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
  }
}
