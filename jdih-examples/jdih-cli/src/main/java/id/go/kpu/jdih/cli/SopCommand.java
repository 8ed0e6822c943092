package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.export.BpmnExporter;
import id.go.kpu.jdih.export.ExportOptions;
import id.go.kpu.jdih.export.MermaidExporter;
import id.go.kpu.jdih.export.SopDocumentExporter;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.Equipment;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import id.go.kpu.jdih.sop.lint.LintFinding;
import id.go.kpu.jdih.sop.lint.SopLint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jdih sop show|lint|new}. */
// Its subcommands are registered by Main.commandLine.
@Command(name = "sop", mixinStandardHelpOptions = true)
final class SopCommand {
  @ParentCommand Main main;

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));
  static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** {@code jdih sop show}. */
  @Command(name = "show", mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @ParentCommand SopCommand parent;

    @Option(names = "--format", paramLabel = "text|json|html|pdf|bpmn|mermaid")
    String format = "text";

    @Option(names = "--out", paramLabel = "FILE")
    Path outFile;

    @Override
    public Integer call() throws Exception {
      Out out = parent.main.out;
      SopDefinition sop = parent.main.home().sop();
      ExportOptions options = ExportOptions.defaults().withLanguage(out.lang);
      byte[] document = switch (format) {
        case "text" -> render(sop, out).getBytes(StandardCharsets.UTF_8);
        case "json" -> new SopDefinitionJson().write(sop).getBytes(StandardCharsets.UTF_8);
        case "html" -> SopDocumentExporter.html(sop, options).getBytes(StandardCharsets.UTF_8);
        case "pdf" -> {
          if (outFile == null) {
            throw new CliException("Format pdf perlu --out FILE", "The pdf format needs --out FILE");
          }
          yield SopDocumentExporter.pdf(sop, options);
        }
        case "bpmn" -> BpmnExporter.bpmn(sop, out.lang).getBytes(StandardCharsets.UTF_8);
        case "mermaid" -> MermaidExporter.mermaid(sop, out.lang).getBytes(StandardCharsets.UTF_8);
        default -> throw new CliException(
            "Format '" + Out.cut(format) + "' tidak dikenal (text, json, html, pdf, bpmn, mermaid)",
            "Unknown format '" + Out.cut(format) + "' (text, json, html, pdf, bpmn, mermaid)");
      };
      // --out writes the file for every format (written whole to a temporary file, then moved into place).
      if (outFile != null) {
        Path target = outFile.toAbsolutePath();
        try {
          Path tmp = Files.createTempFile(target.getParent(), ".jdih-sop-", ".tmp");
          try {
            Files.write(tmp, document);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(tmp);
          }
        } catch (java.io.IOException e) {
          throw Main.writeFailed("--out", target, e);
        }
        out.line("Dokumen SOP (%s) ditulis ke %s", "SOP document (%s) written to %s", format, outFile);
      } else if (format.equals("text")) {
        out.raw(new String(document, StandardCharsets.UTF_8));
      } else {
        out.out.print(new String(document, StandardCharsets.UTF_8));
      }
      return 0;
    }
  }

  /** {@code jdih sop lint [FILE]}. */
  @Command(name = "lint", mixinStandardHelpOptions = true)
  static final class Lint implements Callable<Integer> {
    @ParentCommand SopCommand parent;

    @Parameters(arity = "0..1", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
      Out out = parent.main.out;
      SopDefinition sop = file == null ? parent.main.home().sop() : new SopDefinitionJson().read(file);
      List<LintFinding> findings = SopLint.check(sop);
      out.line("SOP %s: %d temuan", findings.size() == 1 ? "SOP %s: %d finding" : "SOP %s: %d findings", sop.key(),
          findings.size());
      for (LintFinding f : findings) {
        out.raw("  " + f.describe(out.lang));
      }
      return findings.stream().anyMatch(f -> f.severity() == id.go.kpu.jdih.sop.lint.Severity.ERROR) ? 1 : 0;
    }
  }

  /**
   * {@code jdih sop new --office ID --name NAME --zone ZONE --out FILE}: a starting variant for an office's own SOP:
   * the reference definition with the office's id, name, unit and time zone, revision 0 (never revised), checked by
   * loading it back before it is put in place. An existing file is never overwritten.
   */
  @Command(name = "new", mixinStandardHelpOptions = true)
  static final class New implements Callable<Integer> {
    @ParentCommand SopCommand parent;

    @Option(names = "--office", required = true, paramLabel = "ID") String office;
    @Option(names = "--name", required = true, paramLabel = "NAME") String name;
    @Option(names = "--unit", paramLabel = "UNIT") String unit;
    @Option(names = "--zone", required = true, paramLabel = "WIB|WITA|WIT") String zone;
    @Option(names = "--out", required = true, paramLabel = "FILE") Path outFile;

    @Override
    public Integer call() throws Exception {
      Out out = parent.main.out;
      if (!office.matches(id.go.kpu.jdih.sop.SopKey.ID_PATTERN)) {
        throw new CliException("--office '" + Out.cut(office) + "' tidak sah: huruf kecil, angka dan tanda hubung, "
            + "misalnya kpu-kota-makassar", "--office '" + Out.cut(office) + "' is invalid: lower-case letters, "
            + "digits and hyphens, e.g. kpu-kota-makassar");
      }
      String officeName = requireText("--name", name);
      String officeUnit = unit == null ? "SEKRETARIAT " + officeName : requireText("--unit", unit);
      java.time.ZoneId zoneId = zone(zone);
      Path target = outFile.toAbsolutePath();
      if (Files.exists(target)) {
        throw new CliException("--out: berkas " + target + " sudah ada; pilih nama lain atau hapus dulu",
            "--out: the file " + target + " exists already; choose another name or remove it first");
      }
      SopDefinition reference = id.go.kpu.jdih.sop.ReferenceSop.definition();
      var identity = reference.identity();
      SopDefinition sop = reference.toBuilder()
          .office(new id.go.kpu.jdih.sop.Office(office, officeName, officeUnit, zoneId))
          .identity(new id.go.kpu.jdih.sop.SopIdentity(identity.number(), 0, identity.createdOn(),
              java.util.Optional.empty(), identity.approvedOn(), identity.approvedBy()))
          // The office's own document is made from this file: no footnote about the Mentawai document.
          .withoutAdditionsToSource()
          .build();
      SopDefinitionJson json = new SopDefinitionJson();
      try {
        Path tmp = Files.createTempFile(target.getParent(), ".jdih-sop-", ".tmp");
        try {
          Files.writeString(tmp, json.write(sop), StandardCharsets.UTF_8);
          json.read(tmp); // what is written loads back
          Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      } catch (java.io.IOException e) {
        throw Main.writeFailed("--out", target, e);
      }
      out.line("SOP baru %s ditulis ke %s", "New SOP %s written to %s", sop.key(), target);
      out.line("Berikutnya: sunting berkas itu, periksa dengan 'jdih sop lint %s', lalu salin ke <folder kerja>/sop.json",
          "Next: edit the file, check it with 'jdih sop lint %s', then copy it to <home>/sop.json", target);
      return 0;
    }

    private static String requireText(String option, String value) {
      if (value.isBlank()) {
        throw new CliException(option + " wajib diisi", option + " is required");
      }
      return Out.requirePrintable(option, value).strip();
    }

    static java.time.ZoneId zone(String zone) {
      return switch (zone.strip().toUpperCase(Locale.ROOT)) {
        case "WIB", "ASIA/JAKARTA" -> java.time.ZoneId.of("Asia/Jakarta");
        case "WITA", "ASIA/MAKASSAR" -> java.time.ZoneId.of("Asia/Makassar");
        case "WIT", "ASIA/JAYAPURA" -> java.time.ZoneId.of("Asia/Jayapura");
        default -> throw new CliException("--zone '" + Out.cut(zone) + "' tidak dikenal: pilih WIB (Asia/Jakarta), "
            + "WITA (Asia/Makassar) atau WIT (Asia/Jayapura)", "--zone '" + Out.cut(zone) + "' is unknown: choose "
            + "WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura)");
      };
    }
  }

  static String render(SopDefinition sop, Out out) {
    DateTimeFormatter date = out.lang == id.go.kpu.jdih.i18n.Language.EN ? DATE_EN : DATE; // month names too
    StringBuilder sb = new StringBuilder();
    sb.append(sop.office().name()).append('\n');
    sb.append("STANDAR OPERASIONAL PROSEDUR (SOP) ").append(sop.title()).append('\n');
    sb.append(out.t("Nomor SOP          : ", "SOP number         : ")).append(sop.identity().number()).append('\n');
    sb.append(out.t("Tanggal Pembuatan  : ", "Created on         : "))
        .append(date.format(sop.identity().createdOn())).append('\n');
    sb.append(out.t("Tanggal Revisi     : ", "Revised on         : "))
        .append(sop.identity().revisedOn().map(date::format).orElse("-")).append('\n');
    sb.append(out.t("Tanggal Pengesahan : ", "Approved on        : "))
        .append(date.format(sop.identity().approvedOn())).append('\n');
    sb.append(out.t("Disahkan Oleh      : ", "Approved by        : ")).append(sop.identity().approvedBy().position())
        .append(", ").append(sop.identity().approvedBy().name()).append(", NIP. ")
        .append(sop.identity().approvedBy().nip()).append('\n');
    list(sb, out.t("Dasar Hukum", "Legal basis"), sop.legalBasis());
    list(sb, out.t("Kualifikasi Pelaksana", "Executor qualifications"), sop.executorQualifications());
    list(sb, out.t("Keterkaitan", "Related SOPs"), sop.relatedSops());
    list(sb, out.t("Peralatan/Perlengkapan", "Equipment"),
        sop.equipment().stream().map(Equipment::name).toList());
    list(sb, out.t("Peringatan", "Warnings"), sop.warnings());
    sb.append(out.t("Pencatatan dan Pendataan: ", "Record keeping: ")).append(sop.recordKeeping()).append('\n');
    list(sb, out.t("Peran (id untuk 'jdih person add --role')", "Roles (ids for 'jdih person add --role')"),
        sop.roles().stream().map(r -> r.id().value() + ": " + r.name()).toList());
    sb.append(out.t("Platform: ", "Platforms: ")).append(sop.allowedPlatforms().stream()
        .map(id.go.kpu.jdih.content.Platform::displayName).collect(Collectors.joining(", "))).append("\n\n");
    sb.append(sop.flowchartTitle()).append('\n');
    for (Activity a : sop.activities()) {
      sb.append(String.format("%d. %s%n", a.number(), a.description()));
      sb.append(out.t("   Pelaksana  : ", "   Executor   : "))
          .append(sop.role(a.executor()).map(r -> r.name()).orElse(a.executor().value())).append('\n');
      sb.append(out.t("   Perintah   : jdih case ", "   Command    : jdih case ")).append(ActiveSopHelp.command(a.kind()))
          .append('\n');
      sb.append(out.t("   Kelengkapan: ", "   Inputs     : ")).append(a.quality().requirements().isEmpty() ? "-"
          : a.quality().requirements().stream().map(Requirement::name).collect(Collectors.joining(", "))).append('\n');
      sb.append(out.t("   Waktu      : ", "   Time       : "))
          .append(a.quality().time().map(t -> t.label().in(out.lang)).orElse("-")).append('\n');
      sb.append(out.t("   Output     : ", "   Output     : ")).append(a.quality().output().orElse("-")).append('\n');
      sb.append(out.t("   Lanjut     : ", "   Next       : ")).append(next(sop.transitionAfter(a.number()), out))
          .append('\n');
    }
    sb.append('\n').append(sop.signature().organisation()).append('\n').append(sop.signature().position())
        .append("\n\n").append(sop.signature().name());
    return sb.toString();
  }

  private static void list(StringBuilder sb, String heading, List<String> items) {
    sb.append(heading).append(":\n");
    if (items.isEmpty()) {
      sb.append("  -\n");
    }
    for (int i = 0; i < items.size(); i++) {
      sb.append("  ").append(i + 1).append(". ").append(items.get(i)).append('\n');
    }
  }

  private static String next(Transition t, Out out) {
    if (t instanceof Transition.Sequence s) {
      return target(s.next(), out);
    }
    return ((Transition.Decision) t).branches().stream().map((Branch b) -> b.outcome().label().in(out.lang) + " -> "
        + target(b.target(), out) + (b.additionToSeed() ? out.t(" (tambahan)", " (addition)") : ""))
        .collect(Collectors.joining("; "));
  }

  private static String target(Target t, Out out) {
    return t instanceof Target.ToActivity to ? out.t("kegiatan ", "activity ") + to.number() : out.t("Selesai", "End");
  }
}
