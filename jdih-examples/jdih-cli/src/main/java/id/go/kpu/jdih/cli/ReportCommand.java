package id.go.kpu.jdih.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.compliance.ComplianceReport;
import id.go.kpu.jdih.compliance.ComplianceTotals;
import id.go.kpu.jdih.compliance.MonitoringForm;
import id.go.kpu.jdih.export.MonitoringFormExporter;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jdih report compliance}. */
// Its subcommands are registered by Main.commandLine.
@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand {
  @ParentCommand Main main;

  /** {@code jdih report compliance [--from DATE --to DATE] [--format text|csv|json]}. */
  @Command(name = "compliance", mixinStandardHelpOptions = true)
  static final class Compliance implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD") LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD") LocalDate to;
    @Option(names = "--format", paramLabel = "text|csv|json") String format = "text";

    @Override
    public Integer call() throws Exception {
      Home home = parent.main.home();
      home.requireInit();
      Out out = parent.main.out;
      if (!List.of("text", "csv", "json").contains(format)) {
        throw new CliException("Format '" + Out.cut(format) + "' tidak dikenal (text, csv, json)",
            "Unknown format '" + Out.cut(format) + "' (text, csv, json)");
      }
      java.util.concurrent.atomic.AtomicInteger damaged = new java.util.concurrent.atomic.AtomicInteger();
      ComplianceReport report = compute(home, from, to, out, damaged);
      out.out.print(switch (format) {
        case "csv" -> csv(report);
        case "json" -> json(report);
        default -> text(report, home.sop(), out);
      });
      out.out.flush();
      return reportDamaged(damaged.get(), out);
    }
  }

  /** {@code jdih report monitoring --from DATE --to DATE [--format html|pdf] [--out FILE]}. */
  @Command(name = "monitoring", mixinStandardHelpOptions = true)
  static final class Monitoring implements Callable<Integer> {
    @ParentCommand ReportCommand parent;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD") LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD") LocalDate to;
    @Option(names = "--format", paramLabel = "html|pdf") String format = "html";
    @Option(names = "--out", paramLabel = "FILE") java.nio.file.Path outFile;

    @Override
    public Integer call() throws Exception {
      Home home = parent.main.home();
      home.requireInit();
      Out out = parent.main.out;
      java.util.concurrent.atomic.AtomicInteger damaged = new java.util.concurrent.atomic.AtomicInteger();
      ComplianceReport report = compute(home, from, to, out, damaged);
      MonitoringForm form = MonitoringForm.fill(home.sop(), report, from, to);
      switch (format) {
        case "html" -> {
          String html = MonitoringFormExporter.html(form, out.lang, java.util.Optional.empty());
          if (outFile == null) {
            out.out.print(html);
          } else {
            write(outFile, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.line("Formulir monitoring ditulis ke %s", "Monitoring form written to %s", outFile);
          }
        }
        case "pdf" -> {
          if (outFile == null) {
            throw new CliException("Format pdf perlu --out FILE", "The pdf format needs --out FILE");
          }
          write(outFile, MonitoringFormExporter.pdf(form, out.lang, java.util.Optional.empty()));
          out.line("Formulir monitoring ditulis ke %s", "Monitoring form written to %s", outFile);
        }
        default -> throw new CliException("Format '" + Out.cut(format) + "' tidak dikenal (html, pdf)",
            "Unknown format '" + Out.cut(format) + "' (html, pdf)");
      }
      return reportDamaged(damaged.get(), out);
    }
  }

  /** Writes the report to the file {@code --out} names; a failure names the option and the file. */
  static void write(java.nio.file.Path file, byte[] bytes) {
    try {
      java.nio.file.Files.write(file, bytes);
    } catch (java.io.IOException e) {
      throw Main.writeFailed("--out", file.toAbsolutePath(), e);
    }
  }

  /** After a report: 1 if cases could not be read (each was named as it was met), 0 otherwise. */
  static int reportDamaged(int damaged, Out out) {
    if (damaged == 0) {
      return 0;
    }
    out.err.println(out.t(damaged + " kasus tidak dapat dibaca dan tidak dihitung; lihat di atas",
        damaged + (damaged == 1 ? " case" : " cases") + " could not be read and are not counted; see above"));
    return 1;
  }

  /**
   * Streams over every stored case, one at a time, so memory does not grow with the number of cases. A case that
   * cannot be read or does not verify is named on the error stream, counted in {@code damaged} and left out; the
   * others are counted.
   */
  static ComplianceReport compute(Home home, LocalDate from, LocalDate to, Out out,
      java.util.concurrent.atomic.AtomicInteger damaged) throws Exception {
    ZoneId zone = home.sop().office().zone();
    Instant start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant();
    Instant end = (to == null ? LocalDate.of(2100, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant();
    if (!end.isAfter(start)) {
      throw new CliException("--to harus pada atau setelah --from", "--to must be on or after --from");
    }
    ComplianceChecker checker = home.compliance();
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(start, end);
    CaseStore store = home.store();
    Instant now = home.clock.instant();
    long total;
    try (Stream<CaseId> ids = store.caseIds()) {
      total = ids.count();
    }
    Progress progress = new Progress(out, out.t("Memeriksa kasus", "Checking cases"), total);
    try (Stream<CaseId> ids = store.caseIds()) {
      for (CaseId id : (Iterable<CaseId>) ids::iterator) {
        progress.step();
        try {
          List<RecordedEvent> history = store.load(id);
          if (history.isEmpty()) {
            continue;
          }
          Instant opened = history.get(0).at();
          if (opened.isBefore(start) || !opened.isBefore(end)) {
            continue;
          }
          acc.add(checker.check(history, now));
        } catch (id.go.kpu.jdih.error.JdihException | IllegalStateException | java.io.UncheckedIOException e) {
          damaged.incrementAndGet();
          out.err.println(Main.describe(e, out.lang) + out.t(" (kasus ", " (case ") + id + ")");
        }
      }
    }
    progress.done();
    return acc.build();
  }

  static String text(ComplianceReport r, SopDefinition sop, Out out) {
    StringBuilder sb = new StringBuilder();
    sb.append(out.t("Kepatuhan SOP ", "SOP compliance ")).append(sop.key()).append('\n');
    sb.append(String.format(out.t("  %d kasus, %d patuh sepenuhnya, %d putaran revisi%n",
        "  %d cases, %d fully compliant, %d revision loops%n"), r.cases(), r.compliantCases(), r.revisions()));
    r.byStatus().forEach((s, n) -> sb.append("  ").append(s.label().in(out.lang)).append(": ").append(n).append('\n'));
    r.findings().forEach((f, n) -> sb.append("  ").append(f.code()).append(' ').append(f.title().in(out.lang))
        .append(": ").append(n).append('\n'));
    sb.append(String.format("  %-20s %6s %8s %12s %12s%n", out.t("Kegiatan", "Activity"), out.t("Jumlah", "Done"),
        out.t("Tepat", "On time"), out.t("Median jam", "Median h"), out.t("P90 jam", "P90 h")));
    r.perActivity().forEach((n, t) -> sb.append(row(String.valueOf(n), t)));
    sb.append(out.t("  Per pelaksana:\n", "  Per role:\n"));
    r.perRole().forEach((role, t) -> sb.append(row(sop.role(role).map(x -> x.name()).orElse(role.value()), t)));
    if (!r.uncoveredYears().isEmpty()) {
      long n = r.perActivity().values().stream().mapToLong(ComplianceTotals::notCovered).sum();
      String years = r.uncoveredYears().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
      sb.append(String.format(out.t("  Peringatan: %d tenggat dihitung melewati tahun %s yang belum dimuat kalender hari"
          + " libur (hanya akhir pekan yang dilewati); status tepat waktunya bisa keliru%n",
          "  Warning: %d deadline(s) were counted across %s, which the holiday calendar does not cover (weekends"
          + " only were skipped); their on-time status may be wrong%n"), n, years));
    }
    return sb.toString();
  }

  private static String row(String name, ComplianceTotals t) {
    return String.format(Locale.ROOT, "  %-20s %6d %7.1f%% %12.2f %12.2f%n", name, t.done(),
        t.onTimeRate() * 100, t.medianWorking().toMinutes() / 60.0, t.p90Working().toMinutes() / 60.0);
  }

  static String csv(ComplianceReport r) {
    StringBuilder sb = new StringBuilder("group,key,done,on_time,by_executor,with_output,in_order,"
        + "median_working_minutes,p90_working_minutes,not_covered\n");
    r.perActivity().forEach((n, t) -> sb.append(csvRow("activity", String.valueOf(n), t)));
    r.perRole().forEach((role, t) -> sb.append(csvRow("role", role.value(), t)));
    return sb.toString();
  }

  private static String csvRow(String group, String key, ComplianceTotals t) {
    return String.join(",", group, key, String.valueOf(t.done()), String.valueOf(t.onTime()),
        String.valueOf(t.byExecutor()), String.valueOf(t.withOutput()), String.valueOf(t.inOrder()),
        String.valueOf(t.medianWorking().toMinutes()), String.valueOf(t.p90Working().toMinutes()),
        String.valueOf(t.notCovered())) + "\n";
  }

  static String json(ComplianceReport r) throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("from", r.from().toString());
    root.put("to", r.to().toString());
    root.put("cases", r.cases());
    root.put("compliantCases", r.compliantCases());
    root.put("revisions", r.revisions());
    Map<String, Object> findings = new LinkedHashMap<>();
    r.findings().forEach((f, n) -> findings.put(f.code(), n));
    root.put("findings", findings);
    Map<String, Object> acts = new LinkedHashMap<>();
    r.perActivity().forEach((n, t) -> acts.put(String.valueOf(n), totals(t)));
    root.put("perActivity", acts);
    Map<String, Object> roles = new LinkedHashMap<>();
    r.perRole().forEach((role, t) -> roles.put(role.value(), totals(t)));
    root.put("perRole", roles);
    root.put("uncoveredYears", r.uncoveredYears());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
  }

  private static Map<String, Object> totals(ComplianceTotals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("done", t.done());
    m.put("onTime", t.onTime());
    m.put("onTimeRate", t.onTimeRate());
    m.put("byExecutor", t.byExecutor());
    m.put("withOutput", t.withOutput());
    m.put("inOrder", t.inOrder());
    m.put("medianWorkingMinutes", t.medianWorking().toMinutes());
    m.put("p90WorkingMinutes", t.p90Working().toMinutes());
    m.put("notCovered", t.notCovered());
    return m;
  }
}
