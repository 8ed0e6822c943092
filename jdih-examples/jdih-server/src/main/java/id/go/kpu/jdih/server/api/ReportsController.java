package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.archive.SoftcopyBundle;
import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.compliance.ComplianceReport;
import id.go.kpu.jdih.compliance.ComplianceTotals;
import id.go.kpu.jdih.compliance.MonitoringForm;
import id.go.kpu.jdih.export.MonitoringFormExporter;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.Offices;
import id.go.kpu.jdih.server.directory.ServerDefinitions;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.RecordedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An office's reports: the SOP compliance of the cases opened in a period (at most five years, the last 365 days
 * unless asked), the monitoring form of the SOP (Formulir Monitoring Pelaksanaan SOP) as a PDF, and one case's
 * softcopy archive (the verified ZIP of its events, definition, media and SHA-256 manifest).
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/offices/{office}", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReportsController {

  /** The longest period a report covers. */
  static final int MAX_YEARS = 5;

  /**
   * The totals of an activity or a role; {@code notCovered} counts deadlines counted across a year the holiday
   * calendar does not cover (their on-time verdicts may be wrong).
   */
  public record TotalsView(long done, long onTime, double onTimeRate, long byExecutor, long withOutput, long inOrder,
      long medianWorkingMinutes, long p90WorkingMinutes, long notCovered) {
    static TotalsView of(ComplianceTotals t) {
      return new TotalsView(t.done(), t.onTime(), t.onTimeRate(), t.byExecutor(), t.withOutput(), t.inOrder(),
          t.medianWorking().toMinutes(), t.p90Working().toMinutes(), t.notCovered());
    }
  }

  /**
   * The compliance of an office's cases opened in {@code [from, to)}; {@code uncoveredYears} are the years their
   * deadlines crossed that the holiday calendar does not cover (calendar coverage: NOT_COVERED when not empty).
   */
  public record ComplianceView(String office, Instant from, Instant to, long cases, long compliantCases,
      long revisions, Map<String, Long> byStatus, Map<String, Long> findings, Map<String, TotalsView> perActivity,
      Map<String, TotalsView> perRole, List<Integer> uncoveredYears) {
    static ComplianceView of(String office, ComplianceReport r) {
      Map<String, Long> status = new LinkedHashMap<>();
      r.byStatus().forEach((s, n) -> status.put(s.name(), n));
      Map<String, Long> findings = new LinkedHashMap<>();
      r.findings().forEach((f, n) -> findings.put(f.code(), n));
      Map<String, TotalsView> activities = new LinkedHashMap<>();
      r.perActivity().forEach((n, t) -> activities.put(String.valueOf(n), TotalsView.of(t)));
      Map<String, TotalsView> roles = new LinkedHashMap<>();
      r.perRole().forEach((role, t) -> roles.put(role.value(), TotalsView.of(t)));
      return new ComplianceView(office, r.from(), r.to(), r.cases(), r.compliantCases(), r.revisions(), status,
          findings, activities, roles, List.copyOf(r.uncoveredYears()));
    }
  }

  private record Period(Instant from, Instant to) {}

  private final Jdih jdih;
  private final Access access;
  private final Offices offices;
  private final ServerDefinitions definitions;
  private final CaseLookup lookup;

  ReportsController(Jdih jdih, Access access, Offices offices, ServerDefinitions definitions, CaseLookup lookup) {
    this.jdih = jdih;
    this.access = access;
    this.offices = offices;
    this.definitions = definitions;
    this.lookup = lookup;
  }

  /** The compliance of the office's cases opened in {@code [from, to)}; the last 365 days by default. */
  @GetMapping("/reports/compliance")
  public ComplianceView compliance(@PathVariable String office, @RequestParam Optional<Instant> from,
      @RequestParam Optional<Instant> to) {
    access.member(office, Scope.REPORTS_READ);
    Period p = period(from, to);
    return ComplianceView.of(office, report(office, p));
  }

  /** The monitoring form of the office's current SOP over {@code [from, to)}, as a PDF in the caller's language. */
  @GetMapping(path = "/reports/monitoring-form", produces = MediaType.ALL_VALUE)
  public ResponseEntity<byte[]> monitoringForm(@PathVariable String office, @RequestParam Optional<Instant> from,
      @RequestParam Optional<Instant> to, HttpServletRequest request) {
    access.member(office, Scope.REPORTS_READ);
    Period p = period(from, to);
    SopDefinition sop = offices.currentDefinition(office).orElseThrow(() -> new ServerException(
        ServerException.Kind.NOT_FOUND, Text.of("Kantor %s tidak ditemukan", "Office %s not found").format(office)));
    ZoneId zone = sop.office().zone();
    LocalDate first = LocalDate.ofInstant(p.from(), zone);
    LocalDate last = LocalDate.ofInstant(p.to().minusNanos(1), zone);
    MonitoringForm form = MonitoringForm.fill(sop, report(office, p), first, last);
    byte[] pdf = MonitoringFormExporter.pdf(form, Problems.language(request), Optional.empty());
    return SopController.download(MediaType.APPLICATION_PDF, ("monitoring-" + office + "-" + first + "-" + last
        + ".pdf").replaceAll("[^A-Za-z0-9.-]+", "-"), pdf);
  }

  /** The case's softcopy archive: a verified ZIP of its events, its definition, its files and their SHA-256. */
  @GetMapping(path = "/cases/{caseId}/archive", produces = MediaType.ALL_VALUE)
  public ResponseEntity<byte[]> archive(@PathVariable String office, @PathVariable String caseId)
      throws IOException {
    access.member(office, Scope.REPORTS_READ);
    ContentCase c = lookup.visible(office, caseId);
    SopDefinition sop = jdih.cases().definitionOf(c.id());
    List<RecordedEvent> events = jdih.cases().as(access.caller().principal()).history(c.id());
    Path dir = Files.createTempDirectory("jdih-archive");
    Path zip = dir.resolve(c.id().value() + ".zip");
    try {
      new SoftcopyBundle().writeCase(zip, sop, events, jdih.media());
      return SopController.download(MediaType.parseMediaType("application/zip"), c.id().value() + ".zip",
          Files.readAllBytes(zip));
    } finally {
      Files.deleteIfExists(zip);
      Files.deleteIfExists(dir);
    }
  }

  private ComplianceReport report(String office, Period p) {
    ComplianceChecker checker = new ComplianceChecker(definitions::get, lookup.deadlines(office));
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(p.from(), p.to());
    Instant now = jdih.clock().instant();
    // The office's cases only (an index range), not every office's histories filtered here.
    try (Stream<List<RecordedEvent>> histories = lookup.jdbc().cases().histories(office, p.from(), p.to())) {
      histories.forEach(h -> acc.add(checker.check(h, now)));
    }
    return acc.build();
  }

  private Period period(Optional<Instant> from, Optional<Instant> to) {
    Instant end = to.orElseGet(() -> jdih.clock().instant());
    Instant start = from.orElseGet(() -> end.minus(Duration.ofDays(365)));
    if (!start.isBefore(end)) {
      throw ServerException.badField("to", "AfterFrom", Text.of("harus setelah from", "must be after from"));
    }
    if (end.atOffset(ZoneOffset.UTC).minusYears(MAX_YEARS).toInstant().isAfter(start)) {
      throw ServerException.badField("from", "Period", Text.of("periode paling lama %s tahun",
          "the period is at most %s years").format(MAX_YEARS));
    }
    return new Period(start, end);
  }
}
