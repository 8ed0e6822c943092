package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.sop.SopRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check that lets a store skip Flyway when the schema is current ({@code JdbcCaseStore.schemaCurrent}), on H2:
 * it knows every migration script, and it says "current" only after all of them succeeded.
 */
class SchemaCurrentTest {

  private static final SopRegistry REGISTRY = SopRegistry.withReference();

  @TempDir
  Path dir;

  @Test
  void theKnownVersionsAreTheScriptsOfEveryDatabase() throws IOException, URISyntaxException {
    for (Dialect d : Dialect.values()) {
      Set<String> versions = new TreeSet<>();
      for (String location : new String[] {Dialect.commonMigrations(), d.migrations()}) {
        Path folder = Path.of(SchemaCurrentTest.class.getClassLoader()
            .getResource(location.substring("classpath:".length())).toURI());
        try (Stream<Path> files = Files.list(folder)) {
          files.map(f -> f.getFileName().toString()).forEach(n -> versions.add(n.substring(1, n.indexOf("__"))));
        }
      }
      assertThat(versions).as(d.name()).isEqualTo(new TreeSet<>(JdbcCaseStore.MIGRATION_VERSIONS));
    }
  }

  @Test
  void onlyAFullySuccessfulHistoryIsCurrent() throws SQLException {
    Path folder = dir.resolve("db");
    String url = JdbcCaseStore.h2FileUrl(folder);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(JdbcCaseStore.schemaCurrent(c, Dialect.H2)).as("no history").isFalse();
      Flyway.configure().dataSource(url, "", "").locations(Dialect.commonMigrations(), Dialect.H2.migrations())
          .table(JdbcCaseStore.SCHEMA_HISTORY_TABLE).target("2").load().migrate();
      assertThat(JdbcCaseStore.schemaCurrent(c, Dialect.H2)).as("at version 2").isFalse();
      JdbcCaseStore.h2File(folder, REGISTRY::find).close(); // Flyway migrates the rest
      assertThat(JdbcCaseStore.schemaCurrent(c, Dialect.H2)).as("migrated").isTrue();
      JdbcCaseStore.h2File(folder, REGISTRY::find).close(); // skips Flyway, still current
      assertThat(JdbcCaseStore.schemaCurrent(c, Dialect.H2)).as("reopened").isTrue();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE \"" + JdbcCaseStore.SCHEMA_HISTORY_TABLE + "\" SET \"success\" = FALSE"
            + " WHERE \"version\" = '5'");
      }
      assertThat(JdbcCaseStore.schemaCurrent(c, Dialect.H2)).as("a failed migration").isFalse();
    }
  }
}
