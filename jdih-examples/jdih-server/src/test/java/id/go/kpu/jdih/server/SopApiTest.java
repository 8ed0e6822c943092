package id.go.kpu.jdih.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An office's SOP over HTTP: the definition, its revisions, lint, documents, and publishing a new revision. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SopApiTest extends ServerTestSupport {
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private Client admin;

  @BeforeAll
  void offices() {
    admin = admin();
    office(admin, "sop-a", "Asia/Jakarta", "19800101200605");
    office(admin, "sop-b", "Asia/Makassar", "19900101200605");
    office(admin, "sop-c", "Asia/Jayapura", "19850101200605");
  }

  private String token(String office, String username, String... scopes) {
    return admin.post("/api/v1/offices/" + office + "/tokens", Map.of("label", "uji", "username", username,
        "scopes", List.of(scopes))).expect(201).json().get("token").asString();
  }

  @Test
  void theCurrentDefinitionAndItsRevisionAreJson() {
    Client tim = session("sop-a.tim");
    Client.Response r = tim.get("/api/v1/offices/sop-a/sop").expect(200);
    assertThat(r.header("Content-Type").orElse("")).startsWith("application/json");
    JsonNode d = r.json();
    assertThat(d.get("format").asString()).isEqualTo("jdih-sop-definition/1");
    assertThat(d.get("office").get("id").asString()).isEqualTo("sop-a");
    assertThat(d.get("activities")).hasSize(7);

    String number = d.get("identity").get("number").asString();
    int revision = d.get("identity").get("revision").asInt();
    String path = "/api/v1/offices/sop-a/sop/revisions/" + number.replace(" ", "%20") + "/" + revision;
    assertThat(tim.get(path).expect(200).json()).isEqualTo(d);
    tim.get("/api/v1/offices/sop-a/sop/revisions/" + number.replace(" ", "%20") + "/99").expect(404);
    // Another office's revision of the same number is not found through this office... and refused outright.
    session("sop-b.tim").get(path).expect(403);
    tim.get("/api/v1/offices/sop-b/sop/revisions/" + number.replace(" ", "%20") + "/" + revision).expect(403);
  }

  @Test
  void lintFindingsAreInTheCallersLanguage() {
    Client staf = session("sop-a.staf");
    JsonNode id = staf.get("/api/v1/offices/sop-a/sop/lint").expect(200).json();
    assertThat(id.get("sop").asString()).startsWith("sop-a/");
    assertThat(id.get("errors").asBoolean()).isFalse();
    JsonNode en = staf.language("en").get("/api/v1/offices/sop-a/sop/lint").expect(200).json();
    assertThat(en.get("findings").size()).isEqualTo(id.get("findings").size());
    for (int i = 0; i < id.get("findings").size(); i++) {
      JsonNode f = id.get("findings").get(i);
      assertThat(f.get("code").asString()).startsWith("JDIH-LINT-");
      assertThat(f.has("severity") && f.has("location") && f.has("message")).isTrue();
    }
  }

  @Test
  void theSopIsExportedAsHtmlPdfBpmnAndMermaid() throws Exception {
    Client kasubag = session("sop-a.kasubag");
    String base = "/api/v1/offices/sop-a/sop/export/";

    Client.Response html = kasubag.get(base + "html").expect(200);
    assertThat(html.header("Content-Type").orElse("")).isEqualToIgnoringCase("text/html;charset=UTF-8");
    assertThat(html.header("Content-Disposition").orElse("")).startsWith("attachment").contains(".html");
    assertThat(html.text()).containsIgnoringCase("<html");
    // A new office's document is made from its own definition: no footnote about the Mentawai document's
    // undrawn branch (issue 18, item 9).
    assertThat(html.text()).doesNotContain("tidak digambar dalam SOP sumber");

    Client.Response pdf = kasubag.get(base + "pdf").expect(200);
    assertThat(pdf.header("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(pdf.header("Content-Disposition").orElse("")).contains("filename=\"sop-sop-a-").contains(".pdf");
    assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");

    Client.Response bpmn = kasubag.get(base + "bpmn").expect(200);
    assertThat(bpmn.header("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(bpmn.header("Content-Disposition").orElse("")).contains(".bpmn");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bpmn.body()));
    assertThat(doc.getElementsByTagNameNS(BPMN, "process").getLength()).isEqualTo(1);

    Client.Response mermaid = kasubag.get(base + "mermaid").expect(200);
    assertThat(mermaid.header("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(firstStatement(mermaid.text())).startsWith("flowchart");

    Client.Response unknown = kasubag.get(base + "docx").expect(400);
    assertThat(unknown.json().get("code").asString()).isEqualTo("JDIH-HTTP-005");
  }

  @Test
  void anotherOfficeAnonymousAndWrongScopesAreRefused() {
    Client other = session("sop-b.kasubag");
    for (String p : List.of("", "/lint", "/export/pdf", "/export/bpmn")) {
      Client.Response r = other.get("/api/v1/offices/sop-a/sop" + p).expect(403);
      assertThat(r.json().get("code").asString()).isEqualTo("JDIH-ACTOR-002");
      assertThat(new Client(port).get("/api/v1/offices/sop-a/sop" + p).expect(401).json().get("code").asString())
          .isEqualTo("JDIH-HTTP-007");
    }
    Client casesOnly = Client.withToken(port, token("sop-a", "sop-a.tim", "cases:read"));
    assertThat(casesOnly.get("/api/v1/offices/sop-a/sop").expect(403).json().get("code").asString())
        .isEqualTo("JDIH-HTTP-002");
    casesOnly.get("/api/v1/offices/sop-a/sop/export/mermaid").expect(403);
    Client reader = Client.withToken(port, token("sop-a", "sop-a.tim", "sop:read"));
    assertThat(firstStatement(reader.get("/api/v1/offices/sop-a/sop/export/mermaid").expect(200).text()))
        .startsWith("flowchart");
    Client otherToken = Client.withToken(port, token("sop-b", "sop-b.tim", "sop:read"));
    assertThat(otherToken.get("/api/v1/offices/sop-a/sop").expect(403).json().get("code").asString())
        .isEqualTo("JDIH-ACTOR-002");
  }

  @Test
  void anOfficeAdministratorPublishesARevisionAndOpenCasesKeepTheirs() {
    Client kasubag = session("sop-c.kasubag");
    String cases = "/api/v1/offices/sop-c/cases";
    String before = kasubag.post(cases, proposal("Sebelum revisi"), Map.of("Idempotency-Key", "rev-1"))
        .expect(201).json().get("id").asString();
    ObjectNode d = (ObjectNode) kasubag.get("/api/v1/offices/sop-c/sop").expect(200).json();
    String oldKey = kasubag.get(cases + "/" + before).expect(200).json().get("sop").asString();
    assertThat(oldKey).endsWith("/r0");

    // Not an administrator, a token (even the administrator's own), another office: refused.
    ((ObjectNode) d.get("identity")).put("revision", 1).put("revisedOn", "2026-12-01");
    session("sop-c.tim").put("/api/v1/offices/sop-c/sop", d).expect(403);
    Client.withToken(port, token("sop-c", "sop-c.kasubag", "sop:read", "cases:write"))
        .put("/api/v1/offices/sop-c/sop", d).expect(403);
    assertThat(session("sop-a.kasubag").put("/api/v1/offices/sop-c/sop", d).expect(403).json().get("code")
        .asString()).isEqualTo("JDIH-ACTOR-002");
    new Client(port).put("/api/v1/offices/sop-c/sop", d).expect(401);

    // A lint error: activity 2 is no longer reachable.
    ObjectNode broken = d.deepCopy();
    ((ObjectNode) broken.get("flow").get("transitions").get("1").get("next")).put("activity", 3);
    Client.Response refused = kasubag.put("/api/v1/offices/sop-c/sop", broken).expect(400);
    assertThat(refused.json().get("errors").toString()).contains("JDIH-LINT-005");
    assertThat(kasubag.get("/api/v1/offices/sop-c/sop").expect(200).json().get("identity").get("revision").asInt())
        .isZero();

    Client.Response published = kasubag.put("/api/v1/offices/sop-c/sop", d).expect(201);
    String newKey = published.json().get("key").asString();
    assertThat(newKey).endsWith("/r1");
    assertThat(published.header("Location").orElse("")).endsWith("/1");
    kasubag.get(published.header("Location").orElseThrow()).expect(200);
    kasubag.put("/api/v1/offices/sop-c/sop", d).expect(400); // the same revision again

    assertThat(kasubag.get(cases + "/" + before).expect(200).json().get("sop").asString()).isEqualTo(oldKey);
    String after = kasubag.post(cases, proposal("Sesudah revisi"), Map.of("Idempotency-Key", "rev-2"))
        .expect(201).json().get("id").asString();
    assertThat(kasubag.get(cases + "/" + after).expect(200).json().get("sop").asString()).isEqualTo(newKey);
    kasubag.command(cases + "/" + before + "/approve", Map.of()).expect(200);
  }

  /** The first line of a Mermaid text that is not a {@code %%} comment (the exporter names the SOP in one). */
  private static String firstStatement(String mermaid) {
    return mermaid.lines().filter(l -> !l.startsWith("%%")).findFirst().orElse("");
  }
}
