package id.go.kpu.jdih.event.json;

import static id.go.kpu.jdih.testkit.Fixtures.KASUBAG;
import static id.go.kpu.jdih.testkit.Fixtures.STAF;
import static id.go.kpu.jdih.testkit.Fixtures.TIM;
import static id.go.kpu.jdih.testkit.Fixtures.cmd;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Case histories made by the real decider, for round-trip tests. */
final class Histories {

  static final CaseDecider DECIDER = new CaseDecider(ReferenceSop.definition(), OutputRules.acceptAll());

  private Histories() {}

  /** The events {@code commands} produce on a new case, an hour apart. */
  static List<RecordedEvent> run(CaseId id, List<CaseCommand> commands) {
    List<RecordedEvent> events = new ArrayList<>();
    ContentCase state = ContentCase.empty(id);
    Instant t = Instant.parse("2024-03-04T01:00:00Z");
    for (CaseCommand c : commands) {
      t = t.plusSeconds(3600);
      for (RecordedEvent e : DECIDER.decide(state, c, t)) {
        events.add(e);
        state = state.apply(ReferenceSop.definition(), e);
      }
    }
    return events;
  }

  /** The fixtures' happy path: seven activities, published on Instagram and X. */
  static List<RecordedEvent> happyPath(CaseId id) {
    return run(id, Fixtures.happyPath(id, Fixtures.produkHukum(), Instant.parse("2024-03-05T03:00:00Z")));
  }

  /** A legal product with every optional field present and every list non-empty. */
  static LegalProductRef everyFieldPresent() {
    return new LegalProductRef("Peraturan Perundang-undangan",
        "Keputusan KPU tentang Perubahan atas Keputusan KPU Nomor 16 Tahun 2019", "Komisi Pemilihan Umum",
        "533/HK.04-Kpt/03/KPU/XI/2020", "Keputusan Komisi Pemilihan Umum", Optional.of("Keputusan KPU"), 2020,
        Optional.of("Jakarta"), Optional.of(LocalDate.of(2020, 11, 2)), Optional.of(LocalDate.of(2020, 11, 3)),
        Optional.of("Berita Negara RI Tahun 2020 Nomor 1234"), ImmutableList.of("PEMILIHAN", "JDIH", "KAMPANYE"),
        LegalProductRef.Status.TIDAK_BERLAKU,
        ImmutableList.of(new LegalProductRef.Relation(LegalProductRef.Relation.Kind.MENGUBAH,
                "Keputusan KPU Nomor 16 Tahun 2019"),
            new LegalProductRef.Relation(LegalProductRef.Relation.Kind.DICABUT, "Keputusan KPU Nomor 1 Tahun 2021")),
        Optional.of("Indonesia"), Optional.of("Biro Hukum KPU RI"), Optional.of("Hukum Tata Negara"),
        ImmutableList.of("lampiran-1.pdf", "lampiran-2.pdf"));
  }

  /** A legal product with the required fields only. */
  static LegalProductRef everyOptionalEmpty() {
    return LegalProductRef.of("Peraturan Perundang-undangan", "Surat Edaran tentang JDIH", "Komisi Pemilihan Umum",
        "12/PP.01-SD/01/2024", "Surat Edaran", 2024);
  }

  /**
   * A case with a rejection: proposed with a full legal product, rejected, proposed again with a bare one, then
   * approved with a note, a two-image design, a caption with per-platform texts, published on three platforms.
   */
  static List<RecordedEvent> withRejection(CaseId id) {
    ImmutableSet<Platform> platforms = ImmutableSet.of(Platform.X, Platform.INSTAGRAM, Platform.TELEGRAM);
    ContentProposal full = new ContentProposal("Perubahan Keputusan KPU 16/2019", ContentCategory.PRODUK_HUKUM,
        "Materi: perubahan ketentuan kampanye.\nDua paragraf, \"kutipan\" dan tab\t.", Optional.of(everyFieldPresent()),
        platforms);
    ContentProposal bare = new ContentProposal("Surat Edaran JDIH", ContentCategory.PRODUK_HUKUM,
        "Materi surat edaran.", Optional.of(everyOptionalEmpty()), platforms);
    Instant published = Instant.parse("2024-03-06T04:05:06.789Z");
    return run(id, List.of(
        new CaseCommand.Propose(cmd(), id, KASUBAG, full),
        new CaseCommand.Reject(cmd(), id, KASUBAG, "Materi kurang jelas; tambahkan dasar hukum"),
        new CaseCommand.Propose(cmd(), id, KASUBAG, bare),
        new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.of("Setuju, segera rapatkan")),
        new CaseCommand.RecordMeeting(cmd(), id, TIM, Fixtures.meeting()),
        new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman: carousel dua gambar."),
        new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(Fixtures.jpeg(7), Fixtures.jpeg(8))),
        new CaseCommand.WriteCaption(cmd(), id, KASUBAG, new Caption(
            "Kenali Surat Edaran 12/PP.01-SD/01/2024 \uD83D\uDCDC #JDIH #KPU",
            ImmutableMap.of(Platform.X, "SE 12/2024 singkat untuk X", Platform.INSTAGRAM,
                "Versi panjang untuk Instagram, dengan tagar #JDIH #KPU #PemiluDamai"))),
        new CaseCommand.RecordPublication(cmd(), id, STAF, List.of(Fixtures.post(Platform.TELEGRAM, published),
            Fixtures.post(Platform.X, published), Fixtures.post(Platform.INSTAGRAM, published.plusSeconds(1))))));
  }

  /** A case proposed, approved without a note, then withdrawn. */
  static List<RecordedEvent> withdrawn(CaseId id) {
    return run(id, List.of(
        new CaseCommand.Propose(cmd(), id, KASUBAG, Fixtures.informasiHukum(Platform.TELEGRAM)),
        new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()),
        new CaseCommand.Withdraw(cmd(), id, KASUBAG, "Informasi sudah tidak relevan")));
  }

  /**
   * A task-completed event. The reference SOP has no task activity, so it is made directly rather than by the
   * decider; the codec does not care which SOP an event belongs to.
   */
  static RecordedEvent taskCompleted(CaseId id) {
    return RecordedEvent.create(id, 1, ReferenceSop.definition().key(), cmd(), STAF,
        Instant.parse("2024-03-04T01:00:00Z"), OptionalInt.of(8), new CaseEvent.TaskCompleted("Arsip diunggah"),
        HashChain.GENESIS);
  }
}
