package id.go.kpu.jdih.archive;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardcopyPdfTest {

  // Samples for looking at (pdftoppm -png target/hardcopy-samples/...); a build output, like the test reports.
  private static final Path SAMPLES = Path.of("target", "hardcopy-samples");
  private static final Instant PRINTED = Instant.parse("2024-03-20T03:15:00Z");

  @TempDir Path dir;
  private ArchiveWorld world;
  private HardcopyPdf pdf;

  @BeforeEach
  void setUp() throws IOException {
    world = new ArchiveWorld(dir);
    pdf = new HardcopyPdf(world.deadlines, Clock.fixed(PRINTED, ZoneOffset.UTC));
    Files.createDirectories(SAMPLES);
  }

  /** The text of every page, after rendering every page to pixels with PDFBox's own renderer. */
  private static String renderAndExtract(byte[] bytes, int expectedMinPages) throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(expectedMinPages);
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 40);
        assertThat(darkPixels(image)).as("page %d has ink", i + 1).isGreaterThan(100);
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(doc);
    }
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
          dark++;
        }
      }
    }
    return dark;
  }

  @Test
  void theHardcopyOfARevisedCaseHoldsTheKeyTexts() throws IOException {
    ImmutableList<RecordedEvent> events = world.rejectedAndRevised(CaseId.of("kasus-revisi"));
    byte[] bytes = pdf.render(world.reference, events);
    Files.write(SAMPLES.resolve("kasus-revisi.pdf"), bytes);

    String text = renderAndExtract(bytes, 1);

    assertThat(text).contains("KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI", "6 Tahun 2023",
        "PENGELOLAAN AKUN MEDIA SOSIAL JARINGAN DOKUMENTASI", "6 Maret 2023", "IRMAN SUSANTO",
        "NIP. 19800908 200604 1 008", "Disahkan oleh", "Dibuat oleh", "Diperiksa oleh",
        "Rina Kasubag", "Budi Tim", "Sari Staf", "WIB", "kasus-revisi",
        HashChain.head(events),
        "Materi terlalu umum", "Tidak disetujui", "Disetujui",
        "Tahukah kamu: istilah pemilu (revisi)", "informasi hukum", "Facebook, Telegram",
        "https://example.invalid/telegram/1789", "Khusus Telegram", "notulen-rapat.txt", "2 berkas",
        "400 × 500 piksel", "Rangkuman: seri tiga gambar.", "Halaman 1 dari",
        pdf.definitionSha256(world.reference));
    // The hardcopy pins what the softcopy holds: the same chain head and the same definition file hash.
    Path zip = dir.resolve("kasus-revisi.zip");
    VerifiedBundle soft = new SoftcopyBundle().writeCase(zip, world.reference, events, world.media);
    assertThat(soft.cases().get(0).head()).isEqualTo(HashChain.head(events));
    assertThat(ZipSurgery.of(zip).manifest().files().get(0).sha256()).isEqualTo(pdf.definitionSha256(
        world.reference));
    // Every activity of the SOP ran; each row starts with its number and its Kegiatan text.
    for (Activity a : world.reference.activities()) {
      String[] words = a.description().split(" ");
      String start = words[0] + " " + words[1];
      assertThat(Pattern.compile("(?m)^" + a.number() + " " + Pattern.quote(start)).matcher(text).find())
          .as("activity %d row", a.number()).isTrue();
    }
    // Activities 1 and 2 ran twice (rejected, then revised): nine rows in all.
    assertThat(Pattern.compile("(?m)^[1-7] (Pengusulan|Menyetujui|Melaksanakan|Merangkum|Membuat|Mengunggah)")
        .matcher(text).results().count()).isEqualTo(9);
  }

  @Test
  void lateActivitiesAreMarkedAndTimesAreInTheOfficeZone() throws IOException {
    ImmutableList<RecordedEvent> events = world.published(CaseId.of("kasus-terbit"));
    byte[] bytes = pdf.render(world.reference, events);
    Files.write(SAMPLES.resolve("kasus-terbit.pdf"), bytes);
    String text = renderAndExtract(bytes, 1);
    // The design (activity 5) was done three days after it became available on Monday 4 March, 12.00 WIB, and
    // is the only late one; the first line of each cell shares the row's baseline.
    assertThat(Pattern.compile("(?m)^5 Membuat design .*04-03-2024 05-03-2024 07-03-2024 TERLAMBAT$").matcher(text)
        .find()).as(text).isTrue();
    assertThat(Pattern.compile("TERLAMBAT").matcher(text).results().count()).isEqualTo(1);
    assertThat(text).contains("Tepat waktu", "Waktu dalam WIB (Asia/Jakarta)", "Dibuka 04-03-2024 09.00 WIB");
    assertThat(text).contains("Keputusan KPU Nomor 10/HK.04/08/2022 Tahun 2022");
  }

  @Test
  void aWithdrawnCaseShowsTheWithdrawal() throws IOException {
    byte[] bytes = pdf.render(world.reference, world.withdrawn(CaseId.of("kasus-batal")));
    String text = renderAndExtract(bytes, 1);
    assertThat(text).contains("Dibatalkan", "Materi sudah diterbitkan oleh KPU Provinsi.", "Pembatalan kasus");
  }

  @Test
  void longTextsWrapOntoFurtherPagesAndUncoveredCharactersArePrintedAsCodePoints() throws IOException {
    CaseId id = CaseId.of("kasus-panjang");
    StringBuilder material = new StringBuilder();
    for (int i = 1; i <= 120; i++) {
      material.append("Kalimat ").append(i).append(" dari materi yang sangat panjang tentang daftar pemilih. ");
    }
    material.append("https://jdih.kpu.go.id/").append("a".repeat(300));
    world.service.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG, new ContentProposal(
        "Judul dengan emoji \uD83D\uDDF3\uFE0F dan aksara \u0915", ContentCategory.INFORMASI_HUKUM,
        material.toString(), Optional.empty(), java.util.Set.of(Platform.X))));
    ImmutableList<RecordedEvent> events = world.store.load(id);
    byte[] bytes = pdf.render(world.reference, events);
    Files.write(SAMPLES.resolve("kasus-panjang.pdf"), bytes);

    String text = renderAndExtract(bytes, 2);

    assertThat(text).contains("Kalimat 1 dari", "Kalimat 120 dari", "Halaman 2 dari",
        "Judul dengan emoji [U+1F5F3] dan aksara [U+0915]");
    assertThat(text).doesNotContain("\uD83D\uDDF3", "?");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getDocumentInformation().getCustomMetadataValue("JdihMissingGlyphs"))
          .isEqualTo("U+1F5F3 BALLOT BOX WITH BALLOT; U+0915 DEVANAGARI LETTER KA");
    }
    // An open case shows its current activity with its status at print time.
    assertThat(text).contains("(berjalan)", "Berjalan (kegiatan 2 belum selesai)");
  }

  /**
   * Text outside Windows-1252 that Indonesian records hold: a macron, typographic quotes, en and em dashes, an
   * ellipsis and a no-break space (between "Rp" and the amount), besides Latin-1 letters.
   */
  private static final String UNICODE = "Āisyah “Ayu” Pratiwi – José Schröder — ‘rapat’ … Rp\u00a01.000";

  @Test
  void textOutsideWindows1252ComesOutAsWritten() throws IOException {
    CaseId id = CaseId.of("kasus-unicode");
    world.service.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG, new ContentProposal("Judul: " + UNICODE,
        ContentCategory.INFORMASI_HUKUM, "Materi: " + UNICODE, Optional.empty(), java.util.Set.of(Platform.X))));
    world.service.handleTrusted(new CaseCommand.Reject(cmd(), id, KASUBAG, "Alasan: " + UNICODE));
    world.service.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG, new ContentProposal("Judul: " + UNICODE,
        ContentCategory.INFORMASI_HUKUM, "Materi “direvisi” – " + UNICODE, Optional.empty(),
        java.util.Set.of(Platform.X))));
    world.service.handleTrusted(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.of("Catatan ‘setuju’ – lanjut …")));
    Signatures named = new Signatures(
        Signatory.of("Staf – Teknis", Person.of("199003032015031003", "Āisyah Putri Schröder", ReferenceSop.STAF)),
        Signatory.of("Kasubag Hukum", KASUBAG), Signatory.of(world.reference.identity().approvedBy()));
    byte[] bytes = pdf.render(world.reference, world.store.load(id), named);
    Files.write(SAMPLES.resolve("kasus-unicode.pdf"), bytes);

    renderAndExtract(bytes, 1); // every page has ink
    String text;
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      // In drawing order, a wrapped cell's lines follow one another; only ASCII white space is collapsed, so a
      // no-break space must come out as itself.
      text = String.join(" ", new PDFTextStripper().getText(doc).split("[ \\t\\r\\n]+"));
      assertThat(doc.getDocumentInformation().getCustomMetadataValue("JdihMissingGlyphs")).isNull();
    }
    assertThat(text).contains("Judul: " + UNICODE, "Alasan: " + UNICODE,
        "Materi “direvisi” – " + UNICODE, "Catatan ‘setuju’ – lanjut …", "Staf – Teknis", "Āisyah Putri Schröder",
        "Ujung rantai hash " + HashChain.head(world.store.load(id)).substring(0, 16) + "…");
    assertThat(text).doesNotContain("?");
  }

  @Test
  void signatoriesCanBeNamed() throws IOException {
    Signatures s = new Signatures(Signatory.of("Staf", Fixtures.STAF),
        Signatory.of("Kasubag Hukum", KASUBAG),
        Signatory.of(world.reference.identity().approvedBy()));
    byte[] bytes = pdf.render(world.reference, world.withdrawn(CaseId.of("kasus-ttd")), s);
    Path file = dir.resolve("naskah.pdf");
    pdf.write(file, world.reference, world.withdrawn(CaseId.of("kasus-ttd2")), s);
    String text = renderAndExtract(bytes, 1);
    assertThat(text).contains("NIP. 19900303 201503 1 003", "NIP. 19800101 200604 1 001");
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("kasus-ttd2");
    }
    assertThat(Signatures.forSop(world.reference).preparedBy().position()).isEqualTo("Staf");
    assertThat(Signatures.forSop(world.reference).checkedBy().position()).isEqualTo("Kasubag Hukum");
    assertThat(Signatures.forSop(world.reference).approvedBy().nip()).hasValue(Nip.of("198009082006041008"));
  }

  @Test
  void anOfficeInWitaPrintsWita() throws IOException {
    SopDefinition wita = world.reference.toBuilder()
        .office(new Office("kpu-kota-makassar", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MAKASSAR", ZoneId.of("Asia/Makassar")))
        .identity(new SopIdentity("2 Tahun 2024", 0, LocalDate.of(2024, 1, 2), Optional.empty(),
            LocalDate.of(2024, 1, 3), world.reference.identity().approvedBy()))
        .build();
    world.registry.register(wita);
    Cases s = TestCases.of(world.registry, wita.key(), world.store, world.clock,
        PlatformOutputRules.defaults());
    CaseId id = CaseId.of("kasus-wita");
    s.handleTrusted(new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    HardcopyPdf witaPdf = new HardcopyPdf(new Deadlines(WorkingCalendar.defaults(ZoneId.of("Asia/Makassar"))),
        Clock.fixed(PRINTED, ZoneOffset.UTC));
    String text = renderAndExtract(witaPdf.render(wita, world.store.load(id)), 1);
    assertThat(text).contains("KOTA MAKASSAR", "2 Tahun 2024", "Waktu dalam WITA (Asia/Makassar)",
        "Dibuka 04-03-2024 09.00 WITA"); // 01.00 UTC is 09.00 WITA
    assertThat(HardcopyPdf.zoneLabel(ZoneId.of("Asia/Jayapura"))).isEqualTo("WIT");
  }

  @Test
  void aBrokenHistoryIsNotPrinted() {
    List<RecordedEvent> events = new ArrayList<>(world.withdrawn(CaseId.of("kasus-rusak")));
    RecordedEvent e = events.get(1);
    events.set(1, new RecordedEvent(e.caseId(), e.sequence(), e.sop(), e.commandId(), e.principal(), e.actor(), e.at(),
        e.activity(), new CaseEvent.Approved(Optional.of("disisipkan")), e.previousHash(), e.hash(), e.hashFormat()));
    ArchiveException ex = catchThrowableOfType(ArchiveException.class, () -> pdf.render(world.reference, events));
    assertThat(ex.problem()).isEqualTo(Problem.BROKEN_CHAIN);
    assertThat(ex.getMessage()).contains("peristiwa ke-2");
    assertThat(catchThrowableOfType(ArchiveException.class, () -> pdf.render(world.variant, world.store.load(
        CaseId.of("kasus-rusak")))).problem()).isEqualTo(Problem.INVALID_INPUT);
  }

  @Test
  void theSameInputAndPrintTimeGiveTheSameBytes() {
    ImmutableList<RecordedEvent> events = world.withdrawn(CaseId.of("kasus-sama"));
    assertThat(pdf.render(world.reference, events)).isEqualTo(pdf.render(world.reference, events));
  }

  @Test
  void theFontIsTheEmbeddedLiberationSans() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.render(world.reference, world.withdrawn(CaseId.of("kasus-fon"))))) {
      var resources = doc.getPage(0).getResources();
      for (var name : resources.getFontNames()) {
        assertThat(resources.getFont(name).getName()).matches("[A-Z]{6}\\+LiberationSans");
        assertThat(resources.getFont(name).isEmbedded()).isTrue();
      }
      assertThat(resources.getFontNames()).isNotEmpty();
    }
  }
}
