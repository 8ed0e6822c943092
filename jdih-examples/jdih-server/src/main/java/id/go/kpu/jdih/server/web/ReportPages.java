package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.compliance.Finding;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.api.ReportsController;
import id.go.kpu.jdih.server.api.SopController;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.CaseStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * <em>Kepatuhan</em>: the office's compliance report over a period of dates (the report and the monitoring form
 * are the API's own, {@link ReportsController}), with its figures as bar charts drawn on the server in SVG and as a
 * table; and <em>SOP</em>: the office's current SOP, activity by activity, with its documents to download
 * ({@link SopController}'s exports). Both show the caller's own office only: no route takes an office.
 */
@Controller
class ReportPages {
  private static final List<String> PERIOD_FIELDS = List.of("from", "to");
  private static final List<String> FORMATS = List.of("html", "pdf", "bpmn", "mermaid");

  private final Pages pages;
  private final Problems problems;
  private final ReportsController reports;
  private final SopController sops;

  ReportPages(Pages pages, Problems problems, ReportsController reports, SopController sops) {
    this.pages = pages;
    this.problems = problems;
    this.reports = reports;
    this.sops = sops;
  }

  /** A row of the table: an activity or a role with its totals as the page writes them. */
  record Line(String key, String label, long done, long onTime, String rate, String median, String p90,
      long byExecutor, long withOutput, long inOrder) {}

  /** A count with its label: a case status or a finding. */
  record Count(String code, String label, long count) {}

  /** The period asked for, as dates in the office's zone (both inclusive). */
  private record Dates(LocalDate from, LocalDate to) {
    Instant start(ZoneId zone) {
      return from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
      return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Kepatuhan

  @GetMapping("/kepatuhan")
  String compliance(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
      Model model, HttpServletResponse response) {
    PersonRecord p = pages.me(Scope.REPORTS_READ);
    SopDefinition sop = pages.currentSop(p.officeId());
    ZoneId zone = sop.office().zone();
    Ui ui = (Ui) model.getAttribute("ui");
    TasksController.common(model, p, sop);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    try {
      Dates d = dates(from, to, zone);
      model.addAttribute("from", d.from().toString());
      model.addAttribute("to", d.to().toString());
      ReportsController.ComplianceView r = reports.compliance(p.officeId(), Optional.of(d.start(zone)),
          Optional.of(d.end(zone)));
      model.addAttribute("errors", FormErrors.none());
      report(model, ui, sop, r, d);
    } catch (JdihException e) {
      Problems.Problem problem = problems.of(e, ui.language());
      response.setStatus(problem.status());
      model.addAttribute("errors", FormErrors.of(problem, PERIOD_FIELDS, ui.language()));
    }
    return "compliance";
  }

  /** The monitoring form of the caller's own office over the period, the API's PDF in the page's language. */
  @GetMapping("/kepatuhan/formulir.pdf")
  ResponseEntity<byte[]> monitoringForm(@RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, Model model, HttpServletRequest request) {
    PersonRecord p = pages.me(Scope.REPORTS_READ);
    ZoneId zone = pages.currentSop(p.officeId()).office().zone();
    Dates d = dates(from, to, zone);
    return reports.monitoringForm(p.officeId(), Optional.of(d.start(zone)), Optional.of(d.end(zone)),
        inLanguage(request, ((Ui) model.getAttribute("ui")).language()));
  }

  private void report(Model model, Ui ui, SopDefinition sop, ReportsController.ComplianceView r, Dates d) {
    List<Line> activities = new ArrayList<>();
    r.perActivity().forEach((n, t) -> activities.add(line(n, activityLabel(ui, sop, n), t)));
    List<Line> roles = new ArrayList<>();
    r.perRole().forEach((role, t) -> roles.add(line(role, roleLabel(sop, role), t)));

    List<Charts.Input> rateByActivity = activities.stream().map(l -> new Charts.Input(l.label(), List.of(
        new Charts.Value(r.perActivity().get(l.key()).onTimeRate(), l.rate())))).toList();
    List<Charts.Input> rateByRole = roles.stream().map(l -> new Charts.Input(l.label(), List.of(
        new Charts.Value(r.perRole().get(l.key()).onTimeRate(), l.rate())))).toList();
    long longest = Math.max(1, r.perActivity().values().stream()
        .mapToLong(t -> Math.max(t.p90WorkingMinutes(), t.medianWorkingMinutes())).max().orElse(1));
    List<Charts.Input> hours = activities.stream().map(l -> {
      ReportsController.TotalsView t = r.perActivity().get(l.key());
      return new Charts.Input(l.label(), List.of(
          new Charts.Value((double) t.medianWorkingMinutes() / longest, "median " + l.median()),
          new Charts.Value((double) t.p90WorkingMinutes() / longest, "p90 " + l.p90())));
    }).toList();

    List<Charts.Chart> charts = new ArrayList<>();
    charts.add(Charts.chart("chart-rate-activity", ui.t("Tepat waktu per kegiatan", "On time per activity"),
        ui.t("Bagian kegiatan yang selesai dalam standar waktu, per kegiatan: ",
            "Share of activities done within their time standard, per activity: ") + describe(activities, false),
        rateByActivity, List.of("bar-rate"), true, List.of()));
    charts.add(Charts.chart("chart-rate-role", ui.t("Tepat waktu per peran", "On time per role"),
        ui.t("Bagian kegiatan yang selesai dalam standar waktu, per pelaksana: ",
            "Share of activities done within their time standard, per executor: ") + describe(roles, false),
        rateByRole, List.of("bar-rate"), true, List.of()));
    charts.add(Charts.chart("chart-hours", ui.t("Jam kerja per kegiatan", "Working hours per activity"),
        ui.t("Median dan persentil ke-90 jam kerja (jam:menit) per kegiatan: ",
            "Median and 90th percentile of working hours (hours:minutes) per activity: ")
            + describe(activities, true),
        hours, List.of("bar-median", "bar-p90"), false, List.of(
            new Charts.Legend("bar-median", ui.t("median", "median")),
            new Charts.Legend("bar-p90", ui.t("persentil ke-90", "90th percentile")))));

    List<Count> statuses = new ArrayList<>();
    r.byStatus().forEach((s, n) -> statuses.add(new Count(s, statusLabel(ui, s), n)));
    List<Count> findings = new ArrayList<>();
    r.findings().forEach((code, n) -> findings.add(new Count(code, findingLabel(ui, code), n)));

    model.addAttribute("report", r);
    model.addAttribute("activities", activities);
    model.addAttribute("roles", roles);
    model.addAttribute("charts", charts);
    model.addAttribute("statuses", statuses);
    model.addAttribute("findings", findings);
    model.addAttribute("periodText", ui.date(d.from()) + " – " + ui.date(d.to()));
  }

  private static Line line(String key, String label, ReportsController.TotalsView t) {
    return new Line(key, label, t.done(), t.onTime(), Charts.percent(t.onTimeRate()),
        Charts.hours(t.medianWorkingMinutes()), Charts.hours(t.p90WorkingMinutes()), t.byExecutor(), t.withOutput(),
        t.inOrder());
  }

  private static String describe(List<Line> lines, boolean hours) {
    return lines.stream().map(l -> l.label() + " " + (hours ? l.median() + " / " + l.p90() : l.rate()))
        .collect(Collectors.joining("; "));
  }

  private static String activityLabel(Ui ui, SopDefinition sop, String number) {
    try {
      Optional<Activity> a = sop.activity(Integer.parseInt(number));
      return a.map(x -> x.number() + ". " + ui.kind(x.kind())).orElse(ui.t("Kegiatan ", "Activity ") + number);
    } catch (NumberFormatException e) {
      return number;
    }
  }

  private static String roleLabel(SopDefinition sop, String role) {
    try {
      return sop.role(RoleId.of(role)).map(x -> x.name()).orElse(role);
    } catch (RuntimeException e) {
      return role;
    }
  }

  private static String statusLabel(Ui ui, String status) {
    for (CaseStatus s : CaseStatus.values()) {
      if (s.name().equals(status)) {
        return ui.text(s.label());
      }
    }
    return status;
  }

  private static String findingLabel(Ui ui, String code) {
    for (Finding.Rule r : Finding.Rule.values()) {
      if (r.code().equals(code)) {
        return ui.text(r.title());
      }
    }
    return code;
  }

  /**
   * The period: {@code from} and {@code to} as ISO dates, both inclusive; the last year up to today (in the office's
   * zone) when left empty. The API bounds its length.
   */
  private Dates dates(String from, String to, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(pages.now(), zone);
    LocalDate end = to.isBlank() ? today : date("to", to);
    LocalDate start = from.isBlank() ? end.minusYears(1).plusDays(1) : date("from", from);
    if (end.isBefore(start)) {
      throw ServerException.badField("to", "AfterFrom", Text.of("tidak boleh sebelum tanggal awal",
          "must not be before the start date"));
    }
    return new Dates(start, end);
  }

  private static LocalDate date(String field, String text) {
    String t = text.strip();
    if (t.length() == 10) {
      try {
        LocalDate d = LocalDate.parse(t);
        if (d.getYear() >= 2000 && d.getYear() <= 2999) {
          return d;
        }
      } catch (DateTimeException e) {
        // refused below
      }
    }
    throw ServerException.badField(field, "Date", Text.of("tanggal tidak sah (TTTT-BB-HH, tahun 2000-2999)",
        "not a valid date (YYYY-MM-DD, years 2000-2999)"));
  }

  // ---------------------------------------------------------------------------------------------------------
  // SOP

  /** An activity of the SOP as the page lists it. */
  record SopRow(int number, String kind, String description, String role, List<String> requirements, String time,
      String output, String remarks) {}

  @GetMapping("/sop")
  String sop(Model model) {
    PersonRecord p = pages.me(Scope.SOP_READ);
    SopDefinition sop = pages.currentSop(p.officeId());
    Ui ui = (Ui) model.getAttribute("ui");
    TasksController.common(model, p, sop);
    List<SopRow> rows = new ArrayList<>();
    for (Activity a : sop.activities()) {
      rows.add(new SopRow(a.number(), ui.kind(a.kind()), a.description(), TasksController.roleName(sop, a),
          a.quality().requirements().stream().map(Requirement::name).toList(),
          a.quality().time().map(t -> ui.text(t.label())).orElse("–"), a.quality().output().orElse("–"),
          a.remarks().orElse("")));
    }
    Map<String, Long> perRole = new LinkedHashMap<>();
    sop.roles().forEach(r -> perRole.put(r.name(), sop.activities().stream()
        .filter(a -> a.executor().equals(r.id())).count()));
    model.addAttribute("sop", sop);
    model.addAttribute("rows", rows);
    model.addAttribute("perRole", perRole);
    model.addAttribute("formats", FORMATS);
    return "sop";
  }

  /** The current SOP of the caller's own office as {@code html}, {@code pdf}, {@code bpmn} or {@code mermaid}. */
  @GetMapping("/sop/unduh/{format}")
  ResponseEntity<byte[]> sopDocument(@PathVariable String format, Model model, HttpServletRequest request) {
    PersonRecord p = pages.me(Scope.SOP_READ);
    if (!FORMATS.contains(format)) {
      throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of(
          "Format tidak dikenal (html, pdf, bpmn, mermaid)", "Unknown format (html, pdf, bpmn, mermaid)"));
    }
    return sops.export(p.officeId(), format, inLanguage(request, ((Ui) model.getAttribute("ui")).language()));
  }

  /** {@code request} as if it asked for {@code language}: the API's documents follow Accept-Language. */
  private static HttpServletRequest inLanguage(HttpServletRequest request, Language language) {
    String tag = language == Language.EN ? "en" : "id";
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return "Accept-Language".equalsIgnoreCase(name) ? tag : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return "Accept-Language".equalsIgnoreCase(name) ? Collections.enumeration(List.of(tag))
            : super.getHeaders(name);
      }
    };
  }
}
