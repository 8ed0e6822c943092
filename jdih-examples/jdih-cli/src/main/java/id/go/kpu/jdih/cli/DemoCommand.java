package id.go.kpu.jdih.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import id.go.kpu.jdih.time.WorkingCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jdih demo}: in a fresh temporary home, registers the people of the reference SOP and runs one case of
 * each category through all seven activities (one with a rejection and a revision), publishing through the dry-run
 * publisher; then prints each case's timeline and the compliance summary. It drives the CLI's own commands, so
 * what it shows is what an office's user would type.
 */
@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  @ParentCommand Main main;

  private static final String KASUBAG = "198001012006042001";
  private static final String TIM = "198502022010011002";
  private static final String STAF = "199003032015032003";

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private final WorkingCalendar calendar = WorkingCalendar.defaults(WIB);
  private Path home;
  private DemoClock clock;
  private Out out;

  @Override
  public Integer call() throws Exception {
    out = main.out;
    home = Files.createTempDirectory("jdih-demo-");
    // Monday 4 March 2024, 08.00 WIB; each step takes about an hour and a half of office time.
    clock = new DemoClock(Instant.parse("2024-03-04T01:00:00Z"));
    out.line("== Demo jdih: SOP No. 6 Tahun 2023 KPU Kabupaten Kepulauan Mentawai ==",
        "== jdih demo: SOP No. 6 of 2023, KPU Kabupaten Kepulauan Mentawai ==");
    out.line("Folder kerja sementara: %s", "Temporary home folder: %s", home);
    run("init");
    run("person", "add", "--nip", KASUBAG, "--name", "Rina Marlina", "--role", "kasubag-hukum");
    run("person", "add", "--nip", TIM, "--name", "Budi Santoso", "--role", "tim-pembina-teknis");
    run("person", "add", "--nip", STAF, "--name", "Sari Dewi", "--role", "staf");

    Path files = Files.createDirectories(home.resolve("berkas"));
    Path minutes = Files.writeString(files.resolve("notulen-rapat.txt"), "Notulen rapat pengelolaan akun media sosial "
        + "JDIH: hadir Rina Marlina, Budi Santoso, Sari Dewi. Konten disetujui dibuat sebagai infografis 4:5.\n",
        StandardCharsets.UTF_8);
    Path design1 = image(files.resolve("desain-produk-hukum.jpg"), "Keputusan KPU 10/HK.04/08/2022",
        new Color(0x8B, 0x00, 0x00));
    Path design2 = image(files.resolve("desain-informasi-hukum.jpg"), "Tahukah kamu? DPT, DPTb, DPK",
        new Color(0x00, 0x4D, 0x80));

    out.line("%n-- Kasus 1: produk hukum, dengan penolakan dan revisi --",
        "%n-- Case 1: a legal product, with a rejection and a revision --");
    String c1 = "demo-produk-hukum";
    act("propose", "--case", c1, "--as", KASUBAG, "--title", "Keputusan KPU 10/HK.04/08/2022",
        "--category", "produk-hukum", "--material", "Infografis isi Keputusan KPU tentang pedoman teknis JDIH.",
        "--platform", "instagram", "--platform", "x", "--product-number", "10/HK.04/08/2022",
        "--product-title", "Pedoman Teknis Pengelolaan Dokumentasi dan Informasi Hukum",
        "--product-form", "Keputusan Komisi Pemilihan Umum", "--product-year", "2022");
    act("reject", c1, "--as", KASUBAG, "--reason", "Tambahkan dasar hukum dan tanggal penetapan");
    act("propose", "--case", c1, "--as", KASUBAG, "--title", "Keputusan KPU 10/HK.04/08/2022",
        "--category", "produk-hukum", "--material", "Infografis isi Keputusan KPU 10/HK.04/08/2022 tentang pedoman "
            + "teknis JDIH, ditetapkan 1 Agustus 2022, dasar hukum UU 14/2008.",
        "--platform", "instagram", "--platform", "x", "--product-number", "10/HK.04/08/2022",
        "--product-title", "Pedoman Teknis Pengelolaan Dokumentasi dan Informasi Hukum",
        "--product-form", "Keputusan Komisi Pemilihan Umum", "--product-year", "2022");
    followThrough(c1, minutes, design1, "Kenali Keputusan KPU 10/HK.04/08/2022 tentang pedoman teknis JDIH. "
        + "#JDIH #KPU #Mentawai");

    out.line("%n-- Kasus 2: informasi hukum --", "%n-- Case 2: legal information --");
    String c2 = "demo-informasi-hukum";
    act("propose", "--case", c2, "--as", KASUBAG, "--title", "Tahukah kamu: DPT, DPTb dan DPK",
        "--category", "informasi-hukum", "--material", "Seri 'tahukah kamu' tentang daftar pemilih: DPT, DPTb, DPK.",
        "--platform", "telegram", "--platform", "facebook");
    followThrough(c2, minutes, design2, "Tahukah kamu beda DPT, DPTb dan DPK? Simak penjelasannya. #JDIH");

    out.line("%n== Lini masa ==", "%n== Timelines ==");
    run("case", "show", c1);
    out.raw("");
    run("case", "show", c2);
    out.line("%n== Yang akan diterima tiap platform (uji coba) ==", "%n== What each platform would receive (dry run) ==");
    try (Stream<Path> s = Files.walk(home.resolve("published"))) {
      s.filter(Files::isRegularFile).sorted().forEach(p -> out.raw("  " + p));
    }
    out.line("%n== Ringkasan kepatuhan ==", "%n== Compliance summary ==");
    run("report", "compliance");
    out.line("%nSelesai. Kedua kasus menjalani ketujuh kegiatan dan terbit (uji coba). Folder: %s",
        "%nDone. Both cases went through all seven activities and were published (dry run). Folder: %s", home);
    return 0;
  }

  private void followThrough(String id, Path minutes, Path design, String caption) throws IOException {
    act("approve", id, "--as", KASUBAG, "--note", "Disetujui");
    act("meeting", id, "--as", TIM, "--attendee", "Rina Marlina", "--attendee", "Budi Santoso", "--attendee",
        "Sari Dewi", "--conclusions", "Konten dibuat infografis 4:5 dan terbit pekan ini", "--minutes",
        minutes.toString(), "--all-equipment");
    act("summarize", id, "--as", STAF, "--text", "Rangkuman: infografis 4:5, keterangan singkat, terbit pekan ini.");
    act("design", id, "--as", TIM, "--file", design.toString());
    act("caption", id, "--as", KASUBAG, "--text", caption);
    act("publish", id, "--as", STAF);
  }

  private void act(String... caseArgs) throws IOException {
    // About an hour and a half per step, within office hours: after 15.00 the work goes on the next working day.
    clock.advance(Duration.ofMinutes(90));
    ZonedDateTime local = clock.instant().atZone(WIB);
    if (local.toLocalTime().isAfter(LocalTime.of(15, 0)) || !calendar.isWorkingDay(local.toLocalDate())) {
      LocalDate next = calendar.nextWorkingDay(local.toLocalDate());
      clock.set(ZonedDateTime.of(next, LocalTime.of(8, 0), WIB).toInstant());
    }
    List<String> args = new ArrayList<>(List.of("case"));
    args.addAll(List.of(caseArgs));
    out.raw("$ jdih " + String.join(" ", args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList()));
    run(args.toArray(String[]::new));
    run("remind"); // the hand-offs this step caused, through the dry-run notifier
  }

  private void run(String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--lang",
        out.lang.name().toLowerCase(Locale.ROOT)));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), out.out, new PrintWriter(err), clock);
    if (code != 0) {
      throw new CliException("Demo gagal pada 'jdih " + String.join(" ", args) + "': " + err.toString().trim(),
          "The demo failed at 'jdih " + String.join(" ", args) + "': " + err.toString().trim());
    }
  }

  /** A 1080 x 1350 (4:5) JPEG that every platform accepts. */
  private static Path image(Path file, String title, Color background) throws IOException {
    BufferedImage img = new BufferedImage(1080, 1350, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, 1080, 1350);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
      g.drawString("JDIH KPU Kab. Kepulauan Mentawai", 60, 160);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
      g.drawString(title, 60, 680);
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(img, "jpg", file.toFile())) {
      throw new IOException("no JPEG writer");
    }
    return file;
  }

  /** A clock the demo moves forward step by step, so its timeline reads like a working week. */
  static final class DemoClock extends Clock {
    private Instant now;

    DemoClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
