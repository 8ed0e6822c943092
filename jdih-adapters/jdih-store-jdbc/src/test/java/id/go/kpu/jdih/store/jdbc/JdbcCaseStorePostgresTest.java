package id.go.kpu.jdih.store.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store on PostgreSQL 15, each test in a new schema of the database named by the environment variable
 * {@code JDIH_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); skipped
 * without it.
 */
@EnabledIfEnvironmentVariable(named = "JDIH_TEST_POSTGRES_URL", matches = ".+")
class JdbcCaseStorePostgresTest extends JdbcCaseStoreTestBase {

  @Override
  protected TestDatabase createDatabase() throws SQLException {
    return ServerDatabases.postgres(System.getenv("JDIH_TEST_POSTGRES_URL"));
  }

  @Override
  protected String databaseName() {
    return "PostgreSQL";
  }
}
