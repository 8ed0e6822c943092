package id.go.kpu.jdih.testkit.hash;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fixed event contents covering every payload type and every kind of value (optional present and absent, sets
 * given out of order, maps, dates, addresses, emoji, an unpaired surrogate, control characters), for the golden
 * hash vectors. Built with constructors only, by position, so that the same source compiles against a copy of the
 * library whose record components were renamed (see {@code HashSurvivesRefactoringTest}).
 *
 * <p>Never change an existing entry: the vectors of both hash formats are fixed to these values.
 */
public final class GoldenEvents {

  private GoldenEvents() {}

  /** One event's fields without its hash and previous hash. */
  public record Content(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor, Instant at,
      Optional<Integer> activity, CaseEvent payload) {}

  /** The fixed contents, in order; each is chained to the one before it. */
  public static List<Content> contents() {
    CaseId id = CaseId.of("golden-1");
    SopKey sop = new SopKey("kpu-kab-kepulauan-mentawai", "6 Tahun 2023", 0);
    Person kasubag = new Person(Nip.of("198001012006041001"), "Rina Kasubag",
        ImmutableSet.of(RoleId.of("kasubag-hukum"), RoleId.of("tim-pembina-teknis")));
    Person tim = new Person(Nip.of("198502022010012002"), "Budi \"Tim\" \\ Teknis", ImmutableSet.of(
        RoleId.of("tim-pembina-teknis")));
    Person staf = new Person(Nip.of("199003032015031003"), "Sari Staf", ImmutableSet.of(RoleId.of("staf")));
    LegalProductRef product = new LegalProductRef("Peraturan Perundang-undangan",
        "Keputusan KPU tentang Pedoman Teknis Pengelolaan JDIH", "Komisi Pemilihan Umum",
        "533/HK.04-Kpt/03/KPU/XI/2020", "Keputusan Komisi Pemilihan Umum", Optional.of("Keputusan KPU"), 2020,
        Optional.of("Jakarta"), Optional.of(LocalDate.of(2020, 11, 3)), Optional.empty(), Optional.of("JDIH KPU"),
        ImmutableList.of("PEMILU", "JDIH"), LegalProductRef.Status.BERLAKU,
        ImmutableList.of(new LegalProductRef.Relation(LegalProductRef.Relation.Kind.MENCABUT,
            "Keputusan KPU Nomor 16 Tahun 2019")), Optional.of("Indonesia"), Optional.empty(),
        Optional.of("Hukum Tata Negara"), ImmutableList.of("lampiran-1.pdf"));
    Instant t0 = Instant.parse("2024-03-04T01:30:00Z");
    List<Content> out = new ArrayList<>();
    out.add(new Content(id, 1, sop, CommandId.of("cmd-1"), kasubag, t0, Optional.of(1),
        new CaseEvent.Proposed(new ContentProposal("Keputusan KPU 533/2020 \u2014 ringkasan",
            ContentCategory.PRODUK_HUKUM, "Materi tertulis:\n\t\"kutipan\" \u00e9 \u2713 \ud83d\uddf3\ufe0f akhir.",
            Optional.of(product), ImmutableSet.of(Platform.X, Platform.INSTAGRAM, Platform.TELEGRAM)))));
    out.add(new Content(id, 2, sop, CommandId.of("cmd-2"), kasubag, t0.plusSeconds(600), Optional.of(2),
        new CaseEvent.Rejected("Judul terlalu panjang")));
    out.add(new Content(id, 3, sop, CommandId.of("cmd-3"), kasubag, t0.plusSeconds(1200), Optional.of(1),
        new CaseEvent.Proposed(new ContentProposal("Tahukah kamu: DPT", ContentCategory.INFORMASI_HUKUM,
            "DPT, DPTb dan DPK.", Optional.empty(), ImmutableSet.of(Platform.INSTAGRAM)))));
    out.add(new Content(id, 4, sop, CommandId.of("cmd-4"), kasubag, t0.plusSeconds(1800), Optional.of(2),
        new CaseEvent.Approved(Optional.empty())));
    out.add(new Content(id, 5, sop, CommandId.of("cmd-5"), kasubag, t0.plusSeconds(1801), Optional.of(2),
        new CaseEvent.Approved(Optional.of("Setuju, lanjut rapat"))));
    out.add(new Content(id, 6, sop, CommandId.of("cmd-6"), tim, Instant.parse("2024-03-05T02:00:00.123456789Z"),
        Optional.of(3), new CaseEvent.MeetingRecorded(new Meeting(LocalDate.of(2024, 3, 5),
            ImmutableList.of("Rina Kasubag", "Budi Tim"), "Infografis 4:5",
            new DocumentRef("b35e7cef47e72fe392d58835bf373eff3fa511cd5c2d617c2f9cc8960d8adc2f", "notulen.pdf",
                "application/pdf", 50, "b35e7cef47e72fe392d58835bf373eff3fa511cd5c2d617c2f9cc8960d8adc2f"),
            ImmutableSet.of("komputer-laptop", "infocus")))));
    out.add(new Content(id, 7, sop, CommandId.of("cmd-7"), staf, t0.plusSeconds(90_000), Optional.of(4),
        new CaseEvent.Summarized("Rangkuman: \u0000\u001f\u007f \ud800 sendiri")));
    out.add(new Content(id, 8, sop, CommandId.of("cmd-8"), tim, t0.plusSeconds(100_000), Optional.of(5),
        new CaseEvent.DesignAttached(ImmutableList.of(
            new MediaItem("355105c5732208b11c8af47a352a82057ea6119e4584da38edd2298b1678d3d5", "image/jpeg", 1080,
                1350, 23749, "355105c5732208b11c8af47a352a82057ea6119e4584da38edd2298b1678d3d5"),
            new MediaItem("0000000000000000000000000000000000000000000000000000000000000001", "image/png", 1080,
                1080, 8_000_000_000L, "0000000000000000000000000000000000000000000000000000000000000001")))));
    out.add(new Content(id, 9, sop, CommandId.of("cmd-9"), kasubag, t0.plusSeconds(110_000), Optional.of(6),
        new CaseEvent.CaptionWritten(new Caption("Tahukah kamu? #JDIH #KPU https://jdih.kpu.go.id",
            ImmutableMap.of(Platform.X, "Singkat untuk X", Platform.INSTAGRAM, "Untuk Instagram \ud83d\ude00")))));
    out.add(new Content(id, 10, sop, CommandId.of("outbox:golden-1.instagram.r1"), staf, t0.plusSeconds(120_000),
        Optional.of(7), new CaseEvent.PublicationRecorded(ImmutableList.of(
            new PlatformPost(Platform.INSTAGRAM, "17890000000000001",
                URI.create("https://www.instagram.com/p/C4abc_12/?q=a%20b"), t0.plusSeconds(119_999))))));
    SopKey variant = new SopKey("kpu-kota-jayapura", "3 Tahun 2024", 2);
    CaseId other = CaseId.of("Golden_2");
    out.add(new Content(other, 1, variant, CommandId.of("c"), kasubag, Instant.parse("2025-01-01T00:00:00Z"),
        Optional.of(4), new CaseEvent.TaskCompleted("Diperiksa")));
    out.add(new Content(other, 2, variant, CommandId.of("c2"), kasubag, Instant.parse("2025-01-01T00:00:01Z"),
        Optional.empty(), new CaseEvent.Withdrawn("Dibatalkan")));
    return out;
  }
}
