package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.archive.ArchiveException.Problem;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.pdf.Align;
import id.go.kpu.jdih.pdf.PageSize;
import id.go.kpu.jdih.pdf.PdfCanvas;
import id.go.kpu.jdih.pdf.PdfDocument;
import id.go.kpu.jdih.pdf.PdfFlow;
import id.go.kpu.jdih.pdf.PdfFont;
import id.go.kpu.jdih.pdf.TextStyle;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Approver;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.time.TimeStatus;
import id.go.kpu.jdih.workflow.ActivityRun;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The hardcopy original of a case ("naskah asli (hardcopy)" of the SOP's record keeping): an A4 PDF, in Indonesian,
 * to be printed and signed. It holds the SOP's identity (office, nomor, nama SOP, tanggal pengesahan, disahkan oleh
 * with NIP); the case's timeline (each activity with its Kegiatan text, pelaksana, who did it, when it was available,
 * due and done in the office's zone (WIB, WITA or WIT), and whether it was on time); the outputs (proposal, meeting
 * and minutes, summary, design files, caption, posts with their URLs); the approvals and rejections with their
 * reasons; the hash-chain head; and the "Dibuat oleh", "Diperiksa oleh" and "Disahkan oleh" signature blocks.
 *
 * <p>Due times come from {@link Deadlines}, which should use the office's working calendar. Only a history whose
 * hash chain is intact is printed. Long texts wrap and flow onto further pages; every page carries the case id, the
 * start of the chain head and "Halaman n dari m". The font and how characters it cannot draw are handled: see
 * the {@linkplain id.go.kpu.jdih.archive package documentation}.
 *
 * <p>Thread-safe: create one and share it. The same history, signatures and clock instant give the same bytes.
 */
public final class HardcopyPdf {

