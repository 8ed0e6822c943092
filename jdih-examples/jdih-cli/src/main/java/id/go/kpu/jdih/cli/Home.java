package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.media.file.FileMediaStore;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.file.FileCaseStore;
import id.go.kpu.jdih.store.jdbc.JdbcCaseStore;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The CLI's home folder: {@code jdih.properties} (which store), {@code people.json}, {@code db/} (the embedded H2
 * database, the default store) or {@code cases/} (the file store, with {@code init --store file}), {@code media/},
 * {@code published/} (the dry-run publisher's output) and an optional {@code sop.json} with the office's own SOP
 * (the reference SOP otherwise).
 */
final class Home implements AutoCloseable {
  final Path dir;
  final Clock clock;
  private SopRegistry registry;
  private SopDefinition sop;
  private CaseStore store;
  private FileMediaStore media;

  Home(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  boolean initialised() {
    return Files.isRegularFile(dir.resolve("jdih.properties"));
  }

  /** Sets the home up with the given store kind: {@code h2} (default) or {@code file}. */
  void init(String storeKind) throws IOException {
    if (!storeKind.equals("h2") && !storeKind.equals("file")) {
      throw new CliException("Jenis penyimpanan '" + storeKind + "' tidak dikenal (h2, file)",
          "Unknown store kind '" + storeKind + "' (h2, file)");
    }
    Files.createDirectories(dir);
    if (!initialised()) {
      Files.writeString(dir.resolve("jdih.properties"), "# jdih home folder\nstore=" + storeKind + "\n");
    }
    Files.createDirectories(dir.resolve("media"));
    Files.createDirectories(dir.resolve("published"));
  }

  void requireInit() {
    if (!initialised()) {
      throw new CliException("Folder " + dir + " belum disiapkan; jalankan 'jdih init' dulu",
          "Folder " + dir + " is not set up; run 'jdih init' first");
    }
  }

  People people() {
    return new People(dir.resolve("people.json"));
  }

  SopDefinition sop() throws IOException {
    if (sop == null) {
      Path own = dir.resolve("sop.json");
      sop = Files.exists(own) ? new SopDefinitionJson().read(own) : ReferenceSop.definition();
    }
    return sop;
  }

  SopDefinition sopUnchecked() {
    try {
      return sop();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  SopRegistry registry() throws IOException {
    if (registry == null) {
      registry = SopRegistry.withReference();
      registry.register(sop());
    }
    return registry;
  }

  /** The store kind written by {@code init}. */
  String storeKind() throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(dir.resolve("jdih.properties"))) {
      p.load(in);
    }
    return p.getProperty("store", "h2").trim();
  }

  CaseStore store() throws IOException {
    requireInit();
    if (store == null) {
      store = storeKind().equals("file") ? new FileCaseStore(dir.resolve("cases"))
          : JdbcCaseStore.h2File(dir.resolve("db"), registry()::find);
    }
    return store;
  }

  @Override
  public void close() {
    if (store instanceof JdbcCaseStore c) {
      store = null;
      c.close();
    }
  }

  FileMediaStore media() throws IOException {
    requireInit();
    if (media == null) {
      media = new FileMediaStore(dir.resolve("media"));
    }
    return media;
  }

  Path publishedDir() {
    return dir.resolve("published");
  }

  WorkingCalendar calendar() throws IOException {
    return WorkingCalendar.defaults(sop().office().zone());
  }

  Deadlines deadlines() throws IOException {
    return new Deadlines(calendar());
  }

  CaseService service() throws IOException {
    return new CaseService(registry(), sop().key(), store(), clock, PlatformOutputRules.defaults());
  }

  id.go.kpu.jdih.notify.NotificationService notifications(java.util.function.Consumer<String> sink)
      throws Exception {
    return RemindCommand.build(this, sink);
  }

  ComplianceChecker compliance() throws IOException {
    SopRegistry r = registry();
    return new ComplianceChecker(r::get, deadlines());
  }
}
