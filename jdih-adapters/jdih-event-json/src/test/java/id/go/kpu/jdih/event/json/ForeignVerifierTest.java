package id.go.kpu.jdih.event.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.go.kpu.jdih.testkit.hash.GoldenHistories;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format is written down well enough for another language to verify it: src/main/python/verify_events.py, an
 * independent implementation of both hash formats in Python's standard library, verifies the golden events written
 * by this codec (format 1 and 2, with a principal, emoji, an unpaired surrogate and control characters) and refuses
 * an altered line. Skipped where there is no {@code python3}.
 */
class ForeignVerifierTest {

  private static final Path SCRIPT = Path.of("src/main/python/verify_events.py");
  private final EventJson json = new EventJson();

  @TempDir Path dir;

  private record Run(int code, String out) {}

  private Run python(Path... files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
    for (Path f : files) {
      command.add(f.toString());
    }
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not available: " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private Path log(String name, List<RecordedEvent> events) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (RecordedEvent e : events) {
      sb.append(json.write(e)).append('\n');
    }
    return Files.writeString(dir.resolve(name), sb, UTF_8);
  }

  @Test
  void anotherLanguageVerifiesBothHashFormats() throws Exception {
    List<RecordedEvent> legacy = GoldenHistories.legacyEvents();
    List<RecordedEvent> current = GoldenHistories.currentEvents(Optional.of(Principal.of("rina.marlina")));
    Path one = log("format-1.jsonl", legacy.subList(0, 10));
    Path two = log("format-2.jsonl", current.subList(0, 10));
    Path other = log("lain.jsonl", current.subList(10, 12));
    Run run = python(one, two, other);
    assertThat(run.code()).as(run.out()).isZero();
    assertThat(run.out()).contains("10 events (hash format 1: 10, 2: 0)", "10 events (hash format 1: 0, 2: 10)",
        "2 events (hash format 1: 0, 2: 2)");

    // the same verifier refuses an altered event, in either format
    String altered = Files.readString(two, UTF_8).replace("Judul terlalu panjang", "Judul terlalu pendek");
    Path bad = Files.writeString(dir.resolve("diubah.jsonl"), altered, UTF_8);
    String alteredOld = Files.readString(one, UTF_8).replace("Infografis 4:5", "Infografis 1:1");
    Path badOld = Files.writeString(dir.resolve("diubah-lama.jsonl"), alteredOld, UTF_8);
    Run refused = python(bad, badOld);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("diubah.jsonl, event 2: altered (hash format 2)",
        "diubah-lama.jsonl, event 6: altered (hash format 1)");
  }
}
