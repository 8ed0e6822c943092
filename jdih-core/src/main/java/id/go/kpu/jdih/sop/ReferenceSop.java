package id.go.kpu.jdih.sop;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The reference definition: SOP No. 6 Tahun 2023 of KPU Kabupaten Kepulauan Mentawai, "Pengelolaan Akun Media
 * Sosial Jaringan Dokumentasi dan Informasi Hukum".
 *
 * <p>Every text is the source document's, in Indonesian, with three typos fixed ("Jaringan Interneter",
 * "infor masi", "FLOWCART") and list punctuation (the {@code ;} and {@code .} that end list items) left to the
 * renderer. Readings of the source: activity 1 is performed by Kasubag Hukum; activity 2 is a decision whose reject
 * branch (back to activity 1) is an {@linkplain Branch#additionToSeed() addition}, as is withdrawal by Kasubag
 * Hukum; activity 3 records the minutes that activity 4 requires; "1 Hari" is one working day. Activity 5's Scanner
 * is kept although the Peralatan list lacks it (SOP lint reports it).
 */
public final class ReferenceSop {

  /** Kasubag Hukum, head of the legal sub-division. */
  public static final RoleId KASUBAG_HUKUM = RoleId.of("kasubag-hukum");
  /** Tim Pembina/Teknis, the advisory and technical team. */
  public static final RoleId TIM_PEMBINA_TEKNIS = RoleId.of("tim-pembina-teknis");
  /** Staf, staff. */
  public static final RoleId STAF = RoleId.of("staf");

  /** The office id of KPU Kabupaten Kepulauan Mentawai. */
  public static final String OFFICE_ID = "kpu-kab-kepulauan-mentawai";

  private static final String SUFFIX = "JDIH KPU Kabupaten Kepulauan Mentawai";

  private static final SopDefinition DEFINITION = create();

  private ReferenceSop() {}

  /** The reference definition (one shared immutable instance). */
  public static SopDefinition definition() {
    return DEFINITION;
  }

  private static SopDefinition create() {
    TimeStandard oneDay = TimeStandard.workingDays(1);
    Requirement pcLaptop = Requirement.tool("PC/Laptop", "komputer-laptop");
    Requirement internet = Requirement.tool("Jaringan Internet", "jaringan-internet");
    return SopDefinition.builder()
        .office(new Office(OFFICE_ID,
            "KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KABUPATEN KEPULAUAN MENTAWAI",
            ZoneId.of("Asia/Jakarta")))
        .identity(new SopIdentity("6 Tahun 2023", 0,
            LocalDate.of(2023, 3, 6), Optional.empty(), LocalDate.of(2023, 3, 6),
            new Approver("SEKRETARIS KPU KAB. KEPULAUAN MENTAWAI", "IRMAN SUSANTO", Nip.of("19800908 200604 1 008"))))
        .title("PENGELOLAAN AKUN MEDIA SOSIAL JARINGAN DOKUMENTASI DAN INFORMASI HUKUM KOMISI PEMILIHAN UMUM "
            + "KABUPATEN KEPULAUAN MENTAWAI")
        .legalBasis(List.of(
            "Undang - Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            "Perpres Nomor 33 Tahun 2012 tentang Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi "
                + "Pemilihan Umum",
            "Keputusan Komisi Pemilihan Umum Nomor 134/Kpts/KPU/Tahun 2016 tentang Jaringan Dokumentasi dan "
                + "Informasi Hukum Komisi Pemilihan Umum",
            "Keputusan Komisi Pemilihan Umum Nomor 10/HK.04/08/2022 tentang Pedoman Teknis Pengelolaan "
                + "Dokumentasi dan Informasi Hukum di Lingkungan Komisi Pemilihan Umum, Komisi Pemilihan Umum "
                + "Provinsi dan Komisi Pemilihan Umum Kabupaten/Kota"))
        .executorQualifications(List.of(
            "Memahami alur pengunggahan konten dokumentasi dan informasi hukum pada akun media sosial",
            "Memahami alur pendokumentasian produk hukum"))
        .relatedSops(List.of(
            "SOP Penyusunan Keputusan KPU Republik Indonesia",
            "SOP Penyusunan Keputusan KPU Provinsi",
            "SOP Penyusunan Keputusan KPU Kabupaten/Kota",
            "SOP Pengunggahan dan Penurunan Dokumen Hukum pada laman JDIH KPU Kabupaten Kepulauan Mentawai"))
        .equipment(List.of(
            new Equipment("handphone", "Handphone"),
            new Equipment("komputer-laptop", "Perangkat Komputer/Laptop"),
            new Equipment("printer", "Printer"),
            new Equipment("infocus", "Infocus"),
            new Equipment("jaringan-internet", "Jaringan Internet")))
        .warnings(List.of())
        .recordKeeping("Disimpan dalam bentuk naskah asli (hardcopy) dan naskah asli elektronik (softcopy)")
        .roles(List.of(
            new Role(KASUBAG_HUKUM, "Kasubag Hukum"),
            new Role(TIM_PEMBINA_TEKNIS, "Tim Pembina/Teknis"),
            new Role(STAF, "Staf")))
        .activities(List.of(
            activity(1, "Pengusulan materi dan kategori konten produk hukum/informasi hukum yang akan diterbitkan "
                + "pada akun media sosial " + SUFFIX + ".", KASUBAG_HUKUM, ActivityKind.PROPOSAL,
                List.of(), oneDay, "Materi konten dibuat secara tertulis"),
            activity(2, "Menyetujui draft materi konten produk hukum/informasi hukum " + SUFFIX, KASUBAG_HUKUM,
                ActivityKind.APPROVAL, List.of(), oneDay, null),
            activity(3, "Melaksanakan rapat pengelolaan akun media sosial " + SUFFIX, TIM_PEMBINA_TEKNIS,
                ActivityKind.MEETING, List.of(Requirement.tool("Infocus", "infocus"), pcLaptop), oneDay,
                "Kesimpulan Rapat"),
            activity(4, "Merangkum hasil rapat untuk diteruskan kepada Tim Teknis " + SUFFIX, STAF,
                ActivityKind.SUMMARY, List.of(Requirement.document("Notulen Rapat", Artifact.MINUTES)), oneDay,
                "Rangkuman Hasil Rapat"),
            activity(5, "Membuat design materi konten produk hukum/informasi hukum " + SUFFIX, TIM_PEMBINA_TEKNIS,
                ActivityKind.DESIGN, List.of(pcLaptop, internet, Requirement.tool("Printer", "printer"),
                    Requirement.tool("Scanner", "scanner")), oneDay, "Design Konten"),
            activity(6, "Membuat keterangan / caption yang menarik sesuai dengan materi konten produk "
                + "hukum/informasi hukum " + SUFFIX, KASUBAG_HUKUM, ActivityKind.CAPTION, List.of(pcLaptop),
                oneDay, "Keterangan/Caption"),
            activity(7, "Mengunggah konten produk hukum/informasi hukum pada platform media sosial " + SUFFIX, STAF,
                ActivityKind.PUBLICATION, List.of(Requirement.tool("Handphone", "handphone"), internet), oneDay,
                "Konten produk/informasi hukum")))
        .start(1)
        .transition(1, Transition.to(Target.activity(2)))
        .transition(2, Transition.decision(
            Branch.of(Outcome.APPROVED, Target.activity(3)),
            Branch.addition(Outcome.REJECTED, Target.activity(1))))
        .transition(3, Transition.to(Target.activity(4)))
        .transition(4, Transition.to(Target.activity(5)))
        .transition(5, Transition.to(Target.activity(6)))
        .transition(6, Transition.to(Target.activity(7)))
        .transition(7, Transition.to(Target.end()))
        .withdrawalRole(Optional.of(KASUBAG_HUKUM))
        .flowchartTitle("FLOWCHART PENGELOLAAN AKUN MEDIA SOSIAL JARINGAN DOKUMENTASI DAN INFORMASI HUKUM KPU "
            + "KABUPATEN KEPULAUAN MENTAWAI")
        .signature(new SignatureBlock("Komisi Pemilihan Umum Kabupaten Kepulauan Mentawai", "Sekretaris,",
            "IRMAN SUSANTO"))
        .buildBundled();
  }

  private static Activity activity(int number, String description, RoleId executor, ActivityKind kind,
      List<Requirement> requirements, TimeStandard time, @Nullable String output) {
    return new Activity(number, description, executor, kind,
        new QualityStandard(ImmutableList.copyOf(requirements), Optional.of(time), Optional.ofNullable(output)),
        Optional.empty());
  }
}
