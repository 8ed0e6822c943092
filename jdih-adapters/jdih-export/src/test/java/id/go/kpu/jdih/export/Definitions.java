package id.go.kpu.jdih.export;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Approver;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SignatureBlock;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.TimeStandard;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Definitions the export tests render besides the reference SOP. */
final class Definitions {

  private Definitions() {}

  /** Markup in every kind of text a definition holds. */
  static final String SCRIPT = "<script>alert('x')</script> & \"co\"";

  /** The reference SOP with {@link #SCRIPT} in its office, identity, lists, a role, an activity and the signature. */
  static SopDefinition hostile() {
    SopDefinition ref = ReferenceSop.definition();
    return ref.toBuilder()
        .office(new Office(ref.office().id(), "KPU " + SCRIPT, "UNIT " + SCRIPT, ZoneId.of("Asia/Jakarta")))
        .identity(new SopIdentity("6 Tahun 2023 " + SCRIPT, 0, LocalDate.of(2023, 3, 6), Optional.empty(),
            LocalDate.of(2023, 3, 6), new Approver("SEKRETARIS " + SCRIPT, "NAMA " + SCRIPT,
                Nip.of("19800908 200604 1 008"))))
        .title("JUDUL " + SCRIPT)
        .legalBasis(List.of("Dasar " + SCRIPT))
        .executorQualifications(List.of("Kualifikasi " + SCRIPT))
        .relatedSops(List.of("SOP " + SCRIPT))
        .warnings(List.of("Peringatan " + SCRIPT))
        .recordKeeping("Pencatatan " + SCRIPT)
        .roles(List.of(new Role(ReferenceSop.KASUBAG_HUKUM, "Kasubag " + SCRIPT),
            new Role(ReferenceSop.TIM_PEMBINA_TEKNIS, "Tim"), new Role(ReferenceSop.STAF, "Staf")))
        .activity(3, a -> new Activity(3, "Rapat " + SCRIPT, a.executor(), a.kind(), a.quality(),
            Optional.of("Ket " + SCRIPT)))
        .flowchartTitle("FLOWCHART " + SCRIPT)
        .signature(new SignatureBlock("Organisasi " + SCRIPT, "Jabatan " + SCRIPT, "Nama " + SCRIPT))
        .build();
  }

  /**
   * Text outside Windows-1252 that Indonesian documents hold: a macron, typographic quotes, en and em dashes, an
   * ellipsis and a no-break space (between "Rp" and the amount), besides Latin-1 letters.
   */
  static final String UNICODE = "Āisyah “Ayu” Pratiwi – José Schröder — ‘rapat’ … Rp\u00a01.000";

  /** The reference SOP with {@link #UNICODE} and other such characters in its title, people, lists and rows. */
  static SopDefinition unicode() {
    SopDefinition ref = ReferenceSop.definition();
    return ref.toBuilder()
        .identity(new SopIdentity("6 Tahun 2023", 0, LocalDate.of(2023, 3, 6), Optional.empty(),
            LocalDate.of(2023, 3, 6), new Approver("SEKRETARIS KPU – UJI", "Āisyah Putri Schröder",
                Nip.of("19800908 200604 1 008"))))
        .title("PENGELOLAAN AKUN “JDIH” – UJI …")
        .legalBasis(List.of("Dasar: " + UNICODE))
        .roles(List.of(new Role(ReferenceSop.KASUBAG_HUKUM, "Kasubag Hukum – José"),
            new Role(ReferenceSop.TIM_PEMBINA_TEKNIS, "Tim"), new Role(ReferenceSop.STAF, "Staf")))
        .activity(3, a -> new Activity(3, "Rapat: " + UNICODE, a.executor(), a.kind(), a.quality(),
            Optional.of("Ket. ‘ö’")))
        .signature(new SignatureBlock("KPU – UJI", "Sekretaris", "Āisyah Putri Schröder"))
        .build();
  }

  /** The reference SOP run by one role only: every symbol in one lane. */
  static SopDefinition oneLane() {
    SopDefinition ref = ReferenceSop.definition();
    SopDefinition.Builder b = ref.toBuilder().roles(List.of(new Role(ReferenceSop.KASUBAG_HUKUM, "Kasubag Hukum")));
    for (Activity a : ref.activities()) {
      b.executor(a.number(), ReferenceSop.KASUBAG_HUKUM);
    }
    return b.build();
  }

  /** Six lanes, a task inserted after the meeting and the summary removed. */
  static SopDefinition sixLanes() {
    SopDefinition.Builder b = ReferenceSop.definition().toBuilder();
    for (String id : List.of("sekretaris", "ketua", "humas")) {
      b.addRole(new Role(RoleId.of(id), id.substring(0, 1).toUpperCase() + id.substring(1)));
    }
    return b.insertAfter(3, new Activity(0, "Memeriksa kesesuaian materi dengan peraturan", RoleId.of("humas"),
            ActivityKind.TASK, new QualityStandard(ImmutableList.of(), Optional.of(TimeStandard.hours(2)),
                Optional.of("Catatan pemeriksaan")), Optional.empty()))
        .remove(5)
        .executor(1, RoleId.of("ketua"))
        .build();
  }
}
