package id.go.kpu.jdih.archive;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.STAF;
import static id.go.kpu.jdih.testkit.Fixtures.TIM;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.media.StoredFile;
import id.go.kpu.jdih.media.file.FileMediaStore;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.TestCases;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Case histories made the way an office makes them: commands through {@link Cases} on an
 * {@link InMemoryCaseStore}, with real files (JPEG designs, text minutes) in a {@link FileMediaStore}.
 */
final class ArchiveWorld {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final Person SEKRETARIS = Person.of("197501012000031002", "Dewi Sekretaris", Fixtures.SEKRETARIS);

  // Monday 4 March 2024, 08.00 WIB.
  final MutableClock clock = MutableClock.at("2024-03-04T01:00:00Z");
  final InMemoryCaseStore store = new InMemoryCaseStore();
  final SopRegistry registry = SopRegistry.withReference();
  final SopDefinition reference = ReferenceSop.definition();
  final SopDefinition variant = Fixtures.secondApprovalVariant();
  final FileMediaStore media;
  final Cases service;
  final Cases variantService;
  final Deadlines deadlines = new Deadlines(WorkingCalendar.defaults(WIB));

  ArchiveWorld(Path dir) throws IOException {
    media = new FileMediaStore(dir.resolve("media"));
    registry.register(variant);
    service = TestCases.of(registry, reference.key(), store, clock, PlatformOutputRules.defaults());
    variantService = TestCases.of(registry, variant.key(), store, clock, PlatformOutputRules.defaults());
  }

