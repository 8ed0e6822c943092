package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the command line as a user would: a scripted session, the errors, and the demo. */
class CliSessionTest {

  @TempDir Path dir;
  private Path home;
  private final Clock clock = Clock.fixed(Instant.parse("2024-03-05T02:00:00Z"), ZoneOffset.UTC);


  private Result jdih(String... args) {
    return Cli.run(home, clock, args);
  }

  private Result ok(String... args) {
    return Cli.ok(home, clock, args);
  }

  private Path jpeg(String name, int w, int h) throws IOException {
    Path p = dir.resolve(name);
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", p.toFile());
    return p;
  }

  @BeforeEach
  void setUp() {
    System.setProperty("java.awt.headless", "true");
    home = dir.resolve("home");
  }

  private String setUpPeopleAndPropose() {
    return setUpPeopleAndPropose("h2");
  }

  private String setUpPeopleAndPropose(String store) {
    ok("init", "--store", store);
    ok("person", "add", "--nip", "19800101 200604 2 001", "--name", "Rina", "--role", "kasubag-hukum");
    ok("person", "add", "--nip", "198502022010011002", "--name", "Budi", "--role", "tim-pembina-teknis");
    ok("person", "add", "--nip", "199003032015032003", "--name", "Sari", "--role", "staf");
    Result r = ok("case", "propose", "--as", "198001012006042001", "--title", "Tahukah kamu",
        "--category", "informasi-hukum", "--material", "Materi tertulis", "--platform", "instagram",
        "--platform", "telegram");
    return r.lastLine();
  }

  @Test
  void aScriptedSessionRunsEveryActivityToPublished() throws IOException {
    String id = setUpPeopleAndPropose();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(home.resolve("db")).isDirectory(); // the embedded default store is H2
    assertThat(jdih("init", "--store", "mongo").err()).contains("tidak dikenal");
    assertThat(ok("person", "list").out()).contains("19800101 200604 2 001", "Rina", "kasubag-hukum");
    ok("case", "approve", id, "--as", "198001012006042001");
    Path minutes = Files.writeString(dir.resolve("notulen.txt"), "Notulen");
    ok("case", "meeting", id, "--as", "198502022010011002", "--attendee", "Rina", "--attendee", "Budi",
        "--conclusions", "Infografis", "--minutes", minutes.toString(), "--equipment", "infocus",
        "--equipment", "komputer-laptop", "--date", "2024-03-05");
    ok("case", "summarize", id, "--as", "199003032015032003", "--text", "Rangkuman");
    ok("case", "design", id, "--as", "198502022010011002", "--file", jpeg("d.jpg", 1080, 1350).toString());
    ok("case", "caption", id, "--as", "198001012006042001", "--text", "Keterangan #JDIH");
    Result pub = ok("case", "publish", id, "--as", "199003032015032003");
    assertThat(pub.out()).contains("Instagram: terbit dryrun-", "Telegram: terbit dryrun-", ": terbit (versi 8)");
    // The case is closed: a second publish is refused, and nothing is sent again.
    assertThat(jdih("case", "publish", id, "--as", "199003032015032003").err()).contains("JDIH-CASE-005");
    Result show = ok("case", "show", id);
    assertThat(show.out()).contains("[terbit]").contains("Tersedia WIB", "Batas WIB", "Selesai WIB");
    for (int n = 1; n <= 7; n++) {
      assertThat(show.out()).containsPattern("(?m)^  " + n + " ");
    }
    assertThat(ok("case", "list", "--state", "published").out()).contains(id).contains("1 kasus");
    assertThat(ok("case", "list", "--state", "open").out()).contains("0 kasus");
    Result report = ok("report", "compliance", "--format", "csv");
    assertThat(report.out()).startsWith("group,key,done,on_time").contains("activity,7,1,1,1,1,1");
    assertThat(ok("report", "compliance", "--format", "json").out()).contains("\"cases\" : 1");
    try (Stream<Path> s = Files.list(home.resolve("published").resolve(id))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("instagram.json",
          "telegram.json");
    }
    assertThat(ok("--lang", "en", "case", "show", id).out()).contains("[published]", "Available WIB");
    Result archive = ok("archive", id, "--out", dir.resolve("arsip").toString());
    assertThat(archive.out()).contains("softcopy", "hardcopy");
    assertThat(dir.resolve("arsip").resolve(id + ".zip")).isNotEmptyFile();
    assertThat(Files.readAllBytes(dir.resolve("arsip").resolve(id + ".pdf"))).startsWith("%PDF".getBytes());
    new id.go.kpu.jdih.archive.SoftcopyBundle().read(dir.resolve("arsip").resolve(id + ".zip"));
    assertThat(jdih("archive", "tidak-ada", "--out", dir.toString()).err()).contains("tidak ditemukan");
  }

