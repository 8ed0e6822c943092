package id.go.kpu.jdih.store.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.notify.CaseProgress;
import id.go.kpu.jdih.notify.Delivery;
import id.go.kpu.jdih.notify.DeliveryStatus;
import id.go.kpu.jdih.notify.NotificationLedger;
import id.go.kpu.jdih.testkit.store.NotificationLedgerContract;
import id.go.kpu.jdih.workflow.CaseId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file ledger against the contract (each reopen a new instance on the directory, as another process would
 * open it; the race with its full 1,000 deliveries, which also crosses a compaction); and its journal: torn tails,
 * batches cut short, damage, compaction.
 */
class FileNotificationLedgerTest extends NotificationLedgerContract {

  @TempDir
  Path dir;

  private int ledgers;

  @Override
  protected NotificationLedger createLedger() {
    return new FileNotificationLedger(dir.resolve("ledger-" + ledgers++));
  }

  @Override
  protected NotificationLedger reopen(NotificationLedger ledger) {
    return new FileNotificationLedger(((FileNotificationLedger) ledger).root());
  }

  private static Path journal(FileNotificationLedger l) {
    return l.root().resolve(FileNotificationLedger.JOURNAL);
  }

  @Test
  void theJournalHasAHeaderAndOneLinePerChangeAndAClaimIsOneBatch() throws IOException {
    FileNotificationLedger ledger = new FileNotificationLedger(dir);
    ledger.record(Delivery.pending(notice(1), "email", T0));
    ledger.record(Delivery.pending(notice(2), "email", T0));
    ledger.saveProgress(CaseId.of("kasus"), new CaseProgress(3, T0, false));
    assertThat(ledger.claimDue(T0, 5, Duration.ofMinutes(1))).hasSize(2);
    List<String> lines = Files.readAllLines(journal(ledger), UTF_8);
    assertThat(lines).hasSize(1 + 3 + 1 + 2);
    assertThat(lines.get(0)).matches("\\{\"journal\":\"jdih-notifications\",\"v\":1,\"generation\":\"[0-9a-f-]{36}\"}");
    assertThat(lines.get(1)).startsWith("{\"delivery\":{\"v\":1,\"key\":\"kasus/available/3/1/");
    assertThat(lines.get(3)).isEqualTo(
        "{\"case\":\"kasus\",\"progress\":{\"v\":1,\"version\":3,\"checkedUntil\":\"2024-03-04T01:00:00Z\","
            + "\"closed\":false}}");
    assertThat(lines.get(4)).isEqualTo("{\"batch\":2}");
    assertThat(lines.get(5)).contains("\"status\":\"SENDING\"");
  }

  @Test
  void aClaimCutShortByACrashIsDroppedWholeAndTheTornTailTruncatedByTheNextChange() throws IOException {
    FileNotificationLedger ledger = new FileNotificationLedger(dir);
    for (int i = 0; i < 3; i++) {
      ledger.record(Delivery.pending(notice(i), "email", T0));
    }
    long committed = Files.size(journal(ledger));
    assertThat(ledger.claimDue(T0, 3, Duration.ofMinutes(1))).hasSize(3);
    byte[] all = Files.readAllBytes(journal(ledger));
    for (int cut = (int) committed; cut < all.length; cut += 7) {
      Files.write(journal(ledger), Arrays.copyOf(all, cut));
      FileNotificationLedger reopened = new FileNotificationLedger(dir);
      assertThat(reopened.deliveries()).as("cut at %d of %d", cut, all.length)
          .allMatch(d -> d.status() == DeliveryStatus.PENDING && d.attempts() == 0).hasSize(3);
    }
    // the writer's view is behind the file's shorter end: it reads the journal again, then claims anew
    List<Delivery> again = ledger.claimDue(T0, 3, Duration.ofMinutes(1));
    assertThat(again).hasSize(3).allMatch(d -> d.attempts() == 1);
    FileNotificationLedger reopened = new FileNotificationLedger(dir);
    assertThat(reopened.deliveries()).containsExactlyElementsOf(again);
    List<String> lines = Files.readAllLines(journal(ledger), UTF_8);
    assertThat(lines).as("the torn claim is gone").hasSize(1 + 3 + 1 + 3);
  }