  /** A 400 x 500 JPEG (4:5, which every platform accepts) in the media store; {@code seed} varies its pixels. */
  MediaItem jpeg(int seed) {
    BufferedImage image = new BufferedImage(400, 500, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x8B0000 + seed * 0x010203));
    g.fillRect(0, 0, 400, 500);
    g.setColor(Color.WHITE);
    g.fillRect(20 + seed % 50, 40, 360 - seed % 50, 80);
    g.drawString("JDIH KPU " + seed, 40, 200);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
      StoredFile f = media.put(new ByteArrayInputStream(out.toByteArray()), "image/jpeg");
      return new MediaItem(f.ref(), "image/jpeg", 400, 500, f.bytes(), f.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text minutes in the media store. */
  DocumentRef minutes(String text) {
    try {
      StoredFile f = media.put(new ByteArrayInputStream(text.getBytes(UTF_8)), "text/plain");
      return new DocumentRef(f.ref(), "notulen-rapat.txt", "text/plain", f.bytes(), f.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Meeting meeting(String minutesText) {
    return new Meeting(clock.instant().atZone(WIB).toLocalDate(), ImmutableList.of("Rina Kasubag", "Budi Tim",
        "Sari Staf"), "Konten dibuat sebagai infografis 4:5 dan diterbitkan pekan ini.", minutes(minutesText),
        ImmutableSet.of("infocus", "komputer-laptop"));
  }

  private void run(Cases s, CaseCommand c) {
    clock.advance(Duration.ofHours(1));
    s.handleTrusted(c);
  }

  /** Seven activities, published on Instagram and X; the design is done three days late. */
  ImmutableList<RecordedEvent> published(CaseId id) {
    run(service, new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.produkHukum()));
    run(service, new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.of("Lanjutkan ke rapat.")));
    run(service, new CaseCommand.RecordMeeting(cmd(), id, TIM, meeting("Notulen rapat kasus " + id)));
    run(service, new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman: infografis 4:5, terbit Senin."));
    clock.advance(Duration.ofDays(3));
    run(service, new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(jpeg(1))));
    run(service, new CaseCommand.WriteCaption(cmd(), id, KASUBAG, Caption.of(
        "Kenali Keputusan KPU 10/HK.04/08/2022 tentang pedoman teknis JDIH. #JDIH #KPU")));
    run(service, new CaseCommand.RecordPublication(cmd(), id, STAF, List.of(
        Fixtures.post(Platform.INSTAGRAM, clock.instant()), Fixtures.post(Platform.X, clock.instant()))));
    return store.load(id);
  }

  /** Rejected once with a reason, revised, then through to publication on Telegram and Facebook with two images. */
  ImmutableList<RecordedEvent> rejectedAndRevised(CaseId id) {
    ContentProposal draft = Fixtures.informasiHukum(Platform.TELEGRAM, Platform.FACEBOOK);
    run(service, new CaseCommand.Propose(cmd(), id, KASUBAG, draft));
    run(service, new CaseCommand.Reject(cmd(), id, KASUBAG, "Materi terlalu umum; sebutkan dasar hukum DPT."));
    run(service, new CaseCommand.Propose(cmd(), id, KASUBAG, new ContentProposal(draft.title() + " (revisi)",
        ContentCategory.INFORMASI_HUKUM, draft.material() + " Dasar hukum: PKPU 7 Tahun 2022.", Optional.empty(),
        draft.platforms())));
    run(service, new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    run(service, new CaseCommand.RecordMeeting(cmd(), id, TIM, meeting("Notulen rapat kasus " + id)));
    run(service, new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman: seri tiga gambar."));
    run(service, new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(jpeg(2), jpeg(3))));
    run(service, new CaseCommand.WriteCaption(cmd(), id, KASUBAG, new Caption("Tahukah kamu? DPT, DPTb, DPK.",
        ImmutableMap.of(Platform.TELEGRAM, "Tahukah kamu? Penjelasan lengkap DPT, DPTb dan DPK."))));
    run(service, new CaseCommand.RecordPublication(cmd(), id, STAF, List.of(
        Fixtures.post(Platform.TELEGRAM, clock.instant()), Fixtures.post(Platform.FACEBOOK, clock.instant()))));
    return store.load(id);
  }

  /** Withdrawn by the Kasubag Hukum after the meeting. */
  ImmutableList<RecordedEvent> withdrawn(CaseId id) {
    run(service, new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.informasiHukum(Platform.INSTAGRAM)));
    run(service, new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    run(service, new CaseCommand.RecordMeeting(cmd(), id, TIM, meeting("Notulen rapat kasus " + id)));
    run(service, new CaseCommand.Withdraw(cmd(), id, KASUBAG, "Materi sudah diterbitkan oleh KPU Provinsi."));
    return store.load(id);
  }

  /** Under the second-approval variant: the design is rejected by the Sekretaris and made again. */
  ImmutableList<RecordedEvent> variantDesignRejected(CaseId id) {
    run(variantService, new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.informasiHukum(Platform.THREADS)));
    run(variantService, new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    run(variantService, new CaseCommand.RecordMeeting(cmd(), id, TIM, meeting("Notulen rapat kasus " + id)));
    run(variantService, new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman singkat."));
    run(variantService, new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(jpeg(4))));
    run(variantService, new CaseCommand.WriteCaption(cmd(), id, KASUBAG, Caption.of("Keterangan pertama")));
    run(variantService, new CaseCommand.Reject(cmd(), id, SEKRETARIS, "Desain kurang kontras."));
    run(variantService, new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(jpeg(5))));
    run(variantService, new CaseCommand.WriteCaption(cmd(), id, KASUBAG, Caption.of("Keterangan baru")));
    run(variantService, new CaseCommand.Approve(cmd(), id, SEKRETARIS, Optional.empty()));
    run(variantService, new CaseCommand.RecordPublication(cmd(), id, STAF, List.of(
        Fixtures.post(Platform.THREADS, clock.instant()))));
    return store.load(id);
  }

  /** Moves the clock to 08.00 WIB on {@code date}. */
  void at(LocalDate date) {
    clock.set(date.atTime(8, 0).atZone(WIB).toInstant());
  }

  Instant now() {
    return clock.instant();
  }
}
