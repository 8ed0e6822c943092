package id.go.kpu.jdih.store.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store on MariaDB 10.11, each test in a new database on the server named by the environment variable
 * {@code JDIH_TEST_MARIADB_URL} (e.g. {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}); skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "JDIH_TEST_MARIADB_URL", matches = ".+")
class JdbcCaseStoreMariaDbTest extends JdbcCaseStoreTestBase {

  @Override
  protected TestDatabase createDatabase() throws SQLException {
    return ServerDatabases.mariadb(System.getenv("JDIH_TEST_MARIADB_URL"));
  }

  @Override
  protected String databaseName() {
    return "MariaDB";
  }
}