  @Test
  void damageBeforeTheLastWriteIsReportedAndNothingIsTruncated() throws IOException {
    FileNotificationLedger ledger = new FileNotificationLedger(dir);
    for (int i = 0; i < 3; i++) {
      ledger.record(Delivery.pending(notice(i), "email", T0));
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(journal(ledger), UTF_8));
    lines.set(2, lines.get(2).replace("\"attempts\":0", "\"attempts\":\"nol\""));
    Files.write(journal(ledger), lines, UTF_8);
    byte[] damaged = Files.readAllBytes(journal(ledger));
    FileStoreException e = catchThrowableOfType(FileStoreException.class,
        () -> new FileNotificationLedger(dir).deliveries());
    assertThat(e.kind()).isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
    assertThat(e.getMessage()).contains("notification journal", "is damaged", "nothing was truncated");
    // (an instance that read the journal before it was edited in place reads on from where it was: edits of
    // committed bytes are outside what the journal guards against)
    FileStoreException onWrite = catchThrowableOfType(FileStoreException.class,
        () -> new FileNotificationLedger(dir).record(Delivery.pending(notice(9), "email", T0)));
    assertThat(onWrite.kind()).isEqualTo(FileStoreException.Kind.CORRUPT_LOG);
    assertThat(Files.readAllBytes(journal(ledger))).isEqualTo(damaged);

    Files.writeString(journal(ledger), "bukan jurnal\n");
    FileStoreException header = catchThrowableOfType(FileStoreException.class,
        () -> new FileNotificationLedger(dir).find("x"));
    assertThat(header.getMessage()).contains("does not start with its header");
  }

  @Test
  void compactionKeepsEveryDeliveryInRecordingOrderAndOtherInstancesFollow() throws IOException {
    FileNotificationLedger ledger = new FileNotificationLedger(dir, Duration.ofSeconds(10), 20);
    FileNotificationLedger other = new FileNotificationLedger(dir, Duration.ofSeconds(10), 20);
    for (int i = 0; i < 5; i++) {
      ledger.record(Delivery.pending(notice(i), "email", T0));
    }
    ledger.saveProgress(CaseId.of("kasus"), new CaseProgress(1, T0, false));
    assertThat(other.deliveries()).hasSize(5);
    String firstHeader = Files.readAllLines(journal(ledger), UTF_8).get(0);
    long largest = 0;
    for (int round = 0; round < 6; round++) {
      for (Delivery d : (round % 2 == 0 ? ledger : other).claimDue(T0.plusSeconds(round * 100L), 5,
          Duration.ofSeconds(10))) {
        (round % 2 == 0 ? other : ledger).markFailed(d.key(), T0, "JDIH-NOTIFY-001: coba lagi",
            Optional.of(T0.plusSeconds(round * 100L + 50)));
      }
      ledger.saveProgress(CaseId.of("kasus"), new CaseProgress(round + 2, T0, false));
      largest = Math.max(largest, Files.size(journal(ledger)));
    }
    List<String> lines = Files.readAllLines(journal(ledger), UTF_8);
    assertThat(lines.get(0)).as("a new generation").isNotEqualTo(firstHeader);
    assertThat(Files.size(journal(ledger))).isLessThan(largest);
    assertThat(lines.size()).isLessThanOrEqualTo(1 + 2 * 6 + 20);
    assertThat(Files.exists(ledger.root().resolve(FileNotificationLedger.JOURNAL + ".tmp"))).isFalse();
    for (NotificationLedger l : List.of(ledger, other, new FileNotificationLedger(dir))) {
      assertThat(l.deliveries()).extracting(d -> d.notification().key().split("/")[3])
          .containsExactly("0", "1", "2", "3", "4");
      assertThat(l.deliveries()).allMatch(d -> d.attempts() == 6 && d.status() == DeliveryStatus.PENDING
          && d.nextAttemptAt().equals(T0.plusSeconds(550)));
      assertThat(l.progress(CaseId.of("kasus"))).contains(new CaseProgress(7, T0, false));
    }
    // and the compacted journal goes on as before
    assertThat(other.record(Delivery.pending(notice(7), "email", T0))).isTrue();
    assertThat(ledger.record(Delivery.pending(notice(7), "email", T0))).isFalse();
    assertThat(new FileNotificationLedger(dir).deliveries()).hasSize(6);
  }

  @Test
  void aTornLastLineIsIgnored() throws IOException {
    FileNotificationLedger ledger = new FileNotificationLedger(dir);
    ledger.record(Delivery.pending(notice(1), "email", T0));
    Files.write(journal(ledger), "{\"delivery\":{\"v\":1,\"ke".getBytes(UTF_8), StandardOpenOption.APPEND);
    assertThat(new FileNotificationLedger(dir).deliveries()).hasSize(1);
    assertThat(ledger.record(Delivery.pending(notice(2), "email", T0))).isTrue();
    assertThat(Files.readAllLines(journal(ledger), UTF_8)).hasSize(3);
    assertThat(new FileNotificationLedger(dir).deliveries()).hasSize(2);
  }
}
