package id.go.kpu.jdih.definition.json;

import static id.go.kpu.jdih.definition.json.Documents.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are read and written whole; failures are reported with the file and leave nothing behind. */
class FilesTest {

  @TempDir Path dir;

  private List<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesAndReadsAFile() throws IOException {
    Path file = dir.resolve("sop.json");
    JSON.write(ReferenceSop.definition(), file);
    assertThat(namesIn(dir)).containsExactly("sop.json");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(JSON.write(ReferenceSop.definition()));
    assertThat(JSON.read(file)).isEqualTo(ReferenceSop.definition());
  }

  @Test
  void replacesAnExistingFileWhole() throws IOException {
    Path file = dir.resolve("sop.json");
    Files.writeString(file, "x".repeat(50_000)); // longer than the new content: nothing of it may remain
    SopDefinition variant = RoundTripTest.variant();
    JSON.write(variant, file);
    assertThat(Files.readString(file)).isEqualTo(JSON.write(variant));
    assertThat(namesIn(dir)).containsExactly("sop.json");
  }

  @Test
  void writtenFileHasTheSamePermissionsAsAnyNewFile() throws IOException {
    // Files.createTempFile would have made it owner-only (rw-------).
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain.json"));
    Path file = dir.resolve("sop.json");
    JSON.write(ReferenceSop.definition(), file);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void failedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
    // The target is a non-empty folder: the temporary file is written, then the move fails.
    Path target = dir.resolve("sop.json");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep.txt"), "keep");
    DefinitionIoException e = catchThrowableOfType(DefinitionIoException.class,
        () -> JSON.write(ReferenceSop.definition(), target));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("JDIH-JSON-001");
    assertThat(e.file()).contains(target);
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    assertThat(e.message(Language.ID)).startsWith("berkas definisi SOP " + target + " tidak dapat ditulis: ");
    assertThat(e.message(Language.EN)).startsWith("cannot write the SOP definition file " + target + ": ");
    assertThat(namesIn(dir)).containsExactly("sop.json");
    assertThat(Files.isDirectory(target)).isTrue();
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("keep");
  }

  @Test
  void writeIntoAMissingFolderFailsAndCreatesNothing() throws IOException {
    Path file = dir.resolve("missing").resolve("sop.json");
    DefinitionIoException e = catchThrowableOfType(DefinitionIoException.class,
        () -> JSON.write(ReferenceSop.definition(), file));
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(NoSuchFileException.class);
    assertThat(namesIn(dir)).isEmpty();
  }

  @Test
  void missingFileIsAnIoErrorNamingTheFile() {
    Path file = dir.resolve("absent.json");
    DefinitionIoException e = catchThrowableOfType(DefinitionIoException.class, () -> JSON.read(file));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("JDIH-JSON-001");
    assertThat(e.file()).contains(file);
    assertThat(e.getCause()).isInstanceOf(NoSuchFileException.class);
    assertThat(e.message(Language.ID)).isEqualTo("berkas definisi SOP " + file
        + " tidak dapat dibaca: NoSuchFileException (" + file + ")");
    assertThat(e.message(Language.EN)).isEqualTo("cannot read the SOP definition file " + file
        + ": NoSuchFileException (" + file + ")");
  }

  @Test
  void folderIsNotADefinitionFile() {
    DefinitionIoException e = catchThrowableOfType(DefinitionIoException.class, () -> JSON.read(dir));
    assertThat(e).isNotNull();
    assertThat(e.file()).contains(dir);
  }

  @Test
  void invalidContentOfAFileIsAnInvalidDefinition() throws IOException {
    Path file = dir.resolve("sop.json");
    Files.writeString(file, "{\"format\": \"jdih-sop-definition/1\",\n\"title\": }");
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () -> JSON.read(file));
    assertThat(e).isNotNull();
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("title");
      assertThat(v.rule()).isEqualTo("JsonSyntax");
      assertThat(v.message().en()).startsWith("malformed JSON at line 2, column 10: ");
    });
  }

  @Test
  void failingStreamsAreIoErrorsWithoutAFile() {
    Reader broken = new Reader() {
      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk on fire");
      }

      @Override
      public void close() {}
    };
    DefinitionIoException read = catchThrowableOfType(DefinitionIoException.class, () -> JSON.read(broken));
    assertThat(read).isNotNull();
    assertThat(read.file()).isEmpty();
    assertThat(read.message(Language.EN)).isEqualTo("cannot read the SOP definition: IOException (disk on fire)");
    assertThat(read.message(Language.ID)).isEqualTo("definisi SOP tidak dapat dibaca: IOException (disk on fire)");

    Writer full = new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("no space left");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    DefinitionIoException write = catchThrowableOfType(DefinitionIoException.class,
        () -> JSON.write(ReferenceSop.definition(), full));
    assertThat(write).isNotNull();
    assertThat(write.file()).isEmpty();
    assertThat(write.message(Language.EN)).isEqualTo("cannot write the SOP definition: IOException (no space left)");
  }
}