  @Test
  void badInputPrintsOneClearLineAndWritesNothing() throws IOException {
    String id = setUpPeopleAndPropose();
    long before = Files.size(home.resolve("people.json"));

    Result wrongRole = jdih("case", "approve", id, "--as", "199003032015032003");
    assertThat(wrongRole.code()).isEqualTo(1);
    assertThat(wrongRole.err().strip()).startsWith("Galat: JDIH-CASE-001: Kasus " + id + ", kegiatan 2: Sari")
        .doesNotContain("\n");

    Result outOfOrder = jdih("--lang", "en", "case", "summarize", id, "--as", "199003032015032003", "--text", "x");
    assertThat(outOfOrder.code()).isEqualTo(1);
    assertThat(outOfOrder.err().strip()).startsWith("Error: JDIH-CASE-002: Case " + id + ", activity 2: the current "
        + "activity is activity 2");

    assertThat(jdih("case", "approve", "tidak-ada", "--as", "198001012006042001").err())
        .contains("Kasus tidak-ada tidak ditemukan");
    assertThat(jdih("case", "approve", id, "--as", "111111111111111111").err())
        .contains("Orang dengan NIP 111111111111111111 tidak terdaftar");
    assertThat(jdih("person", "add", "--nip", "123", "--name", "X", "--role", "staf").err())
        .contains("NIP '123' tidak sah");
    assertThat(jdih("person", "add", "--nip", "197001012000011001", "--name", "X", "--role", "humas").err())
        .contains("Peran 'humas' tidak ada dalam SOP");
    assertThat(Files.size(home.resolve("people.json"))).isEqualTo(before);

    ok("case", "approve", id, "--as", "198001012006042001");
    assertThat(jdih("case", "meeting", id, "--as", "198502022010011002", "--attendee", "Rina", "--conclusions",
        "x", "--minutes", dir.resolve("tidak-ada.pdf").toString()).err())
        .contains("tidak ada atau tidak dapat dibaca");
    Path minutes = Files.writeString(dir.resolve("notulen.txt"), "Notulen");
    ok("case", "meeting", id, "--as", "198502022010011002", "--attendee", "Rina", "--conclusions", "x",
        "--minutes", minutes.toString(), "--all-equipment");
    ok("case", "summarize", id, "--as", "199003032015032003", "--text", "Rangkuman");
    Result missingFile = jdih("case", "design", id, "--as", "198502022010011002", "--file",
        dir.resolve("x.txt").toString());
    assertThat(missingFile.err()).contains("tidak ada atau tidak dapat dibaca");
    Path notImage = Files.writeString(dir.resolve("bukan-gambar.jpg"), "teks");
    assertThat(jdih("case", "design", id, "--as", "198502022010011002", "--file", notImage.toString()).err())
        .contains("bukan gambar yang dapat dibaca");
    Result wide = jdih("case", "design", id, "--as", "198502022010011002", "--file",
        jpeg("lebar.jpg", 2000, 800).toString());
    assertThat(wide.err()).contains("JDIH-CASE-003").contains("items[0]");
    ok("case", "design", id, "--as", "198502022010011002", "--file", jpeg("ok.jpg", 1080, 1080).toString());
    Result longCaption = jdih("case", "caption", id, "--as", "198001012006042001", "--text", "x".repeat(1100));
    assertThat(longCaption.code()).isEqualTo(1);
    assertThat(longCaption.err()).contains("JDIH-CASE-003").contains("Telegram").contains("1.024");
    Result show = ok("case", "show", id);
    assertThat(show.out()).contains("(berjalan)");
    assertThat(ok("case", "list", "--state", "open").out()).contains(id);
  }

