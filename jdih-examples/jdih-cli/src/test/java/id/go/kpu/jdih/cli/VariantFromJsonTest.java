package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office in WITA defines its own SOP in JSON only, as issue 18 tried it: the reference written out with
 * {@code sop show}, edited by hand (here by a JSON tree, as an editor would), put in the home as {@code sop.json};
 * a second approval by a Sekretaris after the caption, a 2-day design, Instagram and Facebook only. A case then
 * runs through the command line, with a rejection at the second approval.
 */
class VariantFromJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KASUBAG = "198001012006042001";
  private static final String TIM = "198502022010011002";
  private static final String STAF = "199003032015032003";
  private static final String SEKRETARIS = "197505052000031004";

  @TempDir Path dir;
  private Path home;
  // Tuesday 5 March 2024, 10:00 WITA.
  private final Clock clock = Clock.fixed(Instant.parse("2024-03-05T02:00:00Z"), ZoneOffset.UTC);


  @BeforeEach
  void setUp() {
    System.setProperty("java.awt.headless", "true");
    home = dir.resolve("home");
  }

  @Test
  void aVariantDefinedInJsonOnlyRunsACaseWithARejectionAtTheSecondApproval() throws IOException {
    ok("init", "--store", "h2");
    Path reference = dir.resolve("referensi.json");
    ok("sop", "show", "--format", "json", "--out", reference.toString());
    Files.writeString(home.resolve("sop.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
        edit((ObjectNode) JSON.readTree(reference.toFile()))));
    assertThat(ok("sop", "show").out()).contains("Sekretaris", "KOTA MAKASSAR");

    ok("person", "add", "--nip", KASUBAG, "--name", "Rina", "--role", "kasubag-hukum");
    ok("person", "add", "--nip", TIM, "--name", "Budi", "--role", "tim-pembina-teknis");
    ok("person", "add", "--nip", STAF, "--name", "Sari", "--role", "staf");
    ok("person", "add", "--nip", SEKRETARIS, "--name", "Andi", "--role", "sekretaris");

    // A platform the office does not publish to is refused, naming the allowed ones; nothing is recorded.
    Result refused = jdih("case", "propose", "--as", KASUBAG, "--title", "Tahukah kamu", "--category",
        "informasi-hukum", "--material", "Materi", "--platform", "instagram", "--platform", "x");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("X bukan platform kantor ini (yang boleh: Instagram, Facebook)");
    assertThat(ok("case", "list").out()).contains("0 kasus");

    String id = ok("case", "propose", "--as", KASUBAG, "--title", "Tahukah kamu", "--category",
        "informasi-hukum", "--material", "Materi", "--platform", "instagram", "--platform", "facebook").lastLine();
    ok("case", "approve", id, "--as", KASUBAG);
    Path minutes = Files.writeString(dir.resolve("notulen.txt"), "Notulen");
    ok("case", "meeting", id, "--as", TIM, "--attendee", "Rina", "--attendee", "Budi", "--conclusions",
        "Infografis", "--minutes", minutes.toString(), "--all-equipment", "--date", "2024-03-05");
    ok("case", "summarize", id, "--as", STAF, "--text", "Rangkuman");
    // The design has two working days: available Tue 10:00 WITA, due Thu 10:00 WITA.
    assertThat(ok("case", "show", id).out()).containsPattern("(?m)^  5 .*2024-03-05 10:00  2024-03-07 10:00  \\(berjalan\\)");
    ok("case", "design", id, "--as", TIM, "--file", jpeg("d.jpg").toString());
    ok("case", "caption", id, "--as", KASUBAG, "--text", "Keterangan #JDIH");

    // Activity 7 is the Sekretaris's approval: the Kasubag may not perform it; the Sekretaris rejects it.
    assertThat(jdih("case", "approve", id, "--as", KASUBAG).err()).contains("Sekretaris");
    ok("case", "reject", id, "--as", SEKRETARIS, "--reason", "Desain kurang jelas");
    String back = ok("case", "show", id).out();
    assertThat(back).contains("Desain kurang jelas");
    ok("case", "design", id, "--as", TIM, "--file", jpeg("d2.jpg").toString());
    ok("case", "caption", id, "--as", KASUBAG, "--text", "Keterangan #JDIH (revisi)");
    ok("case", "approve", id, "--as", SEKRETARIS);
    Result published = ok("case", "publish", id, "--as", STAF);
    assertThat(published.out()).contains("Instagram: terbit dryrun-", "Facebook: terbit dryrun-");

    String show = ok("case", "show", id).out();
    assertThat(show).contains("[terbit]", "Tersedia WITA");
    for (int n = 1; n <= 8; n++) {
      assertThat(show).containsPattern("(?m)^  " + n + " ");
    }
    try (Stream<Path> s = Files.list(home.resolve("published").resolve(id))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("instagram.json",
          "facebook.json");
    }
  }

  /** The hand edits: office in WITA, a Sekretaris, a 2-day design, a second approval, two platforms. */
  static ObjectNode edit(ObjectNode sop) {
    ObjectNode office = (ObjectNode) sop.get("office");
    office.put("id", "kpu-kota-makassar").put("name", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR")
        .put("unit", "SEKRETARIAT KOMISI PEMILIHAN UMUM KOTA MAKASSAR").put("zone", "Asia/Makassar");
    ((ArrayNode) sop.get("roles")).addObject().put("id", "sekretaris").put("name", "Sekretaris");
    ArrayNode activities = (ArrayNode) sop.get("activities");
    ((ObjectNode) activities.get(4).get("quality").get("time")).put("amount", 2);
    ObjectNode upload = (ObjectNode) activities.remove(6);
    upload.put("number", 8);
    ObjectNode approval = activities.addObject();
    approval.put("number", 7).put("description", "Menyetujui desain dan keterangan konten")
        .put("executor", "sekretaris").put("kind", "APPROVAL").putNull("remarks");
    ObjectNode quality = approval.putObject("quality");
    ArrayNode requirements = quality.putArray("requirements");
    requirements.addObject().put("type", "document").put("name", "Design Konten").put("artifact", "DESIGN");
    requirements.addObject().put("type", "document").put("name", "Keterangan/Caption").put("artifact", "CAPTION");
    quality.putObject("time").put("amount", 1).put("unit", "WORKING_DAY");
    quality.put("output", "Persetujuan Sekretaris");
    activities.add(upload);
    ObjectNode transitions = (ObjectNode) sop.get("flow").get("transitions");
    transitions.putObject("6").put("type", "sequence").putObject("next").put("activity", 7);
    ArrayNode branches = transitions.putObject("7").put("type", "decision").putArray("branches");
    ObjectNode yes = branches.addObject().put("outcome", "APPROVED");
    yes.putObject("target").put("activity", 8);
    yes.put("additionToSeed", true);
    ObjectNode no = branches.addObject().put("outcome", "REJECTED");
    no.putObject("target").put("activity", 5);
    no.put("additionToSeed", true);
    transitions.putObject("8").put("type", "sequence").putObject("next").put("end", true);
    sop.putArray("allowedPlatforms").add("INSTAGRAM").add("FACEBOOK");
    return sop;
  }

  private Result jdih(String... args) {
    return Cli.run(home, clock, args);
  }

  private Result ok(String... args) {
    return Cli.ok(home, clock, args);
  }


  private Path jpeg(String name) throws IOException {
    Path p = dir.resolve(name);
    ImageIO.write(new BufferedImage(1080, 1350, BufferedImage.TYPE_INT_RGB), "jpg", p.toFile());
    return p;
  }
}
