package id.go.kpu.jdih.store.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The storage contract and the JDBC storage's own tests on PostgreSQL 15, in new schemas of the database named by
 * the environment variable {@code JDIH_TEST_POSTGRES_URL}; skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "JDIH_TEST_POSTGRES_URL", matches = ".+")
class JdbcStoragePostgresTest extends JdbcStorageTestBase {

  @Override
  protected JdbcCaseStoreTestBase.TestDatabase createDatabase() throws SQLException {
    return ServerDatabases.postgres(System.getenv("JDIH_TEST_POSTGRES_URL"));
  }
}