  @Test
  void unavailableFormatsAndUsageErrorsSaySo() {
    ok("init");
    assertThat(ok("sop", "show").out()).contains("FLOWCHART PENGELOLAAN AKUN MEDIA SOSIAL", "Scanner");
    assertThat(ok("sop", "show", "--format", "json").out()).contains("\"format\": \"jdih-sop-definition/1\"");
    assertThat(ok("sop", "show", "--format", "html").out()).startsWith("<!DOCTYPE html>").contains("<svg",
        "IRMAN SUSANTO");
    assertThat(ok("sop", "show", "--format", "bpmn").out()).contains("<userTask", "kasubag-hukum");
    assertThat(ok("sop", "show", "--format", "mermaid").out()).contains("flowchart TD", "subgraph");
    assertThat(jdih("sop", "show", "--format", "pdf").err()).contains("perlu --out");
    assertThat(jdih("sop", "show", "--format", "docx").err()).contains("tidak dikenal");
    assertThat(ok("report", "monitoring", "--from", "2024-03-01", "--to", "2024-03-31").out())
        .contains("MONITORING PELAKSANAAN SOP AP", "Belum dapat dinilai");
    assertThat(ok("sop", "lint").out()).contains("1 temuan", "JDIH-LINT-001", "Scanner");
    Result missing = jdih("case", "propose", "--as", "198001012006042001");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(jdih("--help").out()).contains("Penggunaan:", "Menjalankan SOP aktif", "SOP No. 6 Tahun 2023");
    assertThat(jdih("--lang", "en", "case", "propose", "--help").out())
        .contains("Usage:", "Proposes the content's material and category");
    home = dir.resolve("kosong");
    assertThat(jdih("case", "list").err()).contains("belum disiapkan; jalankan 'jdih init' dulu");
  }

  @Test
  void aCorruptStoreIsReportedInOneLine() throws IOException {
    String id = setUpPeopleAndPropose("file");
    ok("case", "approve", id, "--as", "198001012006042001");
    try (Stream<Path> s = Files.list(home.resolve("cases"))) {
      Path log = s.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
      List<String> lines = Files.readAllLines(log);
      lines.set(0, "{\"rusak\": true}");
      Files.write(log, lines);
    }
    Result r = jdih("case", "show", id);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("Galat: JDIH-FILE-002").doesNotContain("\n\tat ");
  }

  @Test
  void remindTellsEachHandOffOnceAcrossRuns() {
    ok("init");
    ok("person", "add", "--nip", "198001012006042001", "--name", "Rina", "--role", "kasubag-hukum",
        "--email", "rina@kpu-mentawai.go.id");
    ok("person", "add", "--nip", "199003032015032003", "--name", "Sari", "--role", "staf", "--telegram", "123456789");
    assertThat(ok("person", "list").out()).contains("telegram:").doesNotContain("rina@kpu-mentawai.go.id");
    assertThat(jdih("person", "add", "--nip", "198502022010011002", "--name", "X", "--role", "staf", "--email",
        "bukan-alamat").code()).isEqualTo(1);
    String id = ok("case", "propose", "--as", "198001012006042001", "--title", "T", "--category", "produk-hukum",
        "--material", "M", "--platform", "x").lastLine();
    Result first = ok("remind");
    assertThat(first.out()).contains("Rina").contains(id).contains("1 terkirim");
    Result second = ok("remind");
    assertThat(second.out()).contains("0 baru, 0 terkirim").doesNotContain("-> ");
    ok("case", "reject", id, "--as", "198001012006042001", "--reason", "Perbaiki");
    assertThat(ok("remind").out()).contains("Draf tidak disetujui", "Tugas baru: kegiatan 1");
  }

  @Test
  void aReportOverManyCasesShowsAProgressBar() {
    setUpPeopleAndPropose("file");
    for (int i = 0; i < 220; i++) {
      ok("case", "propose", "--as", "198001012006042001", "--title", "Kasus " + i, "--category", "produk-hukum",
          "--material", "Materi", "--platform", "x");
    }
    Result r = ok("report", "compliance");
    assertThat(r.err()).contains("Memeriksa kasus [####################] 100% (221/221)");
    assertThat(r.out()).contains("221 kasus");
  }

  @Test
  void theDemoRunsBothCasesThroughAllSevenActivities() {
    home = dir.resolve("unused");
    Result r = ok("demo");
    assertThat(r.out()).contains("-> ").contains("Kasus demo-produk-hukum: terbit", "Kasus demo-informasi-hukum: terbit",
        "Revisi: 1", "2 kasus, 2 patuh sepenuhnya, 1 putaran revisi");
    assertThat(r.out().split("\\[terbit\\]", -1)).hasSize(3);
  }

