package id.go.kpu.jdih.store.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The outbox-store contract on H2 in file mode, in databases under the class's temporary folder. */
class JdbcOutboxStoreH2Test extends JdbcOutboxStoreTestBase {

  @TempDir
  static Path dir;

  private int databases;

  @Override
  protected JdbcCaseStoreTestBase.TestDatabase createDatabase() throws SQLException {
    return JdbcCaseStoreH2Test.h2(dir.resolve("db-" + databases++));
  }
}
