package id.go.kpu.jdih.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kpu.jdih.workflow.CaseId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case locked by another process makes an append give up after the time-out, with nothing written. */
class LockTimeoutTest {

  @TempDir Path dir;

  @Test
  void aLockHeldByAnotherProcessTimesOutWithNothingWritten() throws Exception {
    CaseId id = CaseId.of("terkunci");
    FileCaseStore store = new FileCaseStore(dir, Duration.ofMillis(300));
    store.append(id, 0, Events.chain(id, 1, "a"));
    Path lockFile = dir.toRealPath().resolve("case-terkunci.lock");
    Process holder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString()))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked true");
      long start = System.nanoTime();
      FileStoreException e = catchThrowableOfType(FileStoreException.class,
          () -> store.append(id, 1, Events.continuing(id, 1, store.load(id).get(0).hash(), 1, "b")));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(e).isNotNull();
      assertThat(e.kind()).isEqualTo(FileStoreException.Kind.LOCKED);
      assertThat(e.code()).isEqualTo("JDIH-FILE-003");
      assertThat(e.text().id()).contains("sedang dikunci proses lain");
      assertThat(waited).isBetween(250L, 5_000L);
      assertThat(store.version(id)).isEqualTo(1);
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    // Once the other process is gone, appends go through.
    assertThat(store.append(id, 1, Events.continuing(id, 1, store.load(id).get(0).hash(), 1, "b"))).isEqualTo(2);
  }
}
