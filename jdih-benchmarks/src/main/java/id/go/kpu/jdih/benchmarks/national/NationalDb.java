package id.go.kpu.jdih.benchmarks.national;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.go.kpu.jdih.benchmarks.postgres.BenchPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of the national data set ({@code $JDIH_BENCH_POSTGRES_URL} or the local one, as
 * {@link BenchPostgres}) and its schema {@value #SCHEMA}, which nothing else uses.
 */
final class NationalDb {

  /** The schema the data set lives in. */
  static final String SCHEMA = "jdih_national";

  private NationalDb() {}

  /** The server's URL with {@value #SCHEMA} as the current schema (pgJDBC's {@code currentSchema}). */
  static String schemaUrl() {
    String url = BenchPostgres.url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }

  /** A plain connection in {@value #SCHEMA}, auto-commit on. */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(schemaUrl());
  }

  /** Runs {@code sql} in order on a connection to the server (not in the schema), auto-commit on. */
  static void execute(String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(BenchPostgres.url()); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /**
   * A pool like the server's: Spring Boot's default HikariCP pool (10 connections at most, auto-commit on), READ
   * COMMITTED as PostgreSQL's default.
   */
  static HikariDataSource serverLikePool() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("national");
    config.setJdbcUrl(schemaUrl());
    config.setMaximumPoolSize(10);
    config.setAutoCommit(true);
    config.setConnectionTimeout(30_000);
    return new HikariDataSource(config);
  }
}
