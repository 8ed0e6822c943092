package id.go.kpu.jdih.server;

import org.junit.jupiter.api.BeforeAll;

/** Two server instances on one MariaDB database ({@code JDIH_TEST_MARIADB_URL}). */
class TwoInstancesMariaDbTest extends TwoInstancesTestBase {

  @BeforeAll
  static void startOnMariaDb() throws Exception {
    start("JDIH_TEST_MARIADB_URL", MARIADB);
  }
}
