package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new office uses it (issue 18): help about the active SOP, its own SOP, safe output. */
class NewOfficeCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String KASUBAG = "198001012006042001";

  @TempDir Path dir;
  Path home;
  final Clock clock = Clock.fixed(Instant.parse("2024-03-05T02:00:00Z"), ZoneOffset.UTC);


  @BeforeEach
  void setUp() {
    System.setProperty("java.awt.headless", "true");
    home = dir.resolve("home");
  }

  Result jdih(String... args) {
    return Cli.run(home, clock, args);
  }

  Result ok(String... args) {
    return Cli.ok(home, clock, args);
  }

  /** Item 10: help names kinds of activity and the active SOP, never "activity 2" or a fixed set of roles. */
  @Test
  void helpSpeaksOfTheActiveSop() throws IOException {
    ok("init");
    String fixed = "(?is).*((kegiatan|activity|activities) [0-9]|ketujuh|seven|tujuh|(?<![0-9/])[0-9]/[0-9](?![0-9/])"
        + "|kasubag-hukum, tim-pembina-teknis, staf).*";
    for (String lang : List.of("id", "en")) {
      for (String[] args : List.of(new String[] {"--help"}, new String[] {"case", "--help"},
          new String[] {"case", "approve", "--help"}, new String[] {"case", "reject", "--help"},
          new String[] {"case", "propose", "--help"}, new String[] {"person", "add", "--help"})) {
        List<String> all = new ArrayList<>(List.of("--lang", lang));
        all.addAll(List.of(args));
        String help = ok(all.toArray(String[]::new)).out();
        String descriptions = help.substring(0, help.contains("SOP aktif: ") ? help.indexOf("SOP aktif: ")
            : help.contains("Active SOP: ") ? help.indexOf("Active SOP: ") : help.length());
        assertThat(descriptions).as("%s %s", lang, String.join(" ", args)).doesNotMatch(fixed);
      }
    }
    assertThat(ok("case", "--help").out()).contains("SOP aktif: kpu-kab-kepulauan-mentawai")
        .containsPattern(" 2\\. approve\\|reject +Kasubag Hukum +Menyetujui draft");
    assertThat(ok("person", "add", "--help").out()).containsPattern("(?m)^  kasubag-hukum +Kasubag Hukum$");

    // a variant in the home: the help lists its activities and roles
    Path reference = dir.resolve("referensi.json");
    ok("sop", "show", "--format", "json", "--out", reference.toString());
    Files.writeString(home.resolve("sop.json"), JSON.writeValueAsString(
        VariantFromJsonTest.edit((ObjectNode) JSON.readTree(reference.toFile()))));
    String top = ok("--lang", "en", "--help").out();
    assertThat(top).contains("Active SOP: kpu-kota-makassar", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR", "sop.json")
        .containsPattern(" 7\\. approve\\|reject +Sekretaris +Menyetujui desain dan keterangan konten")
        .containsPattern(" 8\\. publish +Staf ");
    assertThat(ok("case", "--help").out()).contains("Sekretaris", "Instagram, Facebook")
        .containsPattern(" 7\\. approve\\|reject +Sekretaris");
    assertThat(ok("person", "add", "--help").out()).containsPattern("(?m)^  sekretaris +Sekretaris$");
    assertThat(ok("sop", "show").out()).contains("sekretaris: Sekretaris", "Perintah   : jdih case approve|reject");
    // a sop.json that does not load: help still shows, naming the file
    Files.writeString(home.resolve("sop.json"), "{");
    Result broken = ok("case", "--help");
    assertThat(broken.out()).contains("sop.json", "jdih sop lint");
  }

  /**
   * Item 11: an office writes its own SOP without Java, as the README says: sop new, edit the JSON, sop lint, copy
   * to the home's sop.json, person add, then a case with the sample design runs to publication.
   */
  @Test
  void anOfficeWritesItsOwnSopWithoutJava() throws IOException {
    Path own = dir.resolve("sop-kantor.json");
    Result created = ok("sop", "new", "--office", "kpu-kota-makassar", "--name", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR",
        "--zone", "WITA", "--out", own.toString());
    assertThat(created.out()).contains(own.toString(), "kpu-kota-makassar/6 Tahun 2023/r0", "jdih sop lint");
    var sop = new id.go.kpu.jdih.definition.json.SopDefinitionJson().read(own);
    assertThat(sop.office().id()).isEqualTo("kpu-kota-makassar");
    assertThat(sop.office().name()).isEqualTo("KOMISI PEMILIHAN UMUM KOTA MAKASSAR");
    assertThat(sop.office().zone()).isEqualTo(java.time.ZoneId.of("Asia/Makassar"));
    assertThat(sop.identity().revision()).isZero();
    assertThat(sop.identity().revisedOn()).isEmpty();
    // Its own document: no branch marked as the software's addition to another office's SOP (issue 18, item 9).
    assertThat(java.nio.file.Files.readString(own)).contains("\"additionToSeed\": false")
        .doesNotContain("\"additionToSeed\": true");

    // bad input: one line naming the option, nothing written
    for (String[] args : List.of(
        new String[] {"--zone", "Mars/Olympus", "--name", "KPU X", "--office", "kpu-x"},
        new String[] {"--zone", "WIB", "--name", "   ", "--office", "kpu-x"},
        new String[] {"--zone", "WIB", "--name", "KPU X", "--office", "KPU X"})) {
      List<String> all = new ArrayList<>(List.of("--lang", "en", "sop", "new", "--out",
          dir.resolve("x.json").toString()));
      all.addAll(List.of(args));
      Result r = jdih(all.toArray(String[]::new));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().strip()).doesNotContain("\n");
      assertThat(dir.resolve("x.json")).doesNotExist();
    }
    assertThat(jdih("--lang", "en", "sop", "new", "--office", "kpu-x", "--name", "X", "--zone", "Mars/Olympus",
        "--out", dir.resolve("x.json").toString()).err()).contains("--zone", "Mars/Olympus", "WITA");
    assertThat(jdih("--lang", "en", "sop", "new", "--office", "kpu-x", "--name", " ", "--zone", "WIB",
        "--out", dir.resolve("x.json").toString()).err()).contains("--name is required");
    assertThat(jdih("--lang", "en", "sop", "new", "--office", "KPU X", "--name", "X", "--zone", "WIB",
        "--out", dir.resolve("x.json").toString()).err()).contains("--office 'KPU X' is invalid");
    Result again = jdih("sop", "new", "--office", "kpu-x", "--name", "X", "--zone", "WIB", "--out", own.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("--out", "sudah ada");

    // edit the JSON as the README says: two platforms, a two-day design
    ObjectNode tree = (ObjectNode) JSON.readTree(own.toFile());
    tree.putArray("allowedPlatforms").add("INSTAGRAM").add("FACEBOOK");
    ((ObjectNode) tree.get("activities").get(4).get("quality").get("time")).put("amount", 2);
    Files.writeString(own, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    assertThat(ok("sop", "lint", own.toString()).out()).contains("kpu-kota-makassar");

    ok("init");
    Files.copy(own, home.resolve("sop.json"));
    assertThat(ok("sop", "show").out()).contains("KOMISI PEMILIHAN UMUM KOTA MAKASSAR", "Instagram, Facebook");
    ok("person", "add", "--nip", KASUBAG, "--name", "Rina", "--role", "kasubag-hukum");
    ok("person", "add", "--nip", "198502022010011002", "--name", "Budi", "--role", "tim-pembina-teknis");
    ok("person", "add", "--nip", "199003032015032003", "--name", "Sari", "--role", "staf");
    Path design = dir.resolve("desain.jpg");
    Result sample = ok("sample-design", "--out", design.toString());
    assertThat(sample.err()).isEmpty();
    assertThat(sample.out()).contains("1080x1350", "sah untuk semua platform");
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(design.toFile());
    assertThat(image.getWidth()).isEqualTo(1080);
    assertThat(image.getHeight()).isEqualTo(1350);

    String id = ok("case", "propose", "--as", KASUBAG, "--title", "Tahukah kamu", "--category", "informasi-hukum",
        "--material", "Materi", "--platform", "instagram", "--platform", "facebook").lastLine();
    ok("case", "approve", id, "--as", KASUBAG);
    Path minutes = Files.writeString(dir.resolve("notulen.txt"), "Notulen");
    ok("case", "meeting", id, "--as", "198502022010011002", "--attendee", "Rina", "--conclusions", "Infografis",
        "--minutes", minutes.toString(), "--all-equipment", "--date", "2024-03-05");
    ok("case", "summarize", id, "--as", "199003032015032003", "--text", "Rangkuman");
    ok("case", "design", id, "--as", "198502022010011002", "--file", design.toString());
    ok("case", "caption", id, "--as", KASUBAG, "--text", "Keterangan #JDIH");
    assertThat(ok("case", "publish", id, "--as", "199003032015032003").out())
        .contains("Instagram: terbit", "Facebook: terbit");
    assertThat(ok("case", "show", id).out()).contains("[terbit]", "Tersedia WITA");

    // another size is written, with a warning naming the platforms that would refuse it
    Result wide = ok("--lang", "en", "sample-design", "--out", dir.resolve("lebar.jpg").toString(), "--width",
        "2000", "--height", "800");
    assertThat(wide.err()).contains("Warning: Instagram");
    assertThat(jdih("sample-design", "--out", dir.resolve("n.jpg").toString(), "--width", "0").err())
        .contains("--width");
  }

  /** Words of Indonesian messages that must not appear in an English one. */
  private static final String INDONESIAN = "(?s).*\\b(Galat|tidak|berkas|kasus|rusak|baris|peristiwa|kolom|wajib|sudah"
      + "|dipotong|setelah|periksa)\\b.*";

  private Result english(String... args) {
    List<String> all = new ArrayList<>(List.of("--lang", "en"));
    all.addAll(List.of(args));
    Result r = jdih(all.toArray(String[]::new));
    assertThat(r.code()).as("%s", String.join(" ", args)).isNotZero();
    assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith("Error: ");
    assertThat(r.err()).as("no Indonesian in English: %s", r.err()).doesNotMatch(INDONESIAN);
    assertThat(r.err()).as("never a bare path").doesNotContainPattern("Error: file: \\S+\\s*$");
    return r;
  }

  /** Item 14: messages name the file they concern, English ones hold no Indonesian, long values are cut. */
  @Test
  void messagesNameTheFileAndDoNotEchoLongValues() throws IOException {
    ok("init", "--store", "file");
    ok("person", "add", "--nip", KASUBAG, "--name", "Rina", "--role", "kasubag-hukum");
    String id = ok("case", "propose", "--as", KASUBAG, "--title", "T", "--category", "produk-hukum", "--material",
        "M", "--platform", "x").lastLine();
    Path aFile = Files.writeString(dir.resolve("a-file"), "x");
    assertThat(english("archive", id, "--out", aFile.toString()).err()).contains("archive", aFile.toString());
    Path missing = dir.resolve("missing").resolve("sop.json");
    assertThat(english("sop", "show", "--format", "json", "--out", missing.toString()).err())
        .contains("--out", missing.toString(), "does not exist").doesNotContain(".tmp");
    Path report = dir.resolve("missing").resolve("report.html");
    assertThat(english("report", "monitoring", "--from", "2024-03-01", "--to", "2024-03-31", "--out",
        report.toString()).err()).contains("--out", report.toString());
    assertThat(english("sop", "lint", dir.resolve("nope.json").toString()).err()).contains("nope.json");
    assertThat(ok("--lang", "en", "sop", "show").out()).as("English month names").containsPattern(
        "Created on +: \\d+ (January|February|March|April|May|June|July|August|September|October|November|December) ");

    Files.writeString(home.resolve("notifications.json"), "{");
    assertThat(english("remind").err()).contains("notifications.json");
    Files.delete(home.resolve("notifications.json"));

    Path log = home.resolve("cases").resolve("case-" + id + ".jsonl");
    String intact = Files.readString(log);
    Files.writeString(log, intact.replace("\"v\":", "\"w\":"));
    assertThat(english("case", "show", id).err()).contains("JDIH-FILE-002", log.getFileName().toString());
    Files.writeString(log, intact);

    Files.writeString(home.resolve("sop.json"), "{");
    assertThat(english("case", "list").err()).contains("sop.json", "jdih sop lint");
    assertThat(english("sop", "show").err()).contains("sop.json");
    Result indonesian = jdih("case", "list");
    assertThat(indonesian.err()).contains("sop.json", "tidak dapat dimuat");
    Files.delete(home.resolve("sop.json"));

    String big = "x".repeat(1_000_000);
    for (String[] args : List.of(new String[] {"case", "approve", big, "--as", KASUBAG},
        new String[] {"init", "--store", big}, new String[] {"case", "list", "--state", big},
        new String[] {"person", "add", "--nip", big, "--name", "X", "--role", "staf"},
        new String[] {"person", "add", "--nip", "199003032015032003", "--name", "X", "--role", big},
        new String[] {"case", "propose", "--as", KASUBAG, "--title", big, "--category", "produk-hukum",
            "--material", "M", "--platform", "x"})) {
      Result r = english(args);
      assertThat(r.err().length()).as("%s %s", args[0], args[1]).isLessThan(2_000);
    }
    Result saved = ok("person", "add", "--nip", "199003032015032003", "--name", "y".repeat(1_000_000), "--role",
        "staf");
    assertThat(saved.out().length()).isLessThan(2_000);
    assertThat(saved.out()).contains("y…");
    assertThat(ok("person", "list").out().length()).isLessThan(2_000);
  }

  /** A raw control character, line break aside: none may reach the terminal. */
  private static final String RAW_CONTROL = "(?s).*[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069].*";

  private static void noRawControl(Result r) {
    assertThat(r.out()).doesNotMatch(RAW_CONTROL);
    assertThat(r.err()).doesNotMatch(RAW_CONTROL);
  }

  /** Item 15: control characters are refused in names and titles, and shown escaped everywhere else. */
  @Test
  void controlCharactersAreRefusedInNamesAndTitlesAndEscapedInOutput() throws IOException {
    ok("init");
    ok("person", "add", "--nip", KASUBAG, "--name", "Rina", "--role", "kasubag-hukum");
    for (String bad : List.of("Rina\u001b[31m", "Ri\nna", "Rina\u0000", "Rina\u202egnp.exe")) {
      Result r = jdih("--lang", "en", "person", "add", "--nip", "199003032015032003", "--name", bad, "--role",
          "staf");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("--name", "control character");
      assertThat(r.err().strip()).doesNotContain("\n");
      noRawControl(r);
    }
    Result title = jdih("case", "propose", "--as", KASUBAG, "--title", "Judul\u001b]0;pwned\u0007", "--category",
        "produk-hukum", "--material", "M", "--platform", "x");
    assertThat(title.code()).isEqualTo(1);
    assertThat(title.err()).contains("--title", "karakter kendali", "U+001B");
    noRawControl(title);
    assertThat(ok("case", "list").out()).contains("0 kasus");

    // elsewhere (a reason, a caption, a name edited into people.json by hand): shown escaped
    String id = ok("case", "propose", "--as", KASUBAG, "--title", "Judul", "--category", "produk-hukum",
        "--material", "Materi\u001b[2J", "--platform", "x").lastLine();
    Result rejected = ok("case", "reject", id, "--as", KASUBAG, "--reason", "Perbaiki\u001b[2J\u202e");
    noRawControl(rejected);
    Result show = ok("case", "show", id);
    noRawControl(show);
    assertThat(show.out()).contains("Perbaiki\\u001b[2J\\u202e");
    Path people = home.resolve("people.json");
    Files.writeString(people, Files.readString(people).replace("\"Rina\"", "\"Rina\\u001b[31m\""));
    Result list = ok("person", "list");
    noRawControl(list);
    assertThat(list.out()).contains("Rina\\u001b[31m");
    Result unknown = jdih("case", "approve", "x\u001by", "--as", KASUBAG);
    noRawControl(unknown);
    assertThat(unknown.err()).contains("x\\u001by");
  }

  private Process holder(long millis) throws IOException {
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HomeHolder.class.getName(), home.toString(),
        String.valueOf(millis))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8)).readLine();
    assertThat(first).as("the holder opened the home").isEqualTo("ready");
    return p;
  }

  /**
   * Item 16: a command on an H2 home another process is using waits for it (bounded, saying so once) instead of
   * failing with H2's "use the server mode"; past the bound, one clear line.
   */
  @Test
  void aSecondCommandOnAnH2HomeWaitsForTheFirst() throws Exception {
    ok("init");
    ok("person", "add", "--nip", KASUBAG, "--name", "Rina", "--role", "kasubag-hukum");
    ok("case", "propose", "--as", KASUBAG, "--title", "Menunggu", "--category", "produk-hukum", "--material", "M",
        "--platform", "x");
    Process first = holder(2_500);
    try {
      long started = System.nanoTime();
      Result waited = jdih("case", "list");
      assertThat(waited.code()).as(waited.err()).isZero();
      assertThat(waited.out()).contains("Menunggu", "1 kasus");
      assertThat(waited.err()).contains("Menunggu perintah jdih lain").doesNotContain("server");
      assertThat(waited.err().lines()).hasSize(1);
      assertThat(System.nanoTime() - started).isGreaterThan(500_000_000L);
    } finally {
      first.destroy();
      first.waitFor();
    }

    Process busy = holder(60_000);
    try {
      long started = System.nanoTime();
      Result refused = jdih("--lang", "en", "case", "list");
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).contains("Waiting for another jdih command").doesNotContain("server mode");
      assertThat(refused.err().strip().lines().toList()).hasSize(2);
      assertThat(refused.err().strip().lines().toList().get(1)).startsWith("Error: ").contains(
          "in use by another jdih command for more than 10 s");
      assertThat(seconds).isBetween(9L, 30L);
    } finally {
      busy.destroy();
      busy.waitFor();
    }

    // in one JVM: two threads at once both succeed
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Result>> runs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        runs.add(pool.submit(() -> jdih("case", "list")));
      }
      for (java.util.concurrent.Future<Result> run : runs) {
        assertThat(run.get().code()).as(run.get().err()).isZero();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Item 2, through the command line: a damaged complete last line of a file-store case log is reported, never a
   * case one activity back; the next command writes nothing; a garbled only line does not make the case vanish.
   */
  @Test
  void aDamagedLastEventOfTheFileStoreIsReportedNotDropped() throws IOException {
    ok("init", "--store", "file");
    ok("person", "add", "--nip", KASUBAG, "--name", "Rina", "--role", "kasubag-hukum");
    String id = ok("case", "propose", "--as", KASUBAG, "--title", "Rusak", "--category", "produk-hukum",
        "--material", "M", "--platform", "x").lastLine();
    ok("case", "approve", id, "--as", KASUBAG);
    Path log = home.resolve("cases").resolve("case-" + id + ".jsonl");
    List<String> lines = Files.readAllLines(log);
    lines.set(lines.size() - 1, lines.get(lines.size() - 1).substring(0, 50));
    Files.write(log, lines);
    byte[] damaged = Files.readAllBytes(log);
    Result show = jdih("case", "show", id);
    assertThat(show.code()).isEqualTo(1);
    assertThat(show.err()).contains("JDIH-FILE-002", "tidak ada yang dipotong");
    Result list = jdih("case", "list");
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err()).contains(id);
    assertThat(jdih("case", "approve", id, "--as", KASUBAG).code()).isEqualTo(1);
    assertThat(Files.readAllBytes(log)).isEqualTo(damaged);

    String only = ok("case", "propose", "--as", KASUBAG, "--title", "Satu", "--category", "produk-hukum",
        "--material", "M", "--platform", "x").lastLine();
    Path onlyLog = home.resolve("cases").resolve("case-" + only + ".jsonl");
    Files.writeString(onlyLog, "{\"rusak\": true}\n");
    assertThat(jdih("case", "show", only).err()).contains("JDIH-FILE-002").doesNotContain("tidak ditemukan");
    assertThat(jdih("case", "list").err()).contains(only);
  }
}
