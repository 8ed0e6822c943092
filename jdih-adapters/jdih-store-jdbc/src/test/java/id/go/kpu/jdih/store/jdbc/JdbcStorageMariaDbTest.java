package id.go.kpu.jdih.store.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The storage contract and the JDBC storage's own tests on MariaDB 10.11, in new databases on the server named by
 * the environment variable {@code JDIH_TEST_MARIADB_URL}; skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "JDIH_TEST_MARIADB_URL", matches = ".+")
class JdbcStorageMariaDbTest extends JdbcStorageTestBase {

  @Override
  protected JdbcCaseStoreTestBase.TestDatabase createDatabase() throws SQLException {
    return ServerDatabases.mariadb(System.getenv("JDIH_TEST_MARIADB_URL"));
  }
}
