package id.go.kpu.jdih.definition.json;

import static id.go.kpu.jdih.definition.json.Documents.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.sop.Transition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Writing then reading gives back an equal definition, and the written text is stable. */
class RoundTripTest {

  private static final String RESOURCE = "reference-sop-6-tahun-2023.json";

  /**
   * A revised variant that uses what the reference does not: a second approval by a new role (so the transitions are
   * renumbered and appended out of order), a revision date, an hour and a calendar-day time standard, an activity
   * without a time standard, remarks, warnings, a document requirement in a new place, another time zone, and no
   * withdrawal role.
   */
  static SopDefinition variant() {
    SopDefinition ref = ReferenceSop.definition();
    Activity secondApproval = new Activity(0, "Menyetujui desain dan keterangan konten oleh Sekretaris",
        RoleId.of("sekretaris"), ActivityKind.APPROVAL, new QualityStandard(
            ImmutableList.of(Requirement.document("Design Konten", Artifact.DESIGN),
                Requirement.document("Keterangan/Caption", Artifact.CAPTION)),
            Optional.of(TimeStandard.hours(4)), Optional.empty()),
        Optional.of("Paraf pada lembar kendali"));
    return ref.toBuilder()
        .office(new id.go.kpu.jdih.sop.Office("kpu-kota-jayapura", "KOMISI PEMILIHAN UMUM KOTA JAYAPURA",
            "SEKRETARIS KOMISI PEMILIHAN UMUM KOTA JAYAPURA", ZoneId.of("Asia/Jayapura")))
        .identity(new SopIdentity("6 Tahun 2023", 1, LocalDate.of(2023, 3, 6), Optional.of(LocalDate.of(2024, 1, 8)),
            LocalDate.of(2024, 1, 8), ref.identity().approvedBy()))
        .warnings(List.of("Konten yang belum disetujui tidak boleh diunggah"))
        .addRole(new Role(RoleId.of("sekretaris"), "Sekretaris"))
        .allowedPlatforms(List.of(id.go.kpu.jdih.content.Platform.INSTAGRAM, id.go.kpu.jdih.content.Platform.FACEBOOK))
        .insertApprovalAfter(6, secondApproval, Target.activity(5))
        .time(5, TimeStandard.calendarDays(3))
        .activity(4, a -> new Activity(a.number(), a.description(), a.executor(), a.kind(),
            new QualityStandard(a.quality().requirements(), Optional.empty(), a.quality().output()), a.remarks()))
        .withdrawalRole(Optional.empty())
        .build();
  }

  @Test
  void referenceRoundTrips() {
    SopDefinition ref = ReferenceSop.definition();
    assertThat(JSON.read(JSON.write(ref))).isEqualTo(ref);
  }

  @Test
  void variantRoundTrips() {
    SopDefinition v = variant();
    // Guard that the variant really differs where the format has to carry it.
    assertThat(v.activities()).hasSize(8);
    assertThat(v.identity().revisedOn()).contains(LocalDate.of(2024, 1, 8));
    assertThat(v.activity(5).orElseThrow().quality().time()).contains(TimeStandard.calendarDays(3));
    assertThat(v.activity(4).orElseThrow().quality().time()).isEmpty();
    assertThat(v.flow().withdrawalRole()).isEmpty();
    assertThat(v.allowedPlatforms()).hasSize(2);

    SopDefinition back = JSON.read(JSON.write(v));
    assertThat(back).isEqualTo(v);
    assertThat(back.transitionAfter(7)).isEqualTo(Transition.decision(
        id.go.kpu.jdih.sop.Branch.of(Outcome.APPROVED, Target.activity(8)),
        id.go.kpu.jdih.sop.Branch.of(Outcome.REJECTED, Target.activity(5))));
    assertThat(back.activity(7).orElseThrow().remarks()).contains("Paraf pada lembar kendali");
  }

  @Test
  void writtenTextIsStable() {
    for (SopDefinition d : List.of(ReferenceSop.definition(), variant())) {
      String once = JSON.write(d);
      assertThat(JSON.write(JSON.read(once))).isEqualTo(once);
    }
  }

  @Test
  void transitionsAreWrittenInActivityOrderWhateverTheBuildOrder() {
    SopDefinition v = variant();
    // The structural edit appended the new activity's transition after the renumbered last one...
    assertThat(v.flow().transitions().keySet()).containsExactly(1, 2, 3, 4, 5, 6, 8, 7);
    // ...but the file lists them by number.
    String json = JSON.write(v);
    assertThat(json.indexOf("\"7\": {")).isPositive().isLessThan(json.indexOf("\"8\": {"));
  }

  @Test
  void writtenTextIsPrettyPrintedWithFieldsInTheDocumentedOrder() {
    String json = JSON.write(ReferenceSop.definition());
    assertThat(json).startsWith("{\n  \"format\": \"jdih-sop-definition/1\",\n  \"office\": {\n    \"id\": ");
    assertThat(json).endsWith("\n}\n").doesNotContain("\r").contains("\"warnings\": [],");
    List<String> topLevel = json.lines().filter(l -> l.matches("  \"[a-zA-Z]+\":.*"))
        .map(l -> l.substring(3, l.indexOf('"', 3))).toList();
    assertThat(topLevel).containsExactly("format", "office", "identity", "title", "legalBasis",
        "executorQualifications", "relatedSops", "equipment", "warnings", "recordKeeping", "roles", "activities",
        "flow", "flowchartTitle", "signature", "allowedPlatforms");
    assertThat(json).contains("\"revisedOn\": null,", "\"remarks\": null", "\"nip\": \"19800908 200604 1 008\"",
        "{\n            \"type\": \"document\",\n            \"name\": \"Notulen Rapat\",\n"
            + "            \"artifact\": \"MINUTES\"\n          }");
  }

  @Test
  void bundledReferenceResourceIsTheReferenceDefinition() throws IOException {
    try (InputStream in = SopDefinitionJson.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s", RESOURCE).isNotNull();
      byte[] bytes = in.readAllBytes();
      assertThat(JSON.read(new ByteArrayInputStream(bytes))).isEqualTo(ReferenceSop.definition());
      // Byte for byte what write() gives, so the file is regenerated whenever the format or the reference changes.
      assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(JSON.write(ReferenceSop.definition()));
    }
  }

  @Test
  void readerAndWriterAreNotClosed() {
    boolean[] closed = new boolean[2];
    StringWriter out = new StringWriter() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    JSON.write(ReferenceSop.definition(), out);
    StringReader in = new StringReader(out.toString()) {
      @Override
      public void close() {
        closed[1] = true;
      }
    };
    assertThat(JSON.read(in)).isEqualTo(ReferenceSop.definition());
    assertThat(closed).containsExactly(false, false);
  }

  @Test
  void utf8TextSurvives() {
    SopDefinition d = ReferenceSop.definition().toBuilder()
        .warnings(List.of("Perhatikan tanda kutip \"ganda\", garis miring \\ dan huruf é, ñ, 中文, 🙂")).build();
    String json = JSON.write(d);
    assertThat(JSON.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))).isEqualTo(d);
  }

  @Test
  void oneInstanceIsSharedAcrossThreads() throws Exception {
    String ref = JSON.write(ReferenceSop.definition());
    String var = JSON.write(variant());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String text = i % 2 == 0 ? ref : var;
        results.add(pool.submit(() -> JSON.write(JSON.read(text)).equals(text)));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
