package id.go.kpu.jdih.media.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import id.go.kpu.jdih.media.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMediaStoreTest {

  @TempDir Path dir;

  @Test
  void storesOnceByContentAndVerifiesOnRead() throws IOException {
    FileMediaStore store = new FileMediaStore(dir);
    byte[] bytes = "infografis".getBytes(UTF_8);
    StoredFile a = store.put(new ByteArrayInputStream(bytes), "image/jpeg");
    StoredFile b = store.put(new ByteArrayInputStream(bytes), "image/jpeg");
    String hash = Hashing.sha256().hashBytes(bytes).toString();
    assertThat(a).isEqualTo(b).isEqualTo(new StoredFile("sha256:" + hash, "image/jpeg", bytes.length, hash));
    assertThat(store.find(a.ref())).contains(a);
    try (InputStream in = store.open(a.ref())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".type"))).hasSize(1);
    }
  }

  @Test
  void alteredFileFailsOnRead() throws IOException {
    FileMediaStore store = new FileMediaStore(dir);
    StoredFile f = store.put(new ByteArrayInputStream("asli".getBytes(UTF_8)), "application/pdf");
    Path p = dir.resolve(f.sha256().substring(0, 2)).resolve(f.sha256());
    Files.writeString(p, "palsu");
    assertThatThrownBy(() -> {
      try (InputStream in = store.open(f.ref())) {
        in.readAllBytes();
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("does not match its hash");
  }

  @Test
  void refusesOversizedFilesWithNothingKept() throws IOException {
    FileMediaStore store = new FileMediaStore(dir, 10);
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[11]), "image/jpeg"))
        .isInstanceOf(IOException.class).hasMessageContaining("10-byte limit");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void namesFromOutsideNeverBecomePaths() throws IOException {
    FileMediaStore store = new FileMediaStore(dir);
    Files.writeString(dir.getParent().resolve("rahasia.txt"), "x");
    for (String ref : new String[] {"../rahasia.txt", "sha256:../../etc/passwd", "/etc/passwd",
        "sha256:" + "A".repeat(64), "sha256:" + "0".repeat(63), null}) {
      assertThat(store.find(ref)).isEmpty();
      assertThatThrownBy(() -> store.open(ref)).isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1]), "../x"))
        .isInstanceOf(IOException.class);
  }
}
