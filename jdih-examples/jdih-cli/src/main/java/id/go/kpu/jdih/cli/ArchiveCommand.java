package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.archive.HardcopyPdf;
import id.go.kpu.jdih.archive.SoftcopyBundle;
import id.go.kpu.jdih.archive.VerifiedBundle;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.CaseHistory;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jdih archive ID --out DIR}: the SOP's "Pencatatan dan Pendataan" for one case: the softcopy original (a
 * verified ZIP with events, definition, media and a SHA-256 manifest) and the hardcopy original (a PDF to print and
 * sign).
 */
@Command(name = "archive", mixinStandardHelpOptions = true)
final class ArchiveCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "ID") String id;

  @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

  @Override
  public Integer call() throws Exception {
    Home home = main.home();
    home.requireInit();
    Out o = main.out;
    CaseId caseId = CaseCommands.caseId(id);
    CaseHistory history = CaseHistory.of(home.store().load(caseId), home.registry()::find).orElseThrow(
        () -> new CliException("Kasus " + id + " tidak ditemukan", "Case " + id + " not found"));
    List<RecordedEvent> events = history.events();
    SopDefinition sop = history.definition();
    Path zip = out.resolve(caseId.value() + ".zip");
    Path pdf = out.resolve(caseId.value() + ".pdf");
    VerifiedBundle bundle;
    Progress progress = new Progress(o, o.t("Mengarsipkan", "Archiving"), 2);
    try {
      Files.createDirectories(out);
      bundle = new SoftcopyBundle().writeCase(zip, sop, events, home.media());
      progress.step();
      new HardcopyPdf(home.deadlines(), home.clock).write(pdf, sop, events);
      progress.step();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      java.io.IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (java.io.IOException) e;
      String file = io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile()
          : out.toString();
      throw new CliException("Arsip kasus " + id + " tidak dapat ditulis ke --out " + out + " (" + file + "): "
          + Main.reason(io, Language.ID), "The archive of case " + id + " cannot be written to --out "
          + out + " (" + file + "): " + Main.reason(io, Language.EN), io);
    }
    progress.done();
    o.line("Arsip elektronik (softcopy): %s (%d berkas media, SHA-256 %s)",
        "Electronic archive (softcopy): %s (%d media files, SHA-256 %s)", zip, bundle.media().size(),
        bundle.bundleSha256());
    o.line("Naskah untuk dicetak dan ditandatangani (hardcopy): %s", "Document to print and sign (hardcopy): %s", pdf);
    return 0;
  }
}
