package id.go.kpu.jdih.store.jdbc;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;

/**
 * The JDBC store could not do its work: the database failed or refused a statement, the schema could not be
 * migrated, a stored row does not hold what the store wrote, the database is not one the store supports, a
 * value does not fit its column, or a library a URL factory needs is missing.
 * Version conflicts and refused events are not reported with this exception but with
 * {@link id.go.kpu.jdih.store.VersionConflictException} and {@link id.go.kpu.jdih.store.InvalidAppendException}.
 */
public final class JdbcStoreException extends JdihException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, each with its stable code. */
  public enum Kind {
    /**
     * A statement or a connection failed (the server is down, the pool timed out, a value does not fit its
     * column, ...). An append that fails so wrote nothing: its transaction was rolled back.
     */
    DATABASE_FAILURE("JDIH-JDBC-001"),
    /** Flyway could not bring the schema up to date. */
    MIGRATION_FAILED("JDIH-JDBC-002"),
    /** A stored row does not decode to the event it should hold (edited by hand, or another program's data). */
    CORRUPT_ROW("JDIH-JDBC-003"),
    /** The database is none of H2, PostgreSQL and MariaDB. */
    UNSUPPORTED_DATABASE("JDIH-JDBC-004"),
    /**
     * A value is longer than its column allows (a notification delivery's key or channel name); nothing was
     * written.
     */
    VALUE_TOO_LONG("JDIH-JDBC-005"),
    /**
     * A URL factory needs a library that is not on the class path: HikariCP for the pool it opens, or the JDBC
     * driver of the URL's database. The message names the artifact to add (groupId:artifactId). Nothing was
     * opened.
     */
    MISSING_LIBRARY("JDIH-JDBC-006");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The stable code. */
    public String code() {
      return code;
    }
  }

  private final Kind kind;

  JdbcStoreException(Kind kind, Text text, Throwable cause) {
    super(kind.code(), text, cause);
    this.kind = kind;
  }

  /** What failed. */
  public Kind kind() {
    return kind;
  }
}