  private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
      "Agustus", "September", "Oktober", "November", "Desember"};
  private static final float BODY = 8.5f;
  private static final float SMALL = 7.5f;

  private static final float HEADING = 10.5f;
  private static final float SIGN_SPACE = 52; // room for a signature and a stamp
  // A4 portrait; a wider left margin (2 cm) leaves room to bind or punch the printed original; the footer sits in
  // the bottom margin.
  private static final PdfFlow.Layout LAYOUT = new PdfFlow.Layout(PageSize.A4_PORTRAIT, 42.5f, 42.5f, 56f, 56.7f,
      1.25f, 3f, "(lanjutan)");
  private static final float WIDTH = LAYOUT.width();
  private static final float[] TWO_COLUMNS = {130, WIDTH - 130};

  private final Deadlines deadlines;
  private final Clock clock;
  private final SopDefinitionJson definitionJson = new SopDefinitionJson();

  /**
   * A hardcopy printer.
   *
   * @param deadlines the time standards applied on the office's working calendar
   * @param clock the time printed as "Dicetak" and used for an open case's current activity
   */
  public HardcopyPdf(Deadlines deadlines, Clock clock) {
    this.deadlines = checkNotNull(deadlines, "deadlines");
    this.clock = checkNotNull(clock, "clock");
  }

  /**
   * Writes the hardcopy of a case to {@code target} atomically (a temporary file in the same folder, forced to disk,
   * then moved into place), with the {@linkplain Signatures#forSop SOP's own signature blocks}.
   *
   * @throws ArchiveException if the history cannot be printed or the file cannot be written
   */
  public void write(Path target, SopDefinition definition, List<RecordedEvent> events) {
    write(target, definition, events, Signatures.forSop(definition));
  }

  /**
   * Writes the hardcopy of a case to {@code target} atomically with the given signature blocks.
   *
   * @throws ArchiveException if the history cannot be printed or the file cannot be written
   */
  public void write(Path target, SopDefinition definition, List<RecordedEvent> events, Signatures signatures) {
    checkNotNull(target, "target");
    byte[] pdf = render(definition, events, signatures);
    Path absolute = target.toAbsolutePath();
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(pdf);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new ArchiveException(Problem.IO, "", Text.of("gagal menulis " + target + ": " + e,
          "cannot write " + target + ": " + e), e);
    }
  }

  /** The hardcopy of a case as PDF bytes, with the {@linkplain Signatures#forSop SOP's own signature blocks}. */
  public byte[] render(SopDefinition definition, List<RecordedEvent> events) {
    return render(definition, events, Signatures.forSop(definition));
  }

  /**
   * The hardcopy of a case as PDF bytes.
   *
   * @param definition the definition the case ran under
   * @param events the case's history
   * @param signatures the signature blocks
   * @throws ArchiveException {@code INVALID_INPUT} for an empty history or another definition's case,
   *     {@code BROKEN_CHAIN} if the hash chain is broken, {@code INVALID_CONTENT} if the history does not fit the
   *     definition
   */
  public byte[] render(SopDefinition definition, List<RecordedEvent> events, Signatures signatures) {
    checkNotNull(definition, "definition");
    checkNotNull(events, "events");
    checkNotNull(signatures, "signatures");
    ImmutableList<RecordedEvent> history = ImmutableList.copyOf(events);
    if (history.isEmpty()) {
      throw new ArchiveException(Problem.INVALID_INPUT, "", Text.of("riwayat kasus kosong",
          "the case's history is empty"));
    }
    if (!history.get(0).sop().equals(definition.key())) {
      throw new ArchiveException(Problem.INVALID_INPUT, "", Text.of(
          "kasus berjalan di bawah " + history.get(0).sop() + ", bukan " + definition.key(),
          "the case ran under " + history.get(0).sop() + ", not " + definition.key()));
    }
    HashChain.verify(history).ifPresent(b -> {
      throw new ArchiveException(Problem.BROKEN_CHAIN, "", Text.of(
          b.reason().text().id() + " (peristiwa ke-" + (b.index() + 1) + "); naskah tidak dicetak",
          b.reason().text().en() + " (event " + (b.index() + 1) + "); nothing printed"));
    });
    ContentCase state;
    try {
      state = ContentCase.replay(history.get(0).caseId(), definition, history);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ArchiveException(Problem.INVALID_CONTENT, "", Text.of(
          "riwayat kasus tidak sesuai definisi SOP-nya: " + e.getMessage(),
          "the case's history does not fit its SOP definition: " + e.getMessage()), e);
    }
    try {
      return new Render(definition, history, state, signatures, clock.instant()).pdf();
    } catch (UncheckedIOException e) {
      throw new ArchiveException(Problem.IO, "", Text.of("PDF tidak dapat dibuat: " + e,
          "the PDF cannot be made: " + e), e);
    }
  }

  /**
   * The SHA-256 of the definition in its JSON form: the same as the definition's file in a softcopy bundle, so the
   * printed copy pins the SOP text as well as the events.
   */
  String definitionSha256(SopDefinition definition) {
    return Hashing.sha256().hashString(definitionJson.write(definition), StandardCharsets.UTF_8).toString();
  }

  /** The abbreviation of an Indonesian zone: WIB, WITA or WIT; the zone id for any other zone. */
  static String zoneLabel(ZoneId zone) {
    return switch (zone.getId()) {
      case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
      case "Asia/Makassar" -> "WITA";
      case "Asia/Jayapura" -> "WIT";
      default -> zone.getId();
    };
  }

  /** The height a section heading takes: space, one line of {@value #HEADING} points, space. */
  private static float headingHeight() {
    return 6 + HEADING * LAYOUT.leading() + 3;
  }

  /** {@code 6 Maret 2023}. */
  static String date(LocalDate d) {
    return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
  }

  /** One rendering of one case. */
  private final class Render {
    private final SopDefinition sop;
    private final ImmutableList<RecordedEvent> events;
    private final ContentCase state;
    private final Signatures signatures;
    private final Instant printedAt;
    private final ZoneId zone;
    private final String tz;

    Render(SopDefinition sop, ImmutableList<RecordedEvent> events, ContentCase state, Signatures signatures,
        Instant printedAt) {
      this.sop = sop;
      this.events = events;
      this.state = state;
      this.signatures = signatures;
      this.printedAt = printedAt;
      this.zone = sop.office().zone();
      this.tz = zoneLabel(zone);
    }

    private String time(Instant i) {
      ZonedDateTime z = i.atZone(zone);
      return String.format(Locale.ROOT, "%02d-%02d-%04d %02d.%02d", z.getDayOfMonth(), z.getMonthValue(),
          z.getYear(), z.getHour(), z.getMinute());
    }

    private String timeTz(Instant i) {
      return time(i) + " " + tz;
    }

    byte[] pdf() {
      // The print time fixes the metadata dates and the document id, so the same input gives the same bytes.
      try (PdfDocument doc = PdfDocument.builder()
          .title("Naskah asli kasus " + state.id() + " - SOP " + sop.identity().number())
          .subject(sop.title())
          .author(sop.office().name())
          .creator("jdih-archive")
          .producer("jdih-archive")
          .timestamp(printedAt)
          .build()) {
        PdfFlow pages = new PdfFlow(doc, LAYOUT);
        title(pages);
        sopIdentity(pages);
        caseIdentity(pages);
        timeline(pages);
        outputs(pages);
        decisions(pages);
        // The integrity table and the signatures share a page: the chain head is what the signatures attest.
        List<List<String>> integrity = integrityRows();
        List<List<String>> signatures = signatureColumns(doc.font());
        pages.ensure(headingHeight() + pages.tableHeight(TWO_COLUMNS, null, integrity, BODY)
            + signatureHeight(signatures));
        integrity(pages, integrity);
        signatureBlocks(pages, signatures);
        String head = state.headHash();
        pages.footers(new PdfFlow.Footer() {
          @Override
          public String left(int page, int count) {
            return "Kasus " + state.id() + "  |  Ujung rantai hash " + head.substring(0, 16) + "…";
          }

          @Override
          public String right(int page, int count) {
            return "Halaman " + page + " dari " + count;
          }
        }, SMALL);
        return doc.toBytes();
      }
    }

    /** A section heading, kept on a page with at least {@code keepWith} points of what follows. */
    private void heading(PdfFlow p, String text, float keepWith) {
      p.ensure(headingHeight() + keepWith);
      p.space(6);
      p.paragraph(text, HEADING, TextStyle.BOLD, Align.LEFT, 0);
      p.space(3);
    }

    private void title(PdfFlow p) {
      p.paragraph(sop.office().name(), 13, TextStyle.BOLD, Align.CENTER, 0);
      p.paragraph(sop.office().unit(), BODY, TextStyle.REGULAR, Align.CENTER, 0);
      p.space(6);
      p.rule(1.2f);
      p.space(2);
      p.rule(0.4f);
      p.space(8);
      p.paragraph("NASKAH ASLI PELAKSANAAN STANDAR OPERASIONAL PROSEDUR", 11.5f, TextStyle.BOLD, Align.CENTER, 0);
      p.paragraph(sop.title(), BODY, TextStyle.REGULAR, Align.CENTER, 0);
      p.space(3);
      p.paragraph("Pencatatan dan Pendataan: " + sop.recordKeeping() + ". Dokumen ini adalah naskah asli (hardcopy)"
          + " kasus " + state.id() + "; naskah asli elektronik (softcopy) adalah arsip ZIP dengan ujung rantai hash "
          + "yang sama.", SMALL, TextStyle.REGULAR, Align.CENTER, 0);
      p.space(4);
    }

    private void sopIdentity(PdfFlow p) {
      SopIdentity id = sop.identity();
      Approver by = id.approvedBy();
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("Nomor SOP", id.number() + (id.revision() == 0 ? "" : " (revisi " + id.revision() + ")")));
      rows.add(List.of("Nama SOP", sop.title()));
      rows.add(List.of("Satuan kerja", sop.office().unit()));
      rows.add(List.of("Tanggal Pembuatan", date(id.createdOn())));
      rows.add(List.of("Tanggal Revisi", id.revisedOn().map(HardcopyPdf::date).orElse("-")));
      rows.add(List.of("Tanggal Pengesahan", date(id.approvedOn())));
      rows.add(List.of("Disahkan oleh", by.position() + "\n" + by.name() + "\nNIP. " + by.nip().formatted()));
      rows.add(List.of("Zona waktu kantor", tz + " (" + zone.getId() + ")"));
      heading(p, "A. Identitas SOP", 60);
      p.table(TWO_COLUMNS, null, rows, BODY, new boolean[] {true, false});
    }

    private void caseIdentity(PdfFlow p) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("ID kasus", state.id().value()));
      rows.add(List.of("Status", statusText()));
      rows.add(List.of("Dibuka", state.openedAt().map(this::timeTz).orElse("-")));
      rows.add(List.of("Peristiwa terakhir", timeTz(events.get(events.size() - 1).at())));
      rows.add(List.of("Jumlah revisi (draf ditolak)", String.valueOf(state.revisions())));
      rows.add(List.of("Jumlah peristiwa", String.valueOf(events.size())));
      heading(p, "B. Identitas Kasus", 60);
      p.table(TWO_COLUMNS, null, rows, BODY, new boolean[] {true, false});
    }

    private String statusText() {
      return switch (state.status()) {
        case PUBLISHED -> "Terbit (seluruh kegiatan selesai)";
        case WITHDRAWN -> "Dibatalkan: " + state.withdrawalReason().orElse("");
        case OPEN -> "Berjalan (kegiatan " + state.currentActivity().orElse(0) + " belum selesai)";
        case NEW -> "Baru";
      };
    }

    private void timeline(PdfFlow p) {
      // Dilakukan oleh is wide enough for "NIP. 19800101 200604 1 001" on one line, Ket. for "TERLAMBAT"; times
      // wrap to the date and the hour.
      float[] w = {16, 100, 58, 106, 50, 50, 50, 0};
      w[7] = WIDTH - (w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + w[6]);
      List<String> header = List.of("No", "Kegiatan", "Pelaksana", "Dilakukan oleh", "Tersedia", "Batas",
          "Selesai", "Ket.");
      List<List<String>> rows = new ArrayList<>();
      for (ActivityRun r : state.runs()) {
        Activity a = sop.activity(r.activity()).orElseThrow();
        Optional<Instant> due = deadlines.due(a, r.availableAt());
        String note = due.map(d -> r.completedAt().isAfter(d) ? "TERLAMBAT" : "Tepat waktu")
            .orElse("Tanpa standar waktu");
        note += r.outcome().map(o -> o == Outcome.APPROVED ? "; disetujui" : "; tidak disetujui").orElse("");
        rows.add(List.of(String.valueOf(r.activity()), a.description(), roleName(a),
            r.actor().name() + "\nNIP. " + r.actor().nip().formatted(), time(r.availableAt()),
            due.map(this::time).orElse("-"), time(r.completedAt()), note));
      }
      Optional<OpenActivity> open = deadlines.open(state, sop, printedAt);
      if (open.isPresent()) {
        OpenActivity o = open.get();
        Activity a = sop.activity(o.activity()).orElseThrow();
        rows.add(List.of(String.valueOf(o.activity()), a.description(), roleName(a), "-", time(o.availableAt()),
            o.due().map(this::time).orElse("-"), "(berjalan)",
            o.status() == TimeStatus.OVERDUE ? "TERLAMBAT" : capitalized(o.status().label().id())));
      }
      for (RecordedEvent e : events) {
        if (e.payload() instanceof CaseEvent.Withdrawn withdrawn) {
          rows.add(List.of("-", "Pembatalan kasus: " + withdrawn.reason(),
              sop.flow().withdrawalRole().flatMap(sop::role).map(Role::name).orElse("-"),
              e.actor().name() + "\nNIP. " + e.actor().nip().formatted(), "-", "-", time(e.at()), "Dibatalkan"));
        }
      }
      heading(p, "C. Linimasa Kegiatan", 80);
      p.paragraph("Waktu dalam " + tz + " (" + zone.getId() + "). Batas: standar waktu kegiatan dihitung sejak "
          + "kegiatan tersedia, pada hari dan jam kerja kantor.", SMALL, TextStyle.REGULAR, Align.LEFT, 0);
      p.space(3);
      p.table(w, header, rows, SMALL, new boolean[] {true, false, false, false, false, false, false, false});
    }

    private String capitalized(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String roleName(Activity a) {
      return sop.role(a.executor()).map(Role::name).orElse(a.executor().value());
    }

    private String activityLabel(ActivityKind kind, String name) {
      return sop.activities().stream().filter(a -> a.kind() == kind).findFirst()
          .map(a -> name + " (Kegiatan " + a.number() + ")").orElse(name);
    }

    private void outputs(PdfFlow p) {
      List<List<String>> rows = new ArrayList<>();
      state.proposal().ifPresent(pr -> rows.add(List.of(activityLabel(ActivityKind.PROPOSAL, "Usulan materi"),
          proposal(pr))));
      state.meeting().ifPresent(m -> rows.add(List.of(activityLabel(ActivityKind.MEETING, "Rapat"), meeting(m))));
      state.summary().ifPresent(s -> rows.add(List.of(activityLabel(ActivityKind.SUMMARY, "Rangkuman hasil rapat"),
          s)));
      if (!state.design().isEmpty()) {
        rows.add(List.of(activityLabel(ActivityKind.DESIGN, "Design konten"), design(state.design())));
      }
      state.caption().ifPresent(c -> {
        StringBuilder sb = new StringBuilder(c.text());
        c.perPlatform().forEach((pl, t) -> sb.append("\n\nKhusus ").append(pl.displayName()).append(": ").append(t));
        rows.add(List.of(activityLabel(ActivityKind.CAPTION, "Keterangan/caption"), sb.toString()));
      });
      if (!state.posts().isEmpty()) {
        rows.add(List.of(activityLabel(ActivityKind.PUBLICATION, "Unggahan"), posts(state.posts())));
      }
      state.taskResults().forEach((n, r) -> rows.add(List.of("Hasil kegiatan " + n, r)));
      if (rows.isEmpty()) {
        rows.add(List.of("-", "Belum ada keluaran."));
      }
      heading(p, "D. Keluaran", 60);
      p.table(new float[] {110, WIDTH - 110}, null, rows, BODY, new boolean[] {true, false});
    }

    private String proposal(ContentProposal pr) {
      StringBuilder sb = new StringBuilder();
      sb.append("Judul: ").append(pr.title());
      sb.append("\nKategori: ").append(pr.category().label().id());
      sb.append("\nPlatform: ").append(pr.platforms().stream().map(Platform::displayName).sorted()
          .collect(Collectors.joining(", ")));
      pr.legalProduct().ifPresent(lp -> sb.append("\nProduk hukum: ").append(legalProduct(lp)));
      sb.append("\nMateri: ").append(pr.material());
      return sb.toString();
    }

    private String legalProduct(LegalProductRef lp) {
      return lp.formShort().orElse(lp.form()) + " Nomor " + lp.number() + " Tahun " + lp.year() + " tentang "
          + lp.title() + " (" + (lp.status() == LegalProductRef.Status.BERLAKU ? "berlaku" : "tidak berlaku") + ")";
    }

    private String meeting(Meeting m) {
      DocumentRef d = m.minutes();
      return "Tanggal: " + date(m.date())
          + "\nPeserta: " + String.join(", ", m.attendees())
          + "\nKesimpulan rapat: " + m.conclusions()
          + "\nNotulen rapat: " + d.name() + " (" + d.mediaType() + ", " + bytes(d.bytes()) + ")"
          + "\nSHA-256 notulen: " + d.sha256();
    }

    private String design(List<MediaItem> items) {
      StringBuilder sb = new StringBuilder(items.size() + " berkas:");
      for (int i = 0; i < items.size(); i++) {
        MediaItem m = items.get(i);
        sb.append('\n').append(i + 1).append(". ").append(m.mediaType()).append(", ").append(m.width()).append(" × ")
            .append(m.height()).append(" piksel, ").append(bytes(m.bytes())).append(", SHA-256 ").append(m.sha256());
      }
      return sb.toString();
    }

    private String posts(Map<Platform, PlatformPost> posts) {
      StringBuilder sb = new StringBuilder();
      for (PlatformPost post : posts.values()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(post.platform().displayName()).append(": ").append(post.url()).append(" (ID ")
            .append(post.postId()).append(", terbit ").append(timeTz(post.publishedAt())).append(')');
      }
      return sb.toString();
    }

    private String bytes(long n) {
      return NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(n) + " bita";
    }

    private void decisions(PdfFlow p) {
      List<List<String>> rows = new ArrayList<>();
      int no = 0;
      for (RecordedEvent e : events) {
        String decision;
        String reason;
        if (e.payload() instanceof CaseEvent.Approved a) {
          decision = "Disetujui";
          reason = a.note().orElse("-");
        } else if (e.payload() instanceof CaseEvent.Rejected r) {
          decision = "Tidak disetujui (dikembalikan untuk revisi)";
          reason = r.reason();
        } else if (e.payload() instanceof CaseEvent.Withdrawn w) {
          decision = "Dibatalkan";
          reason = w.reason();
        } else {
          continue;
        }
        rows.add(List.of(String.valueOf(++no), timeTz(e.at()), e.activity().isPresent()
            ? String.valueOf(e.activity().getAsInt()) : "-", decision,
            e.actor().name() + "\nNIP. " + e.actor().nip().formatted(), reason));
      }
      heading(p, "E. Persetujuan dan Penolakan", 50);
      if (rows.isEmpty()) {
        p.paragraph("Belum ada keputusan.", BODY, TextStyle.REGULAR, Align.LEFT, 0);
        return;
      }
      float[] w = {18, 62, 40, 96, 106, 0};
      w[5] = WIDTH - (w[0] + w[1] + w[2] + w[3] + w[4]);
      p.table(w, List.of("No", "Waktu", "Kegiatan", "Keputusan", "Oleh", "Alasan / catatan"), rows, SMALL, null);
    }

    private List<List<String>> integrityRows() {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("Ujung rantai hash (SHA-256)", state.headHash()));
      rows.add(List.of("Pemeriksaan rantai",
          "Utuh, " + events.size() + " peristiwa terantai (diperiksa saat dicetak)"));
      rows.add(List.of("Definisi SOP", sop.key() + "\nSHA-256 JSON: " + definitionSha256(sop)));
      rows.add(List.of("Dicetak", timeTz(printedAt)));
      return rows;
    }

    private void integrity(PdfFlow p, List<List<String>> rows) {
      heading(p, "F. Integritas Catatan", 0);
      p.table(TWO_COLUMNS, null, rows, BODY, new boolean[] {true, false});
    }

    private List<List<String>> signatureColumns(PdfFont font) {
      float width = WIDTH / 3 - 10;
      return List.of(block("Dibuat oleh,", signatures.preparedBy(), width, font),
          block("Diperiksa oleh,", signatures.checkedBy(), width, font),
          block("Disahkan oleh,", signatures.approvedBy(), width, font));
    }

    private float signatureHeight(List<List<String>> columns) {
      float lead = BODY * LAYOUT.leading();
      int above = columns.stream().mapToInt(c -> c.indexOf("")).max().orElse(2);
      int below = columns.stream().mapToInt(c -> c.size() - c.indexOf("") - 1).max().orElse(2);
      return headingHeight() + 2 * lead + (above + below) * lead + SIGN_SPACE + 6;
    }

    // Three blocks side by side: the heading and the position, room to sign, then the name (bold, underlined) and
    // the NIP; a blank name or NIP is a dotted line to fill in by hand.
    private void signatureBlocks(PdfFlow p, List<List<String>> columns) {
      PdfFont font = p.font();
      float col = WIDTH / 3;
      float lead = BODY * LAYOUT.leading();
      int above = columns.stream().mapToInt(c -> c.indexOf("")).max().orElse(2);
      int below = columns.stream().mapToInt(c -> c.size() - c.indexOf("") - 1).max().orElse(2);
      heading(p, "G. Pengesahan", signatureHeight(columns) - headingHeight());
      p.paragraph("......................................, ......................................", BODY,
          TextStyle.REGULAR, Align.RIGHT, 0);
      p.space(lead);
      float top = p.y();
      PdfCanvas canvas = p.canvas();
      for (int c = 0; c < 3; c++) {
        float x = p.left() + c * col;
        List<String> lines = columns.get(c);
        int split = lines.indexOf("");
        float baseline = top;
        for (int i = 0; i < split; i++) {
          baseline += lead;
          canvas.text(lines.get(i), i == 0 ? TextStyle.BOLD : TextStyle.REGULAR, BODY, x, baseline);
        }
        baseline = top + above * lead + SIGN_SPACE;
        for (int i = split + 1; i < lines.size(); i++) {
          baseline += lead;
          boolean nameLine = i == split + 1 && !lines.get(i).startsWith("(");
          canvas.text(lines.get(i), nameLine ? TextStyle.BOLD : TextStyle.REGULAR, BODY, x, baseline);
          if (nameLine) {
            canvas.line(x, baseline + 2.2f, x + font.width(lines.get(i), BODY), baseline + 2.2f, 0.5f);
          }
        }
      }
      p.space(above * lead + SIGN_SPACE + below * lead + 6);
    }

    // The printable lines of one block: heading and position, an empty marker line, then name and NIP.
    private List<String> block(String heading, Signatory s, float width, PdfFont font) {
      List<String> lines = new ArrayList<>();
      lines.add(font.printable(heading));
      if (!s.position().isBlank()) {
        lines.addAll(font.wrap(s.position(), BODY, width));
      }
      lines.add("");
      List<String> name = s.name().map(n -> font.wrap(n, BODY, width)).orElse(List.of(
          "(.........................................)"));
      lines.addAll(name);
      lines.add(font.printable("NIP. " + s.nip().map(n -> n.formatted())
          .orElse("..................................")));
      return lines;
    }
  }
}
