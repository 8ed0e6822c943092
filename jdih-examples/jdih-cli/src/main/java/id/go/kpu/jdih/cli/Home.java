package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.media.file.FileMediaStore;
import id.go.kpu.jdih.notify.DryRunNotifier;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.publish.PublisherClient;
import id.go.kpu.jdih.publish.dryrun.DryRunPublisher;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.file.FileStorage;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CLI's home folder: {@code jdih.properties} (which store), {@code people.json}, {@code db/} (the embedded H2
 * database, the default store) or {@code cases/}, {@code outbox/} and {@code notifications/} (the file store, with
 * {@code init --store file}), {@code media/}, {@code published/} (the dry-run publisher's output) and an optional
 * {@code sop.json} with the office's own SOP (the reference SOP otherwise).
 *
 * <p>Every command works through one {@link Jdih} runtime over the home's storage: the people file is its directory
 * (a NIP given with {@code --as} is the principal, and the roles are the ones in the file), the dry-run publisher
 * is every platform's client, and the dry-run notifier prints the notifications.
 */
final class Home implements AutoCloseable {
  final Path dir;
  final Clock clock;
  private SopRegistry registry;
  private SopDefinition sop;
  private Storage storage;
  private FileMediaStore media;
  private Jdih runtime;
  private Consumer<String> notices = line -> { };
  private Consumer<id.go.kpu.jdih.i18n.Text> waiting = text -> { };
  private HomeLock lock;

  Home(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  boolean initialised() {
    return Files.isRegularFile(dir.resolve("jdih.properties"));
  }

  /**
   * Sets the home up with the given store kind: {@code h2} (default) or {@code file}; empty keeps the kind of a home
   * set up before. Nothing is written unless everything checks: an unknown kind, another kind than the home has,
   * or a {@code sop.json} that does not load refuses the whole init; what this init created is removed if a write
   * fails.
   */
  void init(Optional<String> requested) throws IOException {
    String storeKind = requested.orElse(initialised() ? storeKind() : "h2");
    if (!storeKind.equals("h2") && !storeKind.equals("file")) {
      throw new CliException("Jenis penyimpanan '" + Out.cut(storeKind) + "' tidak dikenal (h2, file)",
          "Unknown store kind '" + Out.cut(storeKind) + "' (h2, file)");
    }
    if (initialised() && !storeKind().equals(storeKind)) {
      throw new CliException("Folder " + dir + " sudah memakai penyimpanan " + storeKind() + " dan tetap begitu;"
          + " berpindah ke " + storeKind + " tidak didukung", "Folder " + dir + " already uses the " + storeKind()
          + " store and stays on it; moving to " + storeKind + " is not supported");
    }
    sop(); // a sop.json that does not load refuses the init before anything is written
    java.util.List<Path> created = new java.util.ArrayList<>();
    try {
      for (Path folder : java.util.List.of(dir, dir.resolve("media"), dir.resolve("published"))) {
        if (!Files.isDirectory(folder)) {
          Files.createDirectories(folder);
          created.add(folder);
          restrict(folder, "rwx------");
        }
      }
      if (!initialised()) {
        Path properties = dir.resolve("jdih.properties");
        Files.writeString(properties, "# jdih home folder\nstore=" + storeKind + "\n");
        created.add(properties);
        restrict(properties, "rw-------");
      }
      requireSafe();
    } catch (IOException | RuntimeException e) {
      for (int i = created.size() - 1; i >= 0; i--) {
        Files.deleteIfExists(created.get(i));
      }
      throw e;
    }
  }

  void requireInit() {
    if (!initialised()) {
      throw new CliException("Folder " + dir + " belum disiapkan; jalankan 'jdih init' dulu",
          "Folder " + dir + " is not set up; run 'jdih init' first");
    }
    requireSafe();
  }

  /**
   * Refuses a home another user owns, or that others may write: whoever can write it can rewrite the people file
   * and the SOP. (A new home is made readable by its owner only: 0700, its settings 0600.) No check where the file
   * system has no POSIX permissions.
   */
  void requireSafe() {
    try {
      if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        return;
      }
      String owner = Files.getOwner(dir).getName();
      String me = System.getProperty("user.name");
      if (!owner.equals(me)) {
        throw new CliException("Folder " + dir + " milik " + owner + ", bukan " + me + "; ditolak",
            "Folder " + dir + " belongs to " + owner + ", not " + me + "; refused");
      }
      java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
          || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
        throw new CliException("Folder " + dir + " dapat ditulis orang lain ("
            + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); jalankan: chmod 700 " + dir,
            "Folder " + dir + " is writable by others (" + java.nio.file.attribute.PosixFilePermissions.toString(perms)
            + "); run: chmod 700 " + dir);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
    }
  }

  People people() {
    return new People(dir.resolve("people.json"));
  }

  SopDefinition sop() throws IOException {
    if (sop == null) {
      Path own = dir.resolve("sop.json");
      sop = Files.exists(own) ? readOwn(own) : ReferenceSop.definition();
    }
    return sop;
  }

  /** The home's own SOP; one that does not load is refused naming {@code sop.json} and how to check it. */
  private static SopDefinition readOwn(Path own) {
    try {
      return new SopDefinitionJson().read(own);
    } catch (id.go.kpu.jdih.error.JdihException e) {
      throw new CliException("SOP kantor " + own + " (sop.json) tidak dapat dimuat; periksa dengan 'jdih sop lint "
          + own + "': " + e.code() + ": " + e.message(id.go.kpu.jdih.i18n.Language.ID), "The office's SOP " + own
          + " (sop.json) cannot be loaded; check it with 'jdih sop lint " + own + "': " + e.code() + ": "
          + e.message(id.go.kpu.jdih.i18n.Language.EN), e);
    }
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
    String kind = p.getProperty("store", "h2").trim();
    if (!kind.equals("h2") && !kind.equals("file")) {
      throw new CliException(dir.resolve("jdih.properties") + ": store=" + kind + " tidak dikenal (h2 atau file)",
          dir.resolve("jdih.properties") + ": store=" + kind + " is unknown (h2 or file)");
    }
    return kind;
  }

  /** The home's storage: the H2 database in {@code db/}, or the files of the file store. */
  Storage storage() throws IOException {
    requireInit();
    if (storage == null) {
      String kind = storeKind();
      Path database = dir.resolve("db").resolve("jdih.mv.db");
      if (kind.equals("h2") && Files.exists(database) && Files.size(database) == 0) {
        // H2 would read an empty file as an empty database: every case would seem gone.
        throw new CliException("Basis data " + database + " rusak (0 bait); pulihkan dari cadangan",
            "The database " + database + " is damaged (0 bytes); restore it from a backup");
      }
      if (kind.equals("file")) {
        storage = FileStorage.open(dir); // the file store lets commands share the home: it locks each case
      } else {
        // H2 admits one process at a time: a second command waits for the first (bounded), not fails.
        HomeLock held = HomeLock.acquire(dir, HomeLock.WAIT, waiting);
        try {
          storage = JdbcStorage.h2File(dir.resolve("db"), registry()::find);
          lock = held;
        } catch (IOException | RuntimeException e) {
          held.close();
          throw e;
        }
      }
    }
    return storage;
  }

  /** Where to say that the command waits for another one on the same home. */
  void onWait(Consumer<id.go.kpu.jdih.i18n.Text> sink) {
    this.waiting = sink;
  }

  /** The case histories of the home's storage. */
  CaseStore store() throws IOException {
    return storage().cases();
  }

  /** Where the notifications the dry-run notifier "sends" are printed. */
  void printNotificationsTo(Consumer<String> sink) {
    this.notices = sink;
  }

  /** The runtime, without a publishing account: the uploads are recorded by {@code case publish --as}. */
  Jdih runtime() throws IOException {
    return runtime(Optional.empty());
  }

  /**
   * The runtime. One per command: {@code publishAs} is the person whose {@code case publish} delivers the posts and
   * is recorded as the upload's performer.
   */
  Jdih runtime(Optional<Principal> publishAs) throws IOException {
    if (runtime == null) {
      InMemoryPersonDirectory directory = new InMemoryPersonDirectory();
      for (People.Entry e : people().all()) {
        directory.put(e.contact());
      }
      Storage s = storage();
      LegacyNotifications.importInto(dir, s.notifications());
      Jdih.Builder b = Jdih.builder().definitions(registry()).newCasesUnder(sop().key()).storage(s).media(media())
          .actors(directory).clock(clock).calendar(calendar())
          .notifier(new DryRunNotifier(DryRunNotifier.CHANNEL, line -> notices.accept(line), false));
      DryRunPublisher.forAll(publishedDir(), clock)
          .forEach((platform, publisher) -> b.platform(PublisherClient.of(publisher, publishedDir().toUri())));
      publishAs.ifPresent(b::publishAs);
      runtime = b.build();
    }
    return runtime;
  }

  @Override
  public void close() {
    try {
      if (runtime != null) {
        Jdih r = runtime;
        runtime = null;
        storage = null;
        r.close(); // closes the storage too
      } else if (storage != null) {
        Storage s = storage;
        storage = null;
        s.close();
      }
    } finally {
      if (lock != null) {
        HomeLock held = lock;
        lock = null;
        held.close(); // after the database is closed
      }
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

  ComplianceChecker compliance() throws IOException {
    SopRegistry r = registry();
    return new ComplianceChecker(r::get, deadlines());
  }
}
