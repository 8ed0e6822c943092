package id.go.kpu.jdih.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the append benchmark runs on, and its dedicated schema {@value #SCHEMA}.
 *
 * <p>The server is {@code $JDIH_BENCH_POSTGRES_URL}, or {@value #DEFAULT_URL}. Both sides of the benchmark work in
 * the schema {@value #SCHEMA} (created fresh at each trial's set-up, dropped at its tear-down), never in the
 * schemas the project's tests use ({@code public}, {@code jdih_t_*}). Do not run two append benchmarks on one
 * server at once: they would share the schema.
 *
 * <p>{@code main} checks that the server answers (exit status 0) or says why not (exit status 1); {@code run.sh}
 * uses it to skip the PostgreSQL step.
 */
public final class BenchPostgres {

  /** The environment variable with the JDBC URL of the server. */
  public static final String URL_VARIABLE = "JDIH_BENCH_POSTGRES_URL";
  /** The server when {@value #URL_VARIABLE} is not set: the local one, trust authentication. */
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  /** The schema both sides of the benchmark create their tables in. */
  public static final String SCHEMA = "jdih_bench";

  private static final int LOGIN_TIMEOUT_SECONDS = 5;

  private BenchPostgres() {}

  /** The server's URL, as given. */
  public static String url() {
    String env = System.getenv(URL_VARIABLE);
    return env == null || env.isBlank() ? DEFAULT_URL : env.trim();
  }

  /**
   * The server's URL with the benchmark schema as the connection's current schema. PgJDBC's {@code currentSchema}
   * property "specif[ies] the schema (or several schema separated by comma's) to be set in the search-path"
   * (pgjdbc README, connection properties), so unqualified names (the store's tables, Flyway's history table)
   * resolve in {@value #SCHEMA}; as jdih-store-jdbc's own PostgreSQL tests connect.
   */
  public static String schemaUrl() {
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }

  /**
   * Drops {@value #SCHEMA} if it is left over from an interrupted run, and creates it empty.
   *
   * @throws IllegalStateException with a clear message if the server cannot be reached
   */
  public static void recreateSchema() {
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
  }

  /** Drops {@value #SCHEMA} and everything in it. */
  public static void dropSchema() {
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  /**
   * A HikariCP pool on {@link #schemaUrl()} configured as {@link JdbcCaseStore#open(String, String, String,
   * java.util.function.Function)} configures its own: {@value JdbcCaseStore#DEFAULT_POOL_SIZE} connections at most,
   * one kept idle, auto-commit on, READ COMMITTED, 15 s to wait for a connection. (HikariConfig setters as in the
   * HikariCP README, "Configuration".)
   */
  static HikariDataSource pool(String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(schemaUrl());
    config.setMaximumPoolSize(JdbcCaseStore.DEFAULT_POOL_SIZE);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(15_000);
    return new HikariDataSource(config);
  }

  /** Runs {@code sql} on a connection of its own, in auto-commit. */
  static void execute(String... sql) {
    try (Connection c = connect(url()); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL failed at " + redacted() + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String url) {
    DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + redacted() + " (" + e.getMessage()
          + "). Start it, or set " + URL_VARIABLE + " to a JDBC URL of a server that is running.", e);
    }
  }

  /** The URL without its parameters, which may hold a password. */
  static String redacted() {
    String url = url();
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }

  /**
   * Checks that the server answers.
   *
   * <pre>java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.postgres.BenchPostgres</pre>
   */
  public static void main(String[] args) {
    try (Connection c = connect(url())) {
      System.out.println("PostgreSQL at " + redacted() + ": " + c.getMetaData().getDatabaseProductVersion());
    } catch (IllegalStateException | SQLException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
