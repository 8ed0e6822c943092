package id.go.kpu.jdih.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new office uses it (issue 18): help about the active SOP, its own SOP, safe output. */
class NewOfficeCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String KASUBAG = "198001012006042001";

  @TempDir Path dir;
  Path home;
  final Clock clock = Clock.fixed(Instant.parse("2024-03-05T02:00:00Z"), ZoneOffset.UTC);

  record Result(int code, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1].strip();
    }
  }

  @BeforeEach
  void setUp() {
    System.setProperty("java.awt.headless", "true");
    home = dir.resolve("home");
  }

  Result jdih(String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), clock);
    return new Result(code, out.toString(), err.toString());
  }

  Result ok(String... args) {
    Result r = jdih(args);
    assertThat(r.code()).as("jdih %s failed: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }

  /** Item 10: help names kinds of activity and the active SOP, never "activity 2" or a fixed set of roles. */
  @Test
  void helpSpeaksOfTheActiveSop() throws IOException {
    ok("init");
    String fixed = "(?is).*((kegiatan|activity|activities) [0-9]|ketujuh|seven|tujuh|(?<![0-9/])[0-9]/[0-9](?![0-9/])"
        + "|kasubag-hukum, tim-pembina-teknis, staf).*";
    for (String lang : List.of("id", "en")) {
      for (String[] args : List.of(new String[] {"--help"}, new String[] {"case", "--help"},
          new String[] {"case", "approve", "--help"}, new String[] {"case", "reject", "--help"},
          new String[] {"case", "propose", "--help"}, new String[] {"person", "add", "--help"})) {
        List<String> all = new ArrayList<>(List.of("--lang", lang));
        all.addAll(List.of(args));
        String help = ok(all.toArray(String[]::new)).out();
        String descriptions = help.substring(0, help.contains("SOP aktif: ") ? help.indexOf("SOP aktif: ")
            : help.contains("Active SOP: ") ? help.indexOf("Active SOP: ") : help.length());
        assertThat(descriptions).as("%s %s", lang, String.join(" ", args)).doesNotMatch(fixed);
      }
    }
    assertThat(ok("case", "--help").out()).contains("SOP aktif: kpu-kab-kepulauan-mentawai")
        .containsPattern(" 2\\. approve\\|reject +Kasubag Hukum +Menyetujui draft");
    assertThat(ok("person", "add", "--help").out()).contains("  kasubag-hukum  Kasubag Hukum");

    // a variant in the home: the help lists its activities and roles
    Path reference = dir.resolve("referensi.json");
    ok("sop", "show", "--format", "json", "--out", reference.toString());
    Files.writeString(home.resolve("sop.json"), JSON.writeValueAsString(
        VariantFromJsonTest.edit((ObjectNode) JSON.readTree(reference.toFile()))));
    String top = ok("--lang", "en", "--help").out();
    assertThat(top).contains("Active SOP: kpu-kota-makassar", "KOMISI PEMILIHAN UMUM KOTA MAKASSAR", "sop.json")
        .containsPattern(" 7\\. approve\\|reject +Sekretaris +Menyetujui desain dan keterangan konten")
        .containsPattern(" 8\\. publish +Staf ");
    assertThat(ok("case", "--help").out()).contains("Sekretaris", "Instagram, Facebook")
        .containsPattern(" 7\\. approve\\|reject +Sekretaris");
    assertThat(ok("person", "add", "--help").out()).contains("  sekretaris  Sekretaris");
    assertThat(ok("sop", "show").out()).contains("sekretaris: Sekretaris", "Perintah   : jdih case approve|reject");
    // a sop.json that does not load: help still shows, naming the file
    Files.writeString(home.resolve("sop.json"), "{");
    Result broken = ok("case", "--help");
    assertThat(broken.out()).contains("sop.json", "jdih sop lint");
  }
}
