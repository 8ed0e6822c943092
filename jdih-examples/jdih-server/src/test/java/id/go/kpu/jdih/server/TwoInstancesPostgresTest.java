package id.go.kpu.jdih.server;

import org.junit.jupiter.api.BeforeAll;

/** Two server instances on one PostgreSQL database ({@code JDIH_TEST_POSTGRES_URL}). */
class TwoInstancesPostgresTest extends TwoInstancesTestBase {

  @BeforeAll
  static void startOnPostgres() throws Exception {
    start("JDIH_TEST_POSTGRES_URL", POSTGRES);
  }
}
