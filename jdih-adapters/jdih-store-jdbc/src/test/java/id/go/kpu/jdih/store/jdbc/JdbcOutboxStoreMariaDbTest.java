package id.go.kpu.jdih.store.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The outbox-store contract on MariaDB 10.11, in new databases on the server named by the environment variable
 * {@code JDIH_TEST_MARIADB_URL}; skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "JDIH_TEST_MARIADB_URL", matches = ".+")
class JdbcOutboxStoreMariaDbTest extends JdbcOutboxStoreTestBase {

  @Override
  protected JdbcCaseStoreTestBase.TestDatabase createDatabase() throws SQLException {
    return ServerDatabases.mariadb(System.getenv("JDIH_TEST_MARIADB_URL"));
  }
}
