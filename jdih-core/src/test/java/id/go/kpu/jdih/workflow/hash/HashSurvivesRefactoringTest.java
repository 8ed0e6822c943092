package id.go.kpu.jdih.workflow.hash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.testkit.hash.GoldenHistories;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refactors a copy of jdih-core the way a maintainer would (renames a record component, a component used by two
 * records, and a payload type, and adds an optional component to a stored record), compiles it, and checks that
 * the golden events still hash to the same vectors in both formats: the hash belongs to the stored format, not to
 * Java names.
 */
class HashSurvivesRefactoringTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final Path GOLDEN = Path.of(
      "../jdih-testkit/src/main/java/id/go/kpu/jdih/testkit/hash/GoldenEvents.java");

  /** What an IDE's "rename" does: every identifier, not the text inside string literals or comments. */
  private static final Map<String, String> RENAMES = Map.of(
      "conclusions", "kesimpulan", // Meeting.conclusions
      "fileRef", "berkas",         // MediaItem.fileRef and DocumentRef.fileRef
      "Summarized", "Dirangkum");  // the payload record CaseEvent.Summarized

  @Test
  void renamedAndExtendedRecordsHashTheGoldenEventsExactlyAsBefore(@TempDir Path tmp) throws Exception {
    Path src = tmp.resolve("src");
    Path classes = tmp.resolve("classes");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(MAIN)) {
      for (Path p : (Iterable<Path>) all.filter(f -> f.toString().endsWith(".java"))::iterator) {
        files.add(copy(p, src.resolve(MAIN.relativize(p)), this::refactor));
      }
    }
    files.add(copy(GOLDEN, src.resolve("id/go/kpu/jdih/testkit/hash/GoldenEvents.java"), this::rename));
    files.add(write(src.resolve("id/go/kpu/jdih/workflow/hash/GoldenDriver.java"), DRIVER));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d",
        classes.toString(), "-cp", dependencies()));
    files.forEach(f -> args.add(f.toString()));
    int status = javac.run(null, null, System.err, args.toArray(String[]::new));
    assertThat(status).as("the refactored copy compiles").isZero();

    try (URLClassLoader loader = new URLClassLoader(urls(classes), ClassLoader.getPlatformClassLoader())) {
      // The copy really is refactored: renamed components and the new optional one.
      Class<?> meeting = loader.loadClass("id.go.kpu.jdih.workflow.Meeting");
      assertThat(Arrays.stream(meeting.getRecordComponents()).map(RecordComponent::getName))
          .containsExactly("date", "attendees", "kesimpulan", "minutes", "equipmentConfirmed", "catatan");
      assertThat(Arrays.stream(loader.loadClass("id.go.kpu.jdih.content.MediaItem").getRecordComponents())
          .map(RecordComponent::getName)).contains("berkas").doesNotContain("fileRef");
      assertThat(loader.loadClass("id.go.kpu.jdih.workflow.CaseEvent$Dirangkum")).isNotNull();

      Class<?> driver = loader.loadClass("id.go.kpu.jdih.workflow.hash.GoldenDriver");
      Method format1 = driver.getMethod("format1", List.class);
      Method format2 = driver.getMethod("format2");
      Method withNote = driver.getMethod("meetingWithNote");
      assertThat(format1.invoke(null, GoldenHistories.FORMAT_1)).isEqualTo(GoldenHistories.FORMAT_1);
      assertThat(format2.invoke(null)).isEqualTo(GoldenHistories.FORMAT_2);
      // The new component is hashed once it holds something, so it is stored and protected like the others.
      assertThat(withNote.invoke(null)).isNotEqualTo(GoldenHistories.FORMAT_2.get(5));
    }
  }

  private String refactor(String source) {
    String s = rename(source);
    s = replaceOnce(s, "@NotNull ImmutableSet<@NotBlank String> equipmentConfirmed) {}",
        "@NotNull ImmutableSet<@NotBlank String> equipmentConfirmed,\n"
            + "    @NotNull java.util.Optional<@NotBlank String> catatan) {\n"
            + "  public Meeting(LocalDate date, ImmutableList<String> attendees, String kesimpulan, DocumentRef minutes,\n"
            + "      ImmutableSet<String> equipmentConfirmed) {\n"
            + "    this(date, attendees, kesimpulan, minutes, equipmentConfirmed, java.util.Optional.empty());\n"
            + "  }\n}", "record Meeting(");
    s = replaceOnce(s, "    m.put(\"equipmentConfirmed\", sorted(x.equipmentConfirmed(), Function.identity()));\n",
        "    m.put(\"equipmentConfirmed\", sorted(x.equipmentConfirmed(), Function.identity()));\n"
            + "    x.catatan().ifPresent(v -> m.put(\"catatan\", v));\n", "final class EventDocument");
    return s;
  }

  /** Replaces {@code old} in the file that contains {@code marker}; fails loudly if the source has moved on. */
  private static String replaceOnce(String source, String old, String replacement, String marker) {
    if (!source.contains(marker)) {
      return source;
    }
    assertThat(source).as("the refactoring of the file holding '%s' must find its anchor; update this test if the "
        + "source changed", marker).contains(old);
    return source.replace(old, replacement);
  }

  // Identifiers outside string and character literals and comments.
  private String rename(String source) {
    StringBuilder out = new StringBuilder(source.length());
    Matcher m = TOKENS.matcher(source);
    int last = 0;
    while (m.find()) {
      out.append(source, last, m.start());
      String token = m.group();
      out.append(m.group("id") != null ? RENAMES.getOrDefault(token, token) : token);
      last = m.end();
    }
    return out.append(source.substring(last)).toString();
  }

  private static final Pattern TOKENS = Pattern.compile(
      "\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|//[^\\n]*|/\\*(?s:.*?)\\*/"
          + "|(?<id>[A-Za-z_$][A-Za-z0-9_$]*)");

  private static Path copy(Path from, Path to, UnaryOperator<String> change) throws IOException {
    return write(to, change.apply(Files.readString(from, UTF_8)));
  }

  private static Path write(Path to, String text) throws IOException {
    Files.createDirectories(to.getParent());
    Files.writeString(to, text, UTF_8);
    return to;
  }

  // Guava, Jakarta Validation and the rest from the test's class path; not jdih-core's own classes.
  private static String dependencies() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.endsWith("classes") && !p.endsWith("classes" + File.separator))
        .reduce((a, b) -> a + File.pathSeparator + b).orElse("");
  }

  private static URL[] urls(Path classes) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String p : dependencies().split(File.pathSeparator)) {
      urls.add(Path.of(p).toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  /** Computes the golden hashes with the refactored copy. */
  private static final String DRIVER = """
      package id.go.kpu.jdih.workflow.hash;

      import id.go.kpu.jdih.testkit.hash.GoldenEvents;
      import id.go.kpu.jdih.workflow.*;
      import java.util.*;

      public final class GoldenDriver {
        public static List<String> format1(List<String> stored) {
          List<String> out = new ArrayList<>();
          List<GoldenEvents.Content> all = GoldenEvents.contents();
          for (int i = 0; i < all.size(); i++) {
            GoldenEvents.Content c = all.get(i);
            String previous = c.sequence() == 1 ? HashChain.GENESIS : stored.get(i - 1);
            out.add(new RecordedEvent(c.caseId(), c.sequence(), c.sop(), c.commandId(), Optional.empty(), c.actor(),
                c.at(), activity(c), c.payload(), previous, stored.get(i), HashFormat.LEGACY_1).expectedHash());
          }
          return out;
        }

        public static List<String> format2() {
          List<String> out = new ArrayList<>();
          String previous = HashChain.GENESIS;
          for (GoldenEvents.Content c : GoldenEvents.contents()) {
            if (c.sequence() == 1) {
              previous = HashChain.GENESIS;
            }
            previous = RecordedEvent.create(c.caseId(), c.sequence(), c.sop(), c.commandId(), c.actor(), c.at(),
                activity(c), c.payload(), previous).hash();
            out.add(previous);
          }
          return out;
        }

        public static String meetingWithNote() {
          List<String> hashes = format2();
          GoldenEvents.Content c = GoldenEvents.contents().get(5);
          Meeting m = ((CaseEvent.MeetingRecorded) c.payload()).meeting();
          Meeting noted = new Meeting(m.date(), m.attendees(), m.kesimpulan(), m.minutes(), m.equipmentConfirmed(),
              Optional.of("catatan baru"));
          return RecordedEvent.create(c.caseId(), c.sequence(), c.sop(), c.commandId(), c.actor(), c.at(),
              activity(c), new CaseEvent.MeetingRecorded(noted), hashes.get(4)).hash();
        }

        private static OptionalInt activity(GoldenEvents.Content c) {
          return c.activity().map(OptionalInt::of).orElse(OptionalInt.empty());
        }
      }
      """;
}
