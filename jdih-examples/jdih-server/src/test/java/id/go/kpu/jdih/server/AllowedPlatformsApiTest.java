package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * An office's SOP names the platforms it publishes to (issue 18, item 7): a revision with {@code allowedPlatforms}
 * makes the API refuse a proposal naming another platform, and the proposal page offers only the allowed ones.
 */
class AllowedPlatformsApiTest extends ServerTestSupport {

  @Test
  void aRevisionNarrowingThePlatformsRefusesOthersAndThePageOffersOnlyItsOwn() {
    Client admin = admin();
    office(admin, "plat-a", "Asia/Makassar", "19800101200610");
    Client kasubag = session("plat-a.kasubag");
    String before = kasubag.get("/kasus/baru").expect(200).text();
    assertThat(before).contains("value=\"TELEGRAM\"", "value=\"X\"");

    ObjectNode d = (ObjectNode) kasubag.get("/api/v1/offices/plat-a/sop").expect(200).json();
    ((ObjectNode) d.get("identity")).put("revision", 1).put("revisedOn", "2026-12-01");
    d.putArray("allowedPlatforms").add("INSTAGRAM").add("FACEBOOK");
    kasubag.put("/api/v1/offices/plat-a/sop", d).expect(201);
    assertThat(kasubag.get("/api/v1/offices/plat-a/sop").expect(200).json().get("allowedPlatforms").toString())
        .isEqualTo("[\"INSTAGRAM\",\"FACEBOOK\"]");

    Client.Response refused = kasubag.post("/api/v1/offices/plat-a/cases", proposal("Telegram juga"),
        Map.of("Idempotency-Key", "plat-1")).expect(422);
    assertThat(refused.text()).contains("proposal.platforms", "AllowedPlatform", "Telegram");
    kasubag.post("/api/v1/offices/plat-a/cases", Map.of("title", "Instagram saja", "category", "INFORMASI_HUKUM",
        "material", "Materi", "platforms", List.of("INSTAGRAM", "FACEBOOK")), Map.of("Idempotency-Key", "plat-2"))
        .expect(201);

    String after = kasubag.get("/kasus/baru").expect(200).text();
    assertThat(after).contains("value=\"INSTAGRAM\"", "value=\"FACEBOOK\"").doesNotContain("value=\"TELEGRAM\"")
        .doesNotContain("value=\"X\"");
  }
}
