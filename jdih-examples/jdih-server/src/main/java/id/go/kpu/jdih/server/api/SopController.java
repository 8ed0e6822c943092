package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.export.BpmnExporter;
import id.go.kpu.jdih.export.ExportOptions;
import id.go.kpu.jdih.export.MermaidExporter;
import id.go.kpu.jdih.export.SopDocumentExporter;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.Offices;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.server.directory.ServerDefinitions;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.lint.SopLint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An office's SOP: the current definition and its earlier revisions in the {@code jdih-sop-definition/1} JSON
 * format, its lint findings, its documents (the SOP document as HTML or PDF, BPMN 2.0, Mermaid), and the
 * publication of a new revision by the office's administrators. Cases already open keep the revision they began
 * under.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/offices/{office}/sop", produces = MediaType.APPLICATION_JSON_VALUE)
public class SopController {

  /** The largest definition accepted, in characters of JSON. */
  static final int MAX_DEFINITION_CHARS = 1_000_000;

  /** One lint finding. */
  public record Finding(String code, String severity, Optional<Integer> activity, String location, String message) {}

  /** The lint of the office's current definition. */
  public record Lint(String sop, boolean errors, List<Finding> findings) {}

  /** A revision just published. */
  public record Published(String key, String number, int revision) {}

  private final Access access;
  private final Offices offices;
  private final ServerDefinitions definitions;

  SopController(Access access, Offices offices, ServerDefinitions definitions) {
    this.access = access;
    this.offices = offices;
    this.definitions = definitions;
  }

  /** The definition new cases open under, as {@code jdih-sop-definition/1} JSON. */
  @GetMapping
  public ResponseEntity<String> current(@PathVariable String office) {
    access.member(office, Scope.SOP_READ);
    return json(definitionOf(office));
  }

  /** A revision of one of the office's SOPs (another office's revisions are not found here). */
  @GetMapping("/revisions/{number}/{revision}")
  public ResponseEntity<String> revision(@PathVariable String office,
      @PathVariable @NotBlank @Size(max = 100) String number,
      @PathVariable @Min(0) @Max(1_000_000) int revision) {
    access.member(office, Scope.SOP_READ);
    SopKey key = new SopKey(office, number, revision);
    if (!offices.revisions(office).contains(key)) {
      throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of("SOP %s tidak ditemukan",
          "SOP %s not found").format(key));
    }
    return json(definitions.get(key));
  }

  /** The lint findings of the current definition, in the caller's language. */
  @GetMapping("/lint")
  public Lint lint(@PathVariable String office, HttpServletRequest request) {
    access.member(office, Scope.SOP_READ);
    SopDefinition sop = definitionOf(office);
    Language lang = Problems.language(request);
    List<Finding> findings = SopLint.check(sop).stream().map(f -> new Finding(f.code(), f.severity().name(),
        f.activity().isPresent() ? Optional.of(f.activity().getAsInt()) : Optional.empty(), f.location(),
        f.message().in(lang))).toList();
    return new Lint(sop.key().toString(), findings.stream().anyMatch(f -> f.severity().equals("ERROR")), findings);
  }

  /** The current definition as a document: {@code html}, {@code pdf}, {@code bpmn} or {@code mermaid}. */
  @GetMapping(path = "/export/{format}", produces = MediaType.ALL_VALUE)
  public ResponseEntity<byte[]> export(@PathVariable String office, @PathVariable @Size(max = 20) String format,
      HttpServletRequest request) {
    access.member(office, Scope.SOP_READ);
    SopDefinition sop = definitionOf(office);
    Language lang = Problems.language(request);
    String base = fileName(sop);
    return switch (format) {
      case "html" -> download(MediaType.parseMediaType("text/html;charset=UTF-8"), base + ".html",
          SopDocumentExporter.html(sop, ExportOptions.defaults().withLanguage(lang)).getBytes(StandardCharsets.UTF_8));
      case "pdf" -> download(MediaType.APPLICATION_PDF, base + ".pdf",
          SopDocumentExporter.pdf(sop, ExportOptions.defaults().withLanguage(lang)));
      case "bpmn" -> download(MediaType.APPLICATION_XML, base + ".bpmn",
          BpmnExporter.bpmn(sop, lang).getBytes(StandardCharsets.UTF_8));
      case "mermaid" -> download(MediaType.parseMediaType("text/plain;charset=UTF-8"), base + ".mmd",
          MermaidExporter.mermaid(sop, lang).getBytes(StandardCharsets.UTF_8));
      default -> throw ServerException.badField("format", "ExportFormat", Text.of(
          "format tidak dikenal (html, pdf, bpmn, mermaid)", "unknown format (html, pdf, bpmn, mermaid)"));
    };
  }

  /**
   * Publishes a new revision (or a new SOP number) for new cases: the office's administrators only, never through
   * a token. A definition with lint errors is refused with the findings as {@code errors}.
   */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Published> publish(@PathVariable String office,
      @RequestBody @Size(max = MAX_DEFINITION_CHARS) String body) {
    PersonRecord admin = access.officeAdmin(office);
    SopDefinition definition = definitions.fromJson(body);
    SopKey key = offices.publish(office, definition, admin.username());
    URI location = URI.create("/api/v1/offices/" + office + "/sop/revisions/"
        + URLEncoder.encode(key.number(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + key.revision());
    return ResponseEntity.created(location).body(new Published(key.toString(), key.number(), key.revision()));
  }

  private SopDefinition definitionOf(String office) {
    return offices.currentDefinition(office).orElseThrow(() -> new ServerException(ServerException.Kind.NOT_FOUND,
        Text.of("Kantor %s tidak ditemukan", "Office %s not found").format(office)));
  }

  private ResponseEntity<String> json(SopDefinition sop) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(definitions.toJson(sop));
  }

  /** {@code sop-<office>-<number>-r<revision>}, with anything but letters, digits, dot and dash as a dash. */
  static String fileName(SopDefinition sop) {
    SopKey k = sop.key();
    return ("sop-" + k.officeId() + "-" + k.number() + "-r" + k.revision()).replaceAll("[^A-Za-z0-9.-]+", "-");
  }

  static ResponseEntity<byte[]> download(MediaType type, String fileName, byte[] bytes) {
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName).build().toString()).body(bytes);
  }
}