  /** A malformed argument gets one line naming it and the hint, exit 2: never the whole usage text. */
  @Test
  void aParseErrorIsOneLineWithTheHelpHint() {
    setUpPeopleAndPropose();
    for (String[] args : List.of(
        new String[] {"case", "meeting", "x", "--as", "198502022010011002", "--date", "kemarin"},
        new String[] {"case", "approve"},
        new String[] {"case", "list", "--limit", "banyak"},
        new String[] {"case", "propose", "--title", "x".repeat(1_000_000)})) {
      Result r = jdih(args);
      assertThat(r.code()).as("jdih %s", args[1]).isEqualTo(2);
      assertThat(r.err().strip().split("\n")).as("%s", r.err()).hasSizeLessThanOrEqualTo(2);
      assertThat(r.err()).contains("--help").doesNotContain("Usage:").doesNotContain("Penggunaan:");
      assertThat(r.err().length()).as("a long argument is not echoed back whole").isLessThan(2_000);
    }
    Result en = jdih("--lang", "en", "case", "approve");
    assertThat(en.err()).contains("See").contains("--help");
  }

  /** {@code sop show --out FILE} writes the file for every format, and prints only where it went. */
  @Test
  void sopShowWritesTheFileForEveryFormat() throws IOException {
    ok("init", "--store", "h2");
    for (String format : List.of("text", "json", "html", "pdf", "bpmn", "mermaid")) {
      Path file = dir.resolve("sop." + format);
      Result r = ok("sop", "show", "--format", format, "--out", file.toString());
      assertThat(file).as(format).exists();
      assertThat(Files.size(file)).as(format).isGreaterThan(100);
      assertThat(r.out()).as(format).contains(file.toString()).hasLineCount(1);
    }
    assertThat(Files.readString(dir.resolve("sop.json"))).contains("jdih-sop-definition/1");
    assertThat(Files.readAllBytes(dir.resolve("sop.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    assertThat(ok("sop", "lint").out()).containsPattern("\\d+ temuan");
  }

  /** An unknown store kind, a 0-byte database and a change of store kind are errors, never a silent new H2 store. */
  @Test
  void theStoreIsNeverSilentlyReplaced() throws IOException {
    setUpPeopleAndPropose();
    assertThat(ok("case", "list").out()).contains("Tahukah kamu");

    Result moving = jdih("init", "--store", "file");
    assertThat(moving.code()).isNotZero();
    assertThat(moving.err()).contains("tetap");
    assertThat(Files.readString(home.resolve("jdih.properties"))).contains("store=h2");
    assertThat(ok("init").out()).contains("h2"); // init again without --store keeps the home as it is

    Path properties = home.resolve("jdih.properties");
    Files.writeString(properties, "store=files\n");
    Result unknown = jdih("case", "list");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("jdih.properties").contains("store=files");
    Files.writeString(properties, "store=h2\n");

    Path database = home.resolve("db").resolve("jdih.mv.db");
    assertThat(database).exists();
    Files.write(database, new byte[0]);
    Result damaged = jdih("case", "list");
    assertThat(damaged.code()).isNotZero();
    assertThat(damaged.err()).contains("jdih.mv.db").contains("0");
  }

  /** A refused init leaves nothing behind. */
  @Test
  void aRefusedInitLeavesNothingBehind() throws IOException {
    Files.createDirectories(home);
    Files.writeString(home.resolve("sop.json"), "{\"format\": \"jdih-sop-definition/1\", \"office\": 42}");
    Result r = jdih("init");
    assertThat(r.code()).isNotZero();
    assertThat(home.resolve("jdih.properties")).doesNotExist();
    assertThat(home.resolve("media")).doesNotExist();
    assertThat(home.resolve("published")).doesNotExist();
  }

  /** Twenty {@code person add} at once on one home: every one of them is kept. */
  @Test
  void concurrentPersonAddsLoseNobody() throws Exception {
    ok("init");
    int n = 20;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Result>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String nip = String.format("1990010120150310%02d", i);
      results.add(pool.submit(() -> {
        start.await();
        return jdih("person", "add", "--nip", nip, "--name", "Orang " + nip, "--role", "staf");
      }));
    }
    start.countDown();
    for (java.util.concurrent.Future<Result> f : results) {
      assertThat(f.get().code()).as(f.get().err()).isZero();
    }
    pool.shutdown();
    String list = ok("person", "list").out();
    for (int i = 0; i < n; i++) {
      assertThat(list).contains(String.format("Orang 1990010120150310%02d", i));
    }
  }

  /** A new home is its owner's only (0700, settings 0600); a home others may write is refused. */
  @Test
  void theHomeIsPrivateAndAHomeOthersMayWriteIsRefused() throws IOException {
    ok("init");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
        home.resolve("jdih.properties")))).isEqualTo("rw-------");
    Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Result r = jdih("person", "list");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains(home.toString()).contains("chmod 700");
  }

  /** A case whose deadline falls in a year the holiday calendar does not cover says so in {@code case show}. */
  @Test
  void caseShowWarnsWhenTheDeadlineFallsInAnUncoveredYear() {
    String covered = setUpPeopleAndPropose(); // 5 March 2024: covered
    assertThat(ok("case", "show", covered).out()).doesNotContain("PERINGATAN");
    Clock newYearsEve = Clock.fixed(Instant.parse("2026-12-31T03:00:00Z"), ZoneOffset.UTC);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"--home", home.toString(), "case", "propose", "--as", "198001012006042001",
        "--title", "Akhir tahun", "--category", "informasi-hukum", "--material", "Materi", "--platform",
        "instagram"}, new PrintWriter(out), new PrintWriter(err), newYearsEve);
    assertThat(code).as(err.toString()).isZero();
    String id = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow().strip();
    StringWriter shown = new StringWriter();
    Main.run(new String[] {"--home", home.toString(), "case", "show", id}, new PrintWriter(shown),
        new PrintWriter(new StringWriter()), newYearsEve);
    assertThat(shown.toString()).contains("PERINGATAN").contains("2027");
    // The compliance report says so too, in each format (issue 20, item 1).
    for (String format : List.of("text", "csv", "json")) {
      StringWriter report = new StringWriter();
      int rc = Main.run(new String[] {"--home", home.toString(), "report", "compliance", "--format", format},
          new PrintWriter(report), new PrintWriter(new StringWriter()), newYearsEve);
      assertThat(rc).isZero();
      switch (format) {
        case "text" -> assertThat(report.toString()).contains("Peringatan: 1 tenggat", "2027");
        // Both cases' proposals counted; only the one of New Year's Eve was counted across 2027.
        case "csv" -> assertThat(report.toString()).contains(",not_covered\n", "\nactivity,1,2,2,2,2,2,0,0,1\n");
        default -> assertThat(report.toString()).contains("\"uncoveredYears\" : [ 2027 ]", "\"notCovered\" : 1");
      }
    }
  }

  /** One damaged case is reported by {@code case list}; the others are listed; the exit status is 1. */
  @Test
  void oneDamagedCaseDoesNotHideTheOthers() throws IOException {
    String damaged = setUpPeopleAndPropose("file");
    String intact = ok("case", "propose", "--as", "198001012006042001", "--title", "Kasus utuh", "--category",
        "informasi-hukum", "--material", "Materi", "--platform", "instagram").lastLine();
    Path log = home.resolve("cases").resolve("case-" + damaged + ".jsonl");
    assertThat(log).exists();
    String original = Files.readString(log);
    Files.writeString(log, original.replace("Tahukah kamu", "Tahukah kami")); // an event changed: the chain breaks
    Result r = jdih("case", "list");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains(intact).contains("Kasus utuh").doesNotContain("Tahukah");
    assertThat(r.err()).contains(damaged).contains("JDIH-CASE-010");
    // The compliance report counts a broken chain as a finding of its own; a case it cannot read at all is named,
    // left out, and the exit status says so.
    assertThat(jdih("report", "compliance").code()).isZero();
  }

  /** A case whose stored event no longer reads is named by the compliance report, which counts the others. */
  @Test
  void theComplianceReportGoesOnPastACaseItCannotRead() throws Exception {
    String unreadable = setUpPeopleAndPropose(); // the H2 store
    ok("case", "propose", "--as", "198001012006042001", "--title", "Kasus utuh", "--category", "informasi-hukum",
        "--material", "Materi", "--platform", "instagram");
    String url = id.go.kpu.jdih.store.jdbc.JdbcCaseStore.h2FileUrl(home.resolve("db"));
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.PreparedStatement s = c.prepareStatement(
            "UPDATE case_events SET event_json = '{' WHERE case_id = ?")) {
      s.setString(1, unreadable);
      assertThat(s.executeUpdate()).isPositive();
    }
    Result report = jdih("report", "compliance");
    assertThat(report.code()).isEqualTo(1);
    assertThat(report.err()).contains(unreadable);
    assertThat(report.out()).contains("1");
  }
}
