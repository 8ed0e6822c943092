package id.go.kpu.jdih.testkit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** People, outputs and commands of the reference SOP for tests. */
public final class Fixtures {

  /** Holds Kasubag Hukum. */
  public static final Person KASUBAG = Person.of("198001012006041001", "Rina Kasubag", ReferenceSop.KASUBAG_HUKUM);
  /** Holds Tim Pembina/Teknis. */
  public static final Person TIM = Person.of("198502022010012002", "Budi Tim", ReferenceSop.TIM_PEMBINA_TEKNIS);
  /** Holds Staf. */
  public static final Person STAF = Person.of("199003032015031003", "Sari Staf", ReferenceSop.STAF);
  /** Holds no role of the SOP. */
  public static final Person OUTSIDER = Person.of("197004042000041004", "Dodi Luar");

  private static final AtomicLong COMMANDS = new AtomicLong();

  private Fixtures() {}

  /** A fresh command id. */
  public static CommandId cmd() {
    return CommandId.of("cmd-" + COMMANDS.incrementAndGet());
  }

  /** A SHA-256-shaped hex string derived from {@code seed}. */
  public static String sha(int seed) {
    return String.format("%064x", seed);
  }

  /** A legal product: a Keputusan KPU with a real-looking number. */
  public static LegalProductRef keputusan() {
    return new LegalProductRef("Peraturan Perundang-undangan",
        "Keputusan KPU tentang Pedoman Teknis Pengelolaan Dokumentasi dan Informasi Hukum",
        "Komisi Pemilihan Umum", "10/HK.04/08/2022", "Keputusan Komisi Pemilihan Umum",
        Optional.of("Keputusan KPU"), 2022, Optional.of("Jakarta"), Optional.of(LocalDate.of(2022, 8, 1)),
        Optional.empty(), Optional.of("JDIH KPU"), ImmutableList.of("PEDOMAN TEKNIS", "JDIH"),
        LegalProductRef.Status.BERLAKU, ImmutableList.of(), Optional.of("Indonesia"), Optional.of("KPU RI"),
        Optional.of("Hukum Tata Negara"), ImmutableList.of());
  }

  /** A proposal of a legal product for Instagram and X. */
  public static ContentProposal produkHukum() {
    return new ContentProposal("Keputusan KPU 10/HK.04/08/2022", ContentCategory.PRODUK_HUKUM,
        "Infografis ringkas isi Keputusan KPU tentang pedoman teknis JDIH.", Optional.of(keputusan()),
        ImmutableSet.of(Platform.INSTAGRAM, Platform.X));
  }

  /** A proposal of legal information for the given platforms. */
  public static ContentProposal informasiHukum(Platform... platforms) {
    return new ContentProposal("Tahukah kamu: istilah pemilu", ContentCategory.INFORMASI_HUKUM,
        "Seri 'tahukah kamu' tentang istilah DPT, DPTb dan DPK.", Optional.empty(), ImmutableSet.copyOf(platforms));
  }

  /** The minutes of a meeting. */
  public static DocumentRef minutes() {
    return new DocumentRef("sha256:" + sha(1), "notulen-rapat.pdf", "application/pdf", 48_213, sha(1));
  }

  /** A meeting with the reference SOP's equipment confirmed. */
  public static Meeting meeting() {
    return new Meeting(LocalDate.of(2024, 3, 5), ImmutableList.of("Rina Kasubag", "Budi Tim", "Sari Staf"),
        "Konten disetujui untuk dibuat dalam bentuk infografis 4:5.", minutes(),
        ImmutableSet.of("infocus", "komputer-laptop"));
  }

  /** A 1080 x 1350 JPEG that every platform accepts. */
  public static MediaItem jpeg(int seed) {
    return new MediaItem("sha256:" + sha(seed), "image/jpeg", 1080, 1350, 412_000, sha(seed));
  }

  /** A post on {@code platform}. */
  public static PlatformPost post(Platform platform, Instant at) {
    return new PlatformPost(platform, platform.name().toLowerCase(java.util.Locale.ROOT) + "-1789", URI.create(
        "https://example.invalid/" + platform.name().toLowerCase(java.util.Locale.ROOT) + "/1789"), at);
  }

  /** The sekretaris role of the second-approval variant. */
  public static final RoleId SEKRETARIS = RoleId.of("sekretaris");

  /**
   * A variant (revision 1 of the reference SOP) with a second approval by a new role, Sekretaris, after the caption;
   * rejected goes back to the design. Activities: 1..6 as the reference, 7 the new approval, 8 the upload.
   */
  public static SopDefinition secondApprovalVariant() {
    Activity approval = new Activity(0, "Menyetujui desain dan keterangan konten oleh Sekretaris", SEKRETARIS,
        ActivityKind.APPROVAL, new QualityStandard(ImmutableList.of(), Optional.of(TimeStandard.hours(4)),
            Optional.empty()), Optional.empty());
    return ReferenceSop.definition().toBuilder()
        .addRole(new Role(SEKRETARIS, "Sekretaris"))
        .insertApprovalAfter(6, approval, Target.activity(5))
        .identity(new SopIdentity("6 Tahun 2023", 1, LocalDate.of(2023, 3, 6), Optional.of(LocalDate.of(2024, 1, 8)),
            LocalDate.of(2024, 1, 8), ReferenceSop.definition().identity().approvedBy()))
        .build();
  }

  /** Every command of a complete run of the reference SOP for {@code id}, without rejection. */
  public static List<CaseCommand> happyPath(CaseId id, ContentProposal proposal, Instant publishedAt) {
    ImmutableList.Builder<CaseCommand> b = ImmutableList.builder();
    b.add(new CaseCommand.Propose(cmd(), id, KASUBAG, proposal));
    b.add(new CaseCommand.Approve(cmd(), id, KASUBAG, Optional.empty()));
    b.add(new CaseCommand.RecordMeeting(cmd(), id, TIM, meeting()));
    b.add(new CaseCommand.Summarize(cmd(), id, STAF, "Rangkuman: infografis 4:5, terbit Senin."));
    b.add(new CaseCommand.AttachDesign(cmd(), id, TIM, List.of(jpeg(7))));
    b.add(new CaseCommand.WriteCaption(cmd(), id, KASUBAG, new Caption(
        "Kenali Keputusan KPU 10/HK.04/08/2022 tentang pedoman teknis JDIH. #JDIH #KPU",
        ImmutableMap.of())));
    Set<Platform> platforms = proposal.platforms();
    b.add(new CaseCommand.RecordPublication(cmd(), id, STAF,
        platforms.stream().map(p -> post(p, publishedAt)).toList()));
    return b.build();
  }
}
