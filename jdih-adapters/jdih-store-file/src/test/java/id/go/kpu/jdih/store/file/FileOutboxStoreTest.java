package id.go.kpu.jdih.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxStore;
import id.go.kpu.jdih.testkit.store.OutboxStoreContract;
import id.go.kpu.jdih.workflow.CaseId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file outbox against the contract, each reopen a new instance on the directory as another process would open
 * it; and its files: names, atomic replacement, damage reported.
 */
class FileOutboxStoreTest extends OutboxStoreContract {

  @TempDir
  Path dir;

  @Override
  protected OutboxStore createStore() {
    return new FileOutboxStore(dir);
  }

  @Override
  protected OutboxStore reopen(OutboxStore store) {
    return new FileOutboxStore(((FileOutboxStore) store).root());
  }

  @Test
  void oneFilePerIntentNamedSafelyWhateverTheCaseAndNoTemporaryFileLeft() throws Exception {
    FileOutboxStore store = new FileOutboxStore(dir);
    IntentState upper = Intents.pending(CaseId.of("Kasus-A"), Platform.X);
    IntentState lower = Intents.pending(CaseId.of("kasus-a"), Platform.X);
    assertThat(store.add(upper)).isTrue();
    assertThat(store.add(lower)).isTrue();
    assertThat(store.file(upper.id()).getFileName().toString()).isEqualTo("intent-+kasus-+a.x.r1.json");
    assertThat(store.forCase(CaseId.of("Kasus-A"))).containsExactly(upper);
    assertThat(store.forCase(CaseId.of("kasus-a"))).containsExactly(lower);
    assertThat(store.forCase(CaseId.of("kasus"))).as("a prefix of another case's id").isEmpty();
    IntentState next = scheduled(upper, Intents.AT.plusSeconds(60));
    assertThat(store.replace(upper, next)).isTrue();
    try (Stream<Path> files = Files.list(store.root())) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
          .containsExactlyInAnyOrder("intent-+kasus-+a.x.r1.json", "intent-kasus-a.x.r1.json");
    }
    assertThat(new FileOutboxStore(dir).find(upper.id())).contains(next);
  }

  @Test
  void aDamagedFileIsReportedAndNothingIsChanged() throws Exception {
    FileOutboxStore store = new FileOutboxStore(dir);
    IntentState a = Intents.pending(CaseId.of("rusak"), Platform.X);
    store.add(a);
    Path file = store.file(a.id());
    Files.writeString(file, Files.readString(file).replace("\"version\":1", "\"version\":1,\"x\":1"));
    byte[] damaged = Files.readAllBytes(file);
    for (Runnable query : List.<Runnable>of(() -> store.find(a.id()), () -> store.due(Intents.AT, 5),
        () -> new FileOutboxStore(dir).forCase(CaseId.of("rusak")),
        () -> store.replace(a, scheduled(a, Intents.AT.plusSeconds(60))))) {
      FileStoreException e = catchThrowableOfType(FileStoreException.class, query::run);
      assertThat(e.kind()).isEqualTo(FileStoreException.Kind.CORRUPT_RECORD);
      assertThat(e.code()).isEqualTo("JDIH-FILE-004");
      assertThat(e.getMessage()).contains("is damaged", "rusak", "JDIH-JSON-102");
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    assertThat(store.find(IntentId.of(CaseId.of("lain"), Platform.X, 1))).isEmpty();
  }

  @Test
  void aQueryAfterAReplaceByAnotherInstanceSeesTheNewState() {
    FileOutboxStore first = new FileOutboxStore(dir);
    FileOutboxStore second = new FileOutboxStore(dir);
    IntentState a = Intents.pending(CaseId.of("baru"), Platform.TELEGRAM);
    first.add(a);
    assertThat(first.due(Intents.AT, 5)).containsExactly(a); // now cached by the first instance
    IntentState b = scheduled(a, Intents.AT.plusSeconds(60));
    assertThat(second.replace(a, b)).isTrue();
    assertThat(first.due(Intents.AT, 5)).isEmpty();
    assertThat(first.forCase(CaseId.of("baru"))).containsExactly(b);
    assertThat(first.replace(a, scheduled(a, Intents.AT.plusSeconds(60)))).isFalse();
  }
}
