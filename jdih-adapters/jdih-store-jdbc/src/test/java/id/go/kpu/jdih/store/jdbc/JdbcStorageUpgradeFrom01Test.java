package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 database that jdih 0.1 (commit 465ed79) wrote, at schema version 2 with hash format 1 events, opens as
 * {@link JdbcStorage}: it is migrated to the current version, every history reads back intact, and a case goes on
 * with an event of the current hash format, its mixed chain verifying.
 *
 * <p>The fixture {@code previous-databases/0.1.0-465ed79/jdih.mv.db} is a copy of jdih-cli's
 * {@code previous-homes/0.1.0-465ed79/h2/db/jdih.mv.db} (the H2 home the upgrade tests of the command line use),
 * checked here by its SHA-256 so that an accidental change shows.
 */
class JdbcStorageUpgradeFrom01Test {

  private static final String FIXTURE = "/previous-databases/0.1.0-465ed79/jdih.mv.db";
  private static final String FIXTURE_SHA256 = "d7ef63e35676db4279d8a91f4c4dbb211b0537328cf7e6f0136cf12bf69c8dd9";
  /** The cases jdih 0.1 wrote and how many events each has. */
  private static final Map<String, Integer> CASES = Map.of("kasus-terbit", 8, "kasus-siap-unggah", 8,
      "kasus-rapat", 3, "kasus-berjalan", 2);

  @TempDir
  Path dir;

  @Test
  void aDatabaseOfJdih01MigratesAndItsHistoriesGoOn() throws Exception {
    Path db = dir.resolve("db");
    Files.createDirectories(db);
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
      assertThat(in).as(FIXTURE).isNotNull();
      bytes = in.readAllBytes();
    }
    assertThat(Hashing.sha256().hashBytes(bytes).toString()).isEqualTo(FIXTURE_SHA256);
    Files.write(db.resolve("jdih.mv.db"), bytes);
    assertThat(appliedVersions(db)).as("as jdih 0.1 left it").containsExactly("1", "2");

    SopRegistry registry = SopRegistry.withReference();
    CaseId running = CaseId.of("kasus-berjalan");
    List<RecordedEvent> before;
    try (JdbcStorage storage = JdbcStorage.h2File(db, registry::find)) {
      for (Map.Entry<String, Integer> c : CASES.entrySet()) {
        List<RecordedEvent> history = storage.cases().load(CaseId.of(c.getKey()));
        assertThat(history).as(c.getKey()).hasSize(c.getValue());
        assertThat(HashChain.verify(history)).as("chain of %s", c.getKey()).isEmpty();
        assertThat(history).as(c.getKey()).allSatisfy(e -> assertThat(e.hashFormat()).isEqualTo(HashFormat.LEGACY_1));
      }
      try (var ids = storage.cases().caseIds()) {
        assertThat(ids.map(CaseId::value)).containsExactlyInAnyOrderElementsOf(CASES.keySet());
      }
      assertThat(storage.outbox().forCase(running)).isEmpty();
      assertThat(storage.notifications().deliveries()).isEmpty();

      // kasus-berjalan was proposed and approved: the meeting (activity 3) is next.
      before = storage.cases().load(running);
      CaseDecider decider = new CaseDecider(ReferenceSop.definition(), OutputRules.acceptAll());
      ContentCase state = ContentCase.replay(running, ReferenceSop.definition(), before);
      CaseCommand meeting = new CaseCommand.RecordMeeting(Fixtures.cmd(), running, Fixtures.TIM, Fixtures.meeting());
      List<RecordedEvent> added = decider.decide(state, meeting, before.get(before.size() - 1).at().plusSeconds(3600));
      assertThat(added).hasSize(1).allSatisfy(e -> assertThat(e.hashFormat()).isEqualTo(HashFormat.CURRENT));
      storage.append(running, before.size(), added, List.of());
    }
    assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");

    try (JdbcStorage again = JdbcStorage.h2File(db, registry::find)) {
      List<RecordedEvent> mixed = again.cases().load(running);
      assertThat(mixed).hasSize(before.size() + 1).startsWith(before.toArray(RecordedEvent[]::new));
      assertThat(mixed.get(mixed.size() - 1).hashFormat()).isEqualTo(HashFormat.CURRENT);
      assertThat(mixed.get(mixed.size() - 1).previousHash()).isEqualTo(before.get(before.size() - 1).hash());
      assertThat(HashChain.verify(mixed)).isEmpty();
      assertThat(again.cases().summary(running).orElseThrow().status()).contains(CaseStatus.OPEN);
      assertThat(again.cases().summary(running).orElseThrow().currentActivity()).hasValue(4);
    }
  }

  /** The versions in the database's Flyway history, in order of installation. */
  private static List<String> appliedVersions(Path db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(JdbcCaseStore.h2FileUrl(db));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + JdbcCaseStore.SCHEMA_HISTORY_TABLE
            + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
