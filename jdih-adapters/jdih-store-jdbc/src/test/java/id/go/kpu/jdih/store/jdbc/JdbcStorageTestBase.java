package id.go.kpu.jdih.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.anchor.DigestVerifier;
import id.go.kpu.jdih.anchor.HeadDigest;
import id.go.kpu.jdih.anchor.HeadSeal;
import id.go.kpu.jdih.anchor.HeadSealException;
import id.go.kpu.jdih.anchor.HeadSigner;
import id.go.kpu.jdih.anchor.HmacSha256Signer;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationKind;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.NotifyFixtures;
import id.go.kpu.jdih.testkit.hash.InsiderRewrite;
import id.go.kpu.jdih.testkit.publish.OutboxFixtures;
import id.go.kpu.jdih.testkit.store.StorageContract;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link JdbcStorage} passes on every database: the storage contract (events and intents together or not at
 * all, seen by a second instance opened as another process would), and the JDBC storage's own features: lease
 * owners in the tables, an intents insert that fails taking the events with it, a database at schema version 2
 * migrated, due times exact within a microsecond, typed errors for keys too long and rows that do not decode; head
 * seals in {@code head_seals}, and the insider's rewrite with SQL refused by them and by an exported digest.
 *
 * <p>A subclass supplies new databases; the tests of the class share one, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStorageTestBase extends StorageContract {

  static final Instant T0 = Instant.parse("2024-03-04T02:00:00Z");

  private ClassDatabase db;

  /** A new, empty database that no other test class or run uses; every call gives another one. */
  protected abstract JdbcCaseStoreTestBase.TestDatabase createDatabase() throws Exception;

  @BeforeAll
  void createTheDatabase() throws Exception {
    db = new ClassDatabase(createDatabase());
  }

  @AfterAll
  void dropTheDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @AfterEach
  void closeStorages() {
    db.closeAll();
  }

  @Override
  protected Storage createStorage() throws Exception {
    return db.fresh();
  }

  @Override
  protected Storage reopen(Storage storage) {
    return db.another();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Lease owners

  @Test
  void leaseOwnersShowWhichInstanceHoldsAnIntentOrADelivery() throws Exception {
    JdbcStorage a = db.fresh();
    JdbcStorage b = db.another();
    assertThat(a.leaseOwner()).matches("[^/]+/\\d+/[0-9a-f]{8}").isNotEqualTo(b.leaseOwner());
    assertThat(a.outbox().leaseOwner()).isEqualTo(a.leaseOwner());
    assertThat(a.notifications().leaseOwner()).isEqualTo(a.leaseOwner());

    IntentState s1 = pending("sewa", T0);
    assertThat(a.outbox().add(s1)).isTrue();
    assertThat(intentColumns(s1)).containsExactly("PENDING", "1", at(T0), null);
    IntentState s2 = next(s1, IntentStatus.IN_PROGRESS, Optional.empty(), Optional.of(T0.plusSeconds(600)));
    assertThat(a.outbox().replace(s1, s2)).isTrue();
    assertThat(intentColumns(s1)).containsExactly("IN_PROGRESS", "2", at(T0.plusSeconds(600)), a.leaseOwner());
    IntentState s3 = next(s2, IntentStatus.RETRY_SCHEDULED, Optional.of(T0.plusSeconds(900)), Optional.empty());
    assertThat(b.outbox().replace(s2, s3)).isTrue();
    assertThat(intentColumns(s1)).containsExactly("RETRY_SCHEDULED", "3", at(T0.plusSeconds(900)), null);
    IntentState s4 = next(s3, IntentStatus.IN_PROGRESS, Optional.empty(), Optional.of(T0.plusSeconds(1200)));
    assertThat(a.outbox().replace(s2, next(s2, IntentStatus.IN_PROGRESS, Optional.empty(),
        Optional.of(T0.plusSeconds(1200))))).as("a stale version").isFalse();
    assertThat(b.outbox().replace(s3, s4)).isTrue();
    assertThat(intentColumns(s1)).containsExactly("IN_PROGRESS", "4", at(T0.plusSeconds(1200)), b.leaseOwner());
    IntentState s5 = next(s4, IntentStatus.NEEDS_CONFIRMATION, Optional.empty(), Optional.empty());
    assertThat(a.outbox().replace(s4, s5)).isTrue();
    assertThat(intentColumns(s1)).containsExactly("NEEDS_CONFIRMATION", "5", null, null);
    assertThat(a.outbox().find(s1.id())).contains(s5);

    Delivery d = Delivery.pending(notice("sewa", 1), "email", T0);
    assertThat(a.notifications().record(d)).isTrue();
    assertThat(deliveryColumns(d.key())).containsExactly("PENDING", "0", at(T0), null);
    assertThat(b.notifications().claimDue(T0, 5, Duration.ofMinutes(2))).hasSize(1);
    assertThat(deliveryColumns(d.key())).containsExactly("SENDING", "1", at(T0.plusSeconds(120)), b.leaseOwner());
    a.notifications().markSent(d.key(), T0.plusSeconds(3));
    assertThat(deliveryColumns(d.key())).as("a sent delivery is never due again")
        .containsExactly("SENT", "1", null, null);
    assertThat(b.notifications().find(d.key()).orElseThrow().sentAt()).contains(T0.plusSeconds(3));
  }

  /**
   * Another claimer (here a plain connection) holds the earliest delivery's row locked in an open transaction: a
   * claim neither waits for it nor gives up, but takes the next one; once the lock is gone, the held one is
   * claimed too.
   */
  @Test
  void aClaimPassesOverADeliveryAnotherClaimerHolds() throws Exception {
    JdbcStorage storage = db.fresh();
    Delivery first = Delivery.pending(notice("kunci", 1), "email", T0);
    Delivery second = Delivery.pending(notice("kunci", 2), "email", T0.plusSeconds(1));
    storage.notifications().record(first);
    storage.notifications().record(second);
    try (Connection other = db.database().connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement(
          "SELECT delivery_key FROM notification_deliveries WHERE delivery_key = ? FOR UPDATE")) {
        ps.setString(1, first.key());
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
        }
      }
      long start = System.nanoTime();
      assertThat(storage.notifications().claimDue(T0.plusSeconds(5), 1, Duration.ofMinutes(1)))
          .extracting(Delivery::key).containsExactly(second.key());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the lock")
          .isLessThan(Duration.ofSeconds(5));
      other.rollback();
    }
    assertThat(storage.notifications().claimDue(T0.plusSeconds(5), 5, Duration.ofMinutes(1)))
        .extracting(Delivery::key).containsExactly(first.key());
  }

  // ---------------------------------------------------------------------------------------------------------
  // One transaction

  /**
   * The outbox table is renamed away, so inserting the intents fails after the events and the summary row were
   * written in the same transaction: the case must stay at its version, and the same append must succeed once the
   * table is back.
   */
  @Test
  void anIntentsInsertThatFailsTakesTheEventsWithIt() throws Exception {
    JdbcStorage storage = db.fresh();
    CaseId id = CaseId.of("gagal-sisip");
    List<RecordedEvent> events = Histories.happyPath(id, T0, 4);
    storage.append(id, 0, events.subList(0, 3), List.of());
    List<IntentState> intents = List.of(pending("gagal-sisip", T0));
    rename("outbox_intents", "outbox_intents_pergi");
    try {
      assertThatThrownBy(() -> storage.append(id, 3, events.subList(3, 4), intents))
          .isInstanceOfSatisfying(JdbcStoreException.class,
              e -> assertThat(e.kind()).isEqualTo(JdbcStoreException.Kind.DATABASE_FAILURE));
      assertThat(storage.cases().version(id)).isEqualTo(3);
      assertThat(storage.cases().load(id)).isEqualTo(events.subList(0, 3));
      assertThat(storage.cases().summary(id).orElseThrow().version()).isEqualTo(3);
    } finally {
      rename("outbox_intents_pergi", "outbox_intents");
    }
    assertThat(db.another().cases().load(id)).as("as another process sees it").isEqualTo(events.subList(0, 3));
    assertThat(storage.outbox().forCase(id)).isEmpty();
    storage.append(id, 3, events.subList(3, 4), intents);
    assertThat(storage.cases().load(id)).isEqualTo(events);
    assertThat(storage.outbox().forCase(id)).containsExactlyElementsOf(intents);
  }

  /** A server lists what an office's people were sent: the deliveries of that office's cases, newest first. */
  @Test
  void theDeliveriesOfAnOfficesCasesAreListedNewestFirst() throws Exception {
    JdbcStorage storage = db.fresh();
    CaseId id = CaseId.of("kantor-kasus");
    storage.append(id, 0, Histories.happyPath(id, T0, 2), List.of());
    String office = storage.cases().summary(id).orElseThrow().sop().officeId();
    for (int i = 1; i <= 3; i++) {
      storage.notifications().record(Delivery.pending(notice("kantor-kasus", i), "email", T0.plusSeconds(i)));
    }
    storage.notifications().record(Delivery.pending(notice("tanpa-ringkasan", 1), "email", T0));
    assertThat(storage.notifications().deliveriesOfOffice(office, 10)).extracting(d -> d.notification().key())
        .containsExactly(key("kantor-kasus", 3), key("kantor-kasus", 2), key("kantor-kasus", 1));
    assertThat(storage.notifications().deliveriesOfOffice(office, 2)).hasSize(2);
    assertThat(storage.notifications().deliveriesOfOffice("kantor-lain", 10)).isEmpty();
    assertThatThrownBy(() -> storage.notifications().deliveriesOfOffice(office, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void rename(String from, String to) throws SQLException {
    try (Connection c = db.database().connect(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + from + " RENAME TO " + to); // H2, PostgreSQL and MariaDB all accept this form
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Head seals

  static final HeadSigner SIGNER = new HmacSha256Signer("kpu-jdbc-test",
      "a test key of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII));

  private Jdih sealedRuntime(JdbcStorage storage) {
    return Jdih.builder().actors(new InMemoryPersonDirectory()).storage(storage)
        .clock(MutableClock.at("2024-03-04T02:00:00Z")).sealWith(SIGNER, storage.seals()).build();
  }

  @Test
  void sealsAreStoredKeptOnceAndDroppedBelowTheVerifiedHead() throws Exception {
    JdbcStorage s = db.fresh();
    CaseId id = CaseId.of("segel");
    HeadSeal one = HeadSeal.of(SIGNER, id, 1, "11".repeat(32));
    HeadSeal two = HeadSeal.of(SIGNER, id, 2, "22".repeat(32));
    HeadSeal twoOther = HeadSeal.of(SIGNER, id, 2, "33".repeat(32));
    s.seals().put(one, 0);
    s.seals().put(one, 0); // again: no error, one row
    assertThat(s.seals().find(id, 1)).containsExactly(one);
    s.seals().put(two, 1);
    s.seals().put(twoOther, 1);
    assertThat(db.another().seals().find(id, 2)).containsExactlyInAnyOrder(two, twoOther);
    assertThat(s.seals().find(id, 1)).containsExactly(one);
    s.seals().put(HeadSeal.of(SIGNER, id, 3, "44".repeat(32)), 2);
    assertThat(s.seals().find(id, 1)).isEmpty();
    assertThat(s.seals().find(id, 2)).hasSize(2);
    assertThat(s.seals().find(CaseId.of("Segel"), 2)).as("case ids compare exactly").isEmpty();
  }

  /**
   * The attack of the issue, with SQL: the approver's name changed in the stored event, every hash after it
   * recomputed and written back with UPDATE, so the chain verifies. The seals refuse the case in the runtime that
   * wrote it and in a new process; the digest exported before shows it was rewritten.
   */
  @Test
  void anApproverRenamedWithSqlAndEveryHashRecomputedIsRefusedByTheSealAndTheDigest() throws Exception {
    JdbcStorage storage = db.fresh();
    Jdih jdih = sealedRuntime(storage);
    CaseId id = CaseId.of("nama-penyetuju");
    CaseId other = CaseId.of("kasus-lain");
    for (CaseId c : List.of(id, other)) {
      for (CaseCommand command : Fixtures.happyPath(c, Fixtures.produkHukum(), T0).subList(0, 4)) {
        jdih.cases().handleTrusted(command);
      }
    }
    assertThat(jdih.cases().get(id).version()).isEqualTo(4);
    HeadDigest digest = HeadDigest.parse(jdih.headDigest(T0, e -> { }).text());
    assertThat(jdih.verifyDigest(digest)).isEmpty();

    List<RecordedEvent> before = storage.cases().load(id);
    assertThat(before.get(1).actor()).isEqualTo(Fixtures.KASUBAG);
    ImmutableList<RecordedEvent> after = InsiderRewrite.renameActor(before, 1, "Pejabat Lain");
    EventJson json = new EventJson();
    try (Connection c = db.database().connect()) {
      for (RecordedEvent e : after.subList(1, after.size())) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_events SET event_json = ?, previous_hash = ?,"
            + " event_hash = ? WHERE case_id = ? AND sequence_no = ?")) {
          ps.setString(1, json.write(e));
          ps.setString(2, e.previousHash());
          ps.setString(3, e.hash());
          ps.setString(4, id.value());
          ps.setLong(5, e.sequence());
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET head_hash = ? WHERE case_id = ?")) {
        ps.setString(1, HashChain.head(after));
        ps.setString(2, id.value());
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    JdbcStorage restartedStorage = db.another();
    List<RecordedEvent> stored = restartedStorage.cases().load(id);
    assertThat(stored.get(1).actor().name()).isEqualTo("Pejabat Lain");
    assertThat(HashChain.verify(stored)).as("the rewritten chain verifies").isEmpty();

    HeadSealException cached = catchThrowableOfType(HeadSealException.class,
        () -> jdih.cases().get(id));
    assertThat(cached.code()).isEqualTo("JDIH-CASE-011");
    assertThat(cached.problem()).isEqualTo(HeadSealException.Problem.NO_SEAL);
    Jdih restarted = sealedRuntime(restartedStorage);
    assertThatThrownBy(() -> restarted.cases().handleTrusted(Fixtures.happyPath(id, Fixtures.produkHukum(), T0)
        .get(4))).isInstanceOf(HeadSealException.class);
    assertThat(restartedStorage.cases().load(id)).hasSize(4);
    assertThat(restarted.cases().get(other).version()).as("other cases go on").isEqualTo(4);
    assertThat(restarted.verifyDigest(digest)).containsExactly(
        new DigestVerifier.Finding(Optional.of(id), DigestVerifier.Problem.REWRITTEN));

    // the same runtime with another key: every sealed case is refused
    Jdih wrongKey = Jdih.builder().actors(new InMemoryPersonDirectory()).storage(restartedStorage)
        .sealWith(new HmacSha256Signer("kpu-jdbc-test", "another key of at least thirty-two bytes"
            .getBytes(StandardCharsets.US_ASCII)), restartedStorage.seals()).build();
    assertThat(catchThrowableOfType(HeadSealException.class,
        () -> wrongKey.cases().get(other)).problem()).isEqualTo(HeadSealException.Problem.BAD_TAG);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Migration

  /**
   * A database the previous version made (schema version 2, a case in it) opens as storage: Flyway applies
   * version 3, the case reads back and goes on, with intents.
   */
  @Test
  void aDatabaseAtSchemaVersion2IsMigrated() throws Exception {
    try (JdbcCaseStoreTestBase.TestDatabase old = createDatabase()) {
      Flyway v2 = Flyway.configure().configuration(old.flyway().getConfiguration()).target("2").load();
      v2.migrate();
      assertThat(old.flyway().info().applied()).extracting(m -> m.getVersion().getVersion())
          .containsExactly("1", "2");
      CaseId id = CaseId.of("dari-versi-2");
      List<RecordedEvent> events = Histories.happyPath(id, T0, 4);
      writeAsVersion2Did(old, events.subList(0, 2));

      try (JdbcStorage storage = old.openStorage(ClassDatabase.REGISTRY::find)) {
        assertThat(old.flyway().info().applied()).extracting(m -> m.getVersion().getVersion())
            .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(old.flyway().info().pending()).isEmpty();
        assertThat(storage.cases().load(id)).isEqualTo(events.subList(0, 2));
        assertThat(storage.cases().summary(id).orElseThrow().status()).contains(CaseStatus.OPEN);
        storage.append(id, 2, events.subList(2, 4), List.of(pending("dari-versi-2", T0)));
        assertThat(storage.cases().load(id)).isEqualTo(events);
        assertThat(storage.cases().summary(id).orElseThrow().currentActivity()).hasValue(5);
        assertThat(storage.outbox().forCase(id)).hasSize(1);
      }
    }
  }

  /** The rows JdbcCaseStore at schema version 2 wrote for a new case of {@code events}. */
  private static void writeAsVersion2Did(JdbcCaseStoreTestBase.TestDatabase database, List<RecordedEvent> events)
      throws SQLException {
    EventJson json = new EventJson();
    try (Connection c = database.connect()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_events (case_id, sequence_no,"
          + " sop_office, sop_number, sop_revision, command_id, actor_nip, occurred_at, activity, payload_type,"
          + " event_json, previous_hash, event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (RecordedEvent e : events) {
          ps.setString(1, e.caseId().value());
          ps.setLong(2, e.sequence());
          ps.setString(3, e.sop().officeId());
          ps.setString(4, e.sop().number());
          ps.setInt(5, e.sop().revision());
          ps.setString(6, e.commandId().value());
          ps.setString(7, e.actor().nip().value());
          ps.setObject(8, at(e.at()));
          ps.setInt(9, e.activity().orElseThrow());
          ps.setString(10, JdbcCaseStore.payloadType(e));
          ps.setString(11, json.write(e));
          ps.setString(12, e.previousHash());
          ps.setString(13, e.hash());
          ps.executeUpdate();
        }
      }
      RecordedEvent first = events.get(0);
      RecordedEvent last = events.get(events.size() - 1);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (case_id, sop_office, sop_number,"
          + " sop_revision, status, current_activity, available_since, opened_at, version, head_hash)"
          + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)")) {
        ps.setString(1, first.caseId().value());
        ps.setString(2, first.sop().officeId());
        ps.setString(3, first.sop().number());
        ps.setInt(4, first.sop().revision());
        ps.setInt(5, last.activity().orElseThrow() + 1);
        ps.setObject(6, at(last.at()));
        ps.setObject(7, at(first.at()));
        ps.setLong(8, events.size());
        ps.setString(9, last.hash());
        ps.executeUpdate();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Exact times

  /**
   * Twelve intents and twelve deliveries due within one microsecond (the columns' precision), in the reverse of
   * their id and recording order: the store still answers by the exact instants, even when the first rows the
   * database returns all share that microsecond.
   */
  @Test
  void dueTimesAreExactWithinAMicrosecond() throws Exception {
    JdbcStorage storage = db.fresh();
    for (int i = 0; i < 12; i++) {
      storage.outbox().add(pending(String.format("mikro-%02d", i), T0.plusNanos(12 - i)));
      storage.notifications().record(Delivery.pending(notice("mikro", i), "email", T0.plusNanos(12 - i)));
    }
    assertThat(storage.outbox().due(T0.plusSeconds(1), 1)).extracting(s -> s.id().value())
        .containsExactly("mikro-11.x.r1");
    assertThat(storage.outbox().due(T0.plusNanos(5), 100)).extracting(s -> s.id().value())
        .containsExactly("mikro-11.x.r1", "mikro-10.x.r1", "mikro-09.x.r1", "mikro-08.x.r1", "mikro-07.x.r1");
    assertThat(storage.outbox().due(T0, 100)).isEmpty();
    assertThat(storage.outbox().nextDueAt()).contains(T0.plusNanos(1));

    assertThat(storage.notifications().claimDue(T0, 100, Duration.ofMinutes(1))).isEmpty();
    assertThat(storage.notifications().claimDue(T0.plusNanos(5), 100, Duration.ofMinutes(1)))
        .extracting(d -> d.notification().key()).containsExactly(key("mikro", 11), key("mikro", 10),
            key("mikro", 9), key("mikro", 8), key("mikro", 7));
    assertThat(storage.notifications().claimDue(T0.plusSeconds(1), 1, Duration.ofMinutes(1)))
        .extracting(d -> d.notification().key()).containsExactly(key("mikro", 6));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Errors

  @Test
  void aDeliveryKeyTooLongForItsColumnIsATypedBilingualError() throws Exception {
    JdbcStorage storage = db.fresh();
    Notification n = new Notification("k".repeat(600), NotificationKind.AVAILABLE, CaseId.of("panjang"),
        OptionalInt.of(3), NotifyFixtures.BUDI, Text.of("subjek", "subject"), Text.of("isi", "body"));
    assertThatThrownBy(() -> storage.notifications().record(Delivery.pending(n, "email", T0)))
        .isInstanceOfSatisfying(JdbcStoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(JdbcStoreException.Kind.VALUE_TOO_LONG);
          assertThat(e.code()).isEqualTo("JDIH-JDBC-005");
          assertThat(e.text().id()).contains("kunci pengiriman").contains("610").contains("512");
          assertThat(e.text().en()).contains("delivery key").contains("610").contains("512");
        });
    assertThat(storage.notifications().deliveries()).isEmpty();
  }

  @Test
  void rowsThatDoNotDecodeAreReportedWithoutAddresses() throws Exception {
    JdbcStorage storage = db.fresh();
    Delivery d = Delivery.pending(notice("rusak", 1), "email", T0);
    storage.notifications().record(d);
    Delivery other = Delivery.pending(notice("rusak", 2), "email", T0);
    IntentState s = pending("rusak", T0);
    storage.outbox().add(s);
    for (String line : List.of("{\"v\":1}", new id.go.kpu.jdih.event.json.NotificationJson().write(other))) {
      try (Connection c = db.database().connect(); PreparedStatement ps = c.prepareStatement(
          "UPDATE notification_deliveries SET delivery_json = ? WHERE delivery_key = ?")) {
        ps.setString(1, line);
        ps.setString(2, d.key());
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThatThrownBy(() -> storage.notifications().find(d.key()))
          .isInstanceOfSatisfying(JdbcStoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(JdbcStoreException.Kind.CORRUPT_ROW);
            assertThat(e.getMessage()).contains(d.key()).doesNotContain("budi.santoso@kpu-mentawai.go.id");
          });
    }
    try (Connection c = db.database().connect(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE outbox_intents SET state_json = '{\"v\":1}'");
    }
    assertThatThrownBy(() -> storage.outbox().find(s.id())).isInstanceOfSatisfying(JdbcStoreException.class,
        e -> assertThat(e.kind()).isEqualTo(JdbcStoreException.Kind.CORRUPT_ROW));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  /** The first state of the X intent of case {@code caseId}, recorded (and due) at {@code at}. */
  static IntentState pending(String caseId, Instant at) {
    return IntentState.pending(OutboxFixtures.intent(caseId, Platform.X, "Tahukah kamu? #JDIH", 0, T0), at);
  }

  /** {@code s}'s next version with another status, retry time and lease, written a second later. */
  static IntentState next(IntentState s, IntentStatus status, Optional<Instant> nextAttemptAt,
      Optional<Instant> leaseUntil) {
    return new IntentState(s.intent(), status, s.version() + 1, s.ids(), s.liveIdsFrom(), s.sendAttempts(),
        s.failures(), s.rateLimitWaits(), s.polls(), s.reconcileFirst(), s.reconcileChecks(), s.notFoundLookups(),
        s.duplicateSignal(), s.firstSentAt(), nextAttemptAt, leaseUntil, s.post(), s.problem(), s.caseRecorded(),
        s.notes(), s.updatedAt().plusSeconds(1));
  }

  /** The {@code i}-th notice to Budi (who has an e-mail address) about case {@code caseId}. */
  static Notification notice(String caseId, int i) {
    return new Notification(key(caseId, i), NotificationKind.AVAILABLE, CaseId.of(caseId), OptionalInt.of(3),
        NotifyFixtures.BUDI, Text.of("subjek " + i, "subject " + i), Text.of("isi", "body"));
  }

  static String key(String caseId, int i) {
    return caseId + "/available/3/" + i + "/to/198502022010012002";
  }

  private static LocalDateTime at(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** status, version, due_at, lease_owner of the intent's row. */
  private List<Object> intentColumns(IntentState s) throws SQLException {
    return row("SELECT status, version, due_at, lease_owner FROM outbox_intents WHERE intent_id = ?",
        s.id().value());
  }

  /** status, attempts, next_attempt_at, lease_owner of the delivery's row. */
  private List<Object> deliveryColumns(String key) throws SQLException {
    return row("SELECT status, attempts, next_attempt_at, lease_owner FROM notification_deliveries"
        + " WHERE delivery_key = ?", key);
  }

  private List<Object> row(String sql, String key) throws SQLException {
    try (Connection c = db.database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a row for %s", key).isTrue();
        List<Object> out = new ArrayList<>();
        out.add(rs.getString(1));
        out.add(String.valueOf(rs.getLong(2)));
        out.add(rs.getObject(3, LocalDateTime.class));
        out.add(rs.getString(4));
        return out;
      }
    }
  }
}
