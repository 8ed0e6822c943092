package id.go.kpu.jdih.sop;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.validation.BeanValidation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reference definition reproduces every fact of the source document. */
class ReferenceSopTest {

  private final SopDefinition sop = ReferenceSop.definition();
  private final SeedDocument seed = SeedDocument.load();

  @Test
  void identityMatchesTheSeed() {
    assertThat(seed.identity.get("NOMOR SOP")).isEqualTo(sop.identity().number());
    assertThat(seed.identity.get("Tanggal Pembuatan")).isEqualTo("6 Maret 2023");
    assertThat(sop.identity().createdOn()).isEqualTo(LocalDate.of(2023, 3, 6));
    assertThat(seed.identity.get("Tanggal Revisi")).isEmpty();
    assertThat(sop.identity().revisedOn()).isEmpty();
    assertThat(sop.identity().revision()).isZero();
    assertThat(seed.identity.get("Tanggal Pengesahan")).isEqualTo("6 Maret 2023");
    assertThat(sop.identity().approvedOn()).isEqualTo(LocalDate.of(2023, 3, 6));

    String approvedBy = SeedDocument.clean(seed.identity.get("Disahkan Oleh"));
    Approver approver = sop.identity().approvedBy();
    assertThat(approvedBy).isEqualTo(approver.position() + " " + approver.name() + " NIP. " + approver.nip());
    assertThat(approver.nip().value()).isEqualTo("198009082006041008");

    assertThat(seed.identity.get("NAMA SOP")).isEqualTo(sop.title());
    assertThat(seed.flat).startsWith(" " + sop.office().name() + " STANDAR OPERASIONAL PROSEDUR (SOP) " + sop.title()
        + " " + sop.identity().createdOn().getYear() + " " + sop.office().unit() + " NOMOR SOP");
    assertThat(sop.office().zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
  }

  @Test
  void firstPageListsMatchTheSeedInOrder() {
    assertThat(seed.lists).hasSize(4);
    assertThat(sop.legalBasis()).containsExactlyElementsOf(seed.lists.get(0));
    assertThat(sop.executorQualifications()).containsExactlyElementsOf(seed.lists.get(1));
    assertThat(sop.relatedSops()).containsExactlyElementsOf(seed.lists.get(2));
    assertThat(sop.equipment().stream().map(Equipment::name)).containsExactlyElementsOf(seed.lists.get(3));
    assertThat(sop.warnings()).isEmpty();
    assertThat(seed.raw).contains("<b>PERINGATAN</b>\t\t<b>PENCATATAN DAN PENDATAAN</b>\n\t\tDisimpan");
    String recordKeeping = seed.raw.lines().filter(l -> l.contains("Disimpan")).findFirst().orElseThrow();
    assertThat(sop.recordKeeping()).isEqualTo(SeedDocument.clean(recordKeeping));
  }

  @Test
  void lanesMatchTheFlowchartHeader() {
    String header = seed.raw.lines().filter(l -> l.contains("Kasubag Hukum\t")).findFirst().orElseThrow();
    List<String> lanes = List.of(header.trim().split("\\t")).subList(0, 3);
    assertThat(sop.roles().stream().map(Role::name)).containsExactlyElementsOf(lanes);
    assertThat(sop.roles().stream().map(r -> r.id().value()))
        .containsExactly("kasubag-hukum", "tim-pembina-teknis", "staf");
  }

  @Test
  void everyActivityRowMatchesTheSeed() {
    assertThat(seed.rows).hasSize(7);
    assertThat(sop.activities()).hasSize(7);
    for (int i = 0; i < 7; i++) {
      Activity a = sop.activities().get(i);
      assertThat(a.number()).isEqualTo(i + 1);
      assertThat(seed.cell(i, 0)).isEqualTo((i + 1) + ".");
      assertThat(a.description()).as("Kegiatan %s", i + 1).isEqualTo(seed.cell(i, 1));
      // Lanes are columns 2..4; the process box "[ ]" (or the Selesai terminator) marks the executor.
      int lane = -1;
      for (int c = 2; c <= 4; c++) {
        String cell = seed.cell(i, c);
        if (cell.startsWith("[")) {
          lane = c - 2;
          break;
        }
      }
      assertThat(a.executor()).as("executor of %s", i + 1).isEqualTo(sop.roles().get(lane).id());
      String requirements = a.quality().requirements().stream().map(Requirement::name)
          .collect(Collectors.joining(" "));
      assertThat(requirements).as("Kelengkapan of %s", i + 1)
          .isEqualTo(seed.cell(i, 5).replace(",", ""));
      assertThat(a.quality().time().orElseThrow().label().id()).isEqualTo(seed.cell(i, 6)).isEqualTo("1 Hari");
      assertThat(a.quality().time().orElseThrow().unit()).isEqualTo(DurationUnit.WORKING_DAY);
      assertThat(a.quality().output().orElse("")).as("Output of %s", i + 1).isEqualTo(seed.cell(i, 7));
      assertThat(a.remarks().orElse("")).isEqualTo(seed.cell(i, 8));
    }
  }

  @Test
  void flowFollowsTheDomainDecisions() {
    // Mulai is drawn beside activity 1, whose box is in the Kasubag Hukum lane.
    assertThat(seed.cell(0, 3)).contains("Mulai");
    assertThat(sop.flow().start()).isEqualTo(1);
    assertThat(sop.activity(1).orElseThrow().executor()).isEqualTo(ReferenceSop.KASUBAG_HUKUM);
    // Selesai is activity 7's box.
    assertThat(seed.cell(6, 4)).contains("Selesai");
    assertThat(sop.transitionAfter(7)).isEqualTo(Transition.to(Target.end()));
    for (int n = 1; n <= 6; n++) {
      if (n != 2) {
        assertThat(sop.transitionAfter(n)).isEqualTo(Transition.to(Target.activity(n + 1)));
      }
    }
    Transition.Decision approval = (Transition.Decision) sop.transitionAfter(2);
    assertThat(sop.activity(2).orElseThrow().kind()).isEqualTo(ActivityKind.APPROVAL);
    assertThat(approval.branch(Outcome.APPROVED)).contains(Branch.of(Outcome.APPROVED, Target.activity(3)));
    Branch reject = approval.branch(Outcome.REJECTED).orElseThrow();
    assertThat(reject.target()).isEqualTo(Target.activity(1));
    assertThat(reject.additionToSeed()).isTrue();
    assertThat(sop.flow().withdrawalRole()).contains(ReferenceSop.KASUBAG_HUKUM);
    // Activity 4's Notulen Rapat is produced by the meeting (activity 3).
    assertThat(sop.activity(4).orElseThrow().quality().requirements())
        .containsExactly(Requirement.document("Notulen Rapat", Artifact.MINUTES));
    assertThat(sop.activity(3).orElseThrow().kind().produces()).contains(Artifact.MINUTES);
  }

  @Test
  void flowchartTitleAndSignatureMatchTheSeed() {
    String title = seed.raw.lines().filter(l -> l.contains("FLOWCART")).findFirst().orElseThrow();
    assertThat(SeedDocument.clean(title.replace("**", ""))).isEqualTo(sop.flowchartTitle());
    assertThat(seed.flat).endsWith(" " + sop.signature().organisation() + " " + sop.signature().position() + " "
        + sop.signature().name());
    assertThat(sop.signature().position()).isEqualTo("Sekretaris,");
  }

  /** It is built without Bean Validation at run time (SopDefinition.Builder#buildBundled): this is its check. */
  @Test
  void passesBeanValidation() {
    assertThat(BeanValidation.validate(sop)).isEmpty();
    assertThat(sop.toBuilder().build()).isEqualTo(sop);
  }

  @Test
  void isRegisteredUnderItsKey() {
    SopRegistry registry = SopRegistry.withReference();
    assertThat(registry.get(new SopKey("kpu-kab-kepulauan-mentawai", "6 Tahun 2023", 0))).isSameAs(sop);
    assertThat(registry.latest("kpu-kab-kepulauan-mentawai", "6 Tahun 2023")).contains(sop);
    assertThat(sop.toBuilder().build()).isEqualTo(sop).hasSameHashCodeAs(sop);
    assertThat(Optional.of(sop.key().toString())).contains("kpu-kab-kepulauan-mentawai/6 Tahun 2023/r0");
  }
}
