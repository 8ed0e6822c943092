package id.go.kpu.jdih.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.runtime.DocumentUpload;
import id.go.kpu.jdih.runtime.ImageUpload;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.time.TimeStatus;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.CommandResult;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jdih case ...}: each activity of the SOP as the acting person, and the views of cases. */
// Its subcommands are registered by Main.commandLine.
@Command(name = "case", mixinStandardHelpOptions = true)
final class CaseCommands {
  @ParentCommand Main main;

  /** Options every acting command has. */
  abstract static class Acting implements Callable<Integer> {
    @ParentCommand CaseCommands parent;

    @Option(names = "--as", required = true, paramLabel = "NIP")
    String as;

    @Option(names = "--command-id", paramLabel = "ID")
    String commandId;

    Home home;
    Out out;
    Jdih runtime;
    Cases.Acting actor;

    @Override
    public final Integer call() throws Exception {
      home = parent.main.home();
      home.requireInit();
      out = parent.main.out;
      Person person = home.people().find(as).orElseThrow(() -> new CliException(
          "Orang dengan NIP " + Out.cut(as) + " tidak terdaftar; tambahkan dengan 'jdih person add'",
          "No person with NIP " + Out.cut(as) + " is registered; add one with 'jdih person add'"));
      // The NIP is the principal; the roles come from the people file through the runtime's directory.
      Principal principal = Principal.of(person.nip());
      runtime = home.runtime(publishes() ? Optional.of(principal) : Optional.empty());
      actor = runtime.cases().as(principal);
      return act();
    }

    /** True for the command whose person is recorded as the upload's performer. */
    boolean publishes() {
      return false;
    }

    abstract Integer act() throws Exception;

    CommandId cmd() {
      return commandId == null ? CommandId.random() : CommandId.of(commandId);
    }

    CaseId existing(String id) {
      CaseId c = caseId(id);
      if (runtime.cases().find(c).isEmpty()) {
        throw new CliException("Kasus " + id + " tidak ditemukan", "Case " + id + " not found");
      }
      return c;
    }

    Integer report(CommandResult r) {
      ContentCase s = r.state();
      if (r.repeated()) {
        out.line("Perintah ini sudah dijalankan sebelumnya; tidak ada yang berubah.",
            "This command was applied before; nothing changed.");
      }
      String where = s.status() == CaseStatus.OPEN
          ? out.t("kini di kegiatan ", "now at activity ") + s.currentActivity().getAsInt()
          : s.status().label().in(out.lang);
      out.line("Kasus %s: %s (versi %d)", "Case %s: %s (version %d)", s.id(), where, s.version());
      return 0;
    }
  }

  /** {@code jdih case propose}. */
  @Command(name = "propose", mixinStandardHelpOptions = true)
  static final class Propose extends Acting {
    @Option(names = "--case", paramLabel = "ID") String caseId;
    @Option(names = "--title", required = true) String title;
    @Option(names = "--category", required = true, paramLabel = "produk-hukum|informasi-hukum") String category;
    @Option(names = "--material", paramLabel = "TEXT") String material;
    @Option(names = "--material-file", paramLabel = "FILE") Path materialFile;
    @Option(names = "--platform", required = true, paramLabel = "PLATFORM") List<String> platforms;
    @Option(names = "--product-number", paramLabel = "NOMOR") String productNumber;
    @Option(names = "--product-title", paramLabel = "JUDUL") String productTitle;
    @Option(names = "--product-form", paramLabel = "BENTUK") String productForm;
    @Option(names = "--product-year", paramLabel = "TAHUN") Integer productYear;

    @Override
    Integer act() throws Exception {
      Out.requirePrintable("--title", title);
      String text = material;
      if (materialFile != null) {
        text = readText(materialFile);
      }
      if (text == null) {
        throw new CliException("Materi wajib diisi: --material atau --material-file",
            "The material is required: --material or --material-file");
      }
      Optional<LegalProductRef> product = Optional.empty();
      if (productNumber != null) {
        if (productTitle == null || productForm == null || productYear == null) {
          throw new CliException("Produk hukum perlu --product-number, --product-title, --product-form dan "
              + "--product-year", "A legal product needs --product-number, --product-title, --product-form and "
              + "--product-year");
        }
        product = Optional.of(LegalProductRef.of("Peraturan Perundang-undangan", productTitle,
            "Komisi Pemilihan Umum", productNumber, productForm, productYear));
      }
      CaseId id = caseId == null ? CaseId.random() : caseId(caseId);
      CommandResult r = actor.propose(cmd(), id, new ContentProposal(title, category(category), text, product,
          platforms(platforms)));
      report(r);
      out.raw(id.value()); // the new case id, alone on the last line, for scripts
      return 0;
    }
  }

  /** {@code jdih case approve}. */
  @Command(name = "approve", mixinStandardHelpOptions = true)
  static final class Approve extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--note") String note;

    @Override
    Integer act() {
      return report(actor.approve(cmd(), existing(id), Optional.ofNullable(note)));
    }
  }

  /** {@code jdih case reject}. */
  @Command(name = "reject", mixinStandardHelpOptions = true)
  static final class Reject extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--reason", required = true) String reason;

    @Override
    Integer act() {
      return report(actor.reject(cmd(), existing(id), reason));
    }
  }

  /** {@code jdih case meeting}. */
  @Command(name = "meeting", mixinStandardHelpOptions = true)
  static final class MeetingCmd extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;
    @Option(names = "--attendee", required = true) List<String> attendees;
    @Option(names = "--conclusions", required = true) String conclusions;
    @Option(names = "--minutes", required = true, paramLabel = "FILE") Path minutes;
    @Option(names = "--equipment", paramLabel = "ID") List<String> equipment;
    @Option(names = "--all-equipment") boolean allEquipment;

    @Override
    Integer act() throws Exception {
      attendees.forEach(a -> Out.requirePrintable("--attendee", a)); // people's names, as person add's
      CaseId c = existing(id);
      DocumentUpload upload = DocumentUpload.of(minutes.getFileName().toString(), mediaTypeOf(minutes),
          bytes(minutes, DocumentUpload.MAX_BYTES));
      List<String> confirmed = new ArrayList<>(equipment == null ? List.of() : equipment);
      if (allEquipment) {
        ContentCase s = runtime.cases().get(c);
        s.currentActivity().ifPresent(n -> runtime.cases().definitionOf(c).activity(n).ifPresent(a -> a.quality()
            .requirements().stream().filter(r -> r instanceof Requirement.Tool)
            .map(r -> ((Requirement.Tool) r).equipmentId()).forEach(confirmed::add)));
      }
      LocalDate day = date == null ? LocalDate.now(home.clock.withZone(home.sop().office().zone())) : date;
      // The minutes are stored only if the meeting is accepted.
      return report(actor.recordMeeting(cmd(), c, day, attendees, conclusions, upload, Set.copyOf(confirmed)));
    }
  }

  /** {@code jdih case summarize}. */
  @Command(name = "summarize", mixinStandardHelpOptions = true)
  static final class Summarize extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--text", required = true) String text;

    @Override
    Integer act() {
      return report(actor.summarize(cmd(), existing(id), text));
    }
  }

  /** {@code jdih case design}. */
  @Command(name = "design", mixinStandardHelpOptions = true)
  static final class Design extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--file", required = true, paramLabel = "FILE") List<Path> files;

    @Override
    Integer act() throws Exception {
      CaseId c = existing(id);
      List<ImageUpload> images = new ArrayList<>();
      for (Path p : files) {
        images.add(image(p));
      }
      // The images are stored only if the design is accepted.
      return report(actor.uploadDesign(cmd(), c, images));
    }
  }

  /** {@code jdih case caption}. */
  @Command(name = "caption", mixinStandardHelpOptions = true)
  static final class CaptionCmd extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--text", required = true) String text;
    @Option(names = "--for", paramLabel = "PLATFORM=TEXT") Map<String, String> perPlatform;

    @Override
    Integer act() {
      Map<Platform, String> per = new EnumMap<>(Platform.class);
      if (perPlatform != null) {
        perPlatform.forEach((k, v) -> per.put(platform(k), v));
      }
      return report(actor.writeCaption(cmd(), existing(id), new Caption(text, ImmutableMap.copyOf(per))));
    }
  }

  /**
   * {@code jdih case publish}: delivers the case's publication intents (recorded by the runtime when the caption
   * made the case ready) through the dry-run publisher, each sent at most once, and records the posts as the person
   * running it, who must hold the upload activity's role.
   */
  @Command(name = "publish", mixinStandardHelpOptions = true)
  static final class Publish extends Acting {
    @Parameters(paramLabel = "ID") String id;

    @Override
    boolean publishes() {
      return true;
    }

    @Override
    Integer act() {
      CaseId c = existing(id);
      ContentCase s = runtime.cases().get(c);
      SopDefinition definition = runtime.cases().definitionOf(c);
      Person person = actor.person();
      boolean uploader = s.currentActivity().isPresent() && definition.activity(s.currentActivity().getAsInt())
          .map(a -> a.kind() == ActivityKind.PUBLICATION && person.holds(a.executor())).orElse(false);
      if (s.status() != CaseStatus.OPEN || s.caption().isEmpty() || s.pendingPlatforms().isEmpty() || !uploader) {
        // Let the library refuse it with its own clear reason (closed, out of order, wrong role, ...).
        return report(actor.recordPublication(cmd(), c, List.of()));
      }
      runtime.outbox().recover(c); // a case that reached its upload before this version recorded intents
      for (int round = 0; round < 10 && runtime.outbox().nextDueAt().filter(t -> !t.isAfter(home.clock.instant()))
          .isPresent(); round++) {
        runtime.outbox().deliverDue();
      }
      for (IntentState st : runtime.outbox().intents(c)) {
        out.line("  %s: %s%s", "  %s: %s%s", st.intent().platform().displayName(), st.status().label().in(out.lang),
            st.post().map(post -> " " + post.postId() + out.t(" (uji coba, tidak terbit sungguhan) -> ",
                " (dry run, not really published) -> ") + post.url()).orElse("")
                + st.problem().filter(pr -> st.status().waitsForPerson()).map(pr -> " (" + pr.code() + ": "
                + pr.text().in(out.lang) + ")").orElse(""));
      }
      return report(new CommandResult(runtime.cases().get(c), ImmutableList.of(), false));
    }
  }

  /** {@code jdih case withdraw}. */
  @Command(name = "withdraw", mixinStandardHelpOptions = true)
  static final class Withdraw extends Acting {
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--reason", required = true) String reason;

    @Override
    Integer act() {
      return report(actor.withdraw(cmd(), existing(id), reason));
    }
  }

  /** {@code jdih case show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @ParentCommand CaseCommands parent;
    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() throws Exception {
      Home home = parent.main.home();
      home.requireInit();
      Cases cases = home.runtime().cases();
      ContentCase c = cases.find(caseId(id)).orElseThrow(() -> new CliException(
          "Kasus " + id + " tidak ditemukan", "Case " + id + " not found"));
      parent.main.out.raw(Timeline.render(c, cases.definitionOf(c.id()), home.deadlines(), home.clock.instant(),
          parent.main.out));
      return 0;
    }
  }

  /** {@code jdih case list}. */
  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListCases implements Callable<Integer> {
    @ParentCommand CaseCommands parent;
    @Option(names = "--state", paramLabel = "open|published|withdrawn") String state;
    @Option(names = "--overdue") boolean overdue;

    @Override
    public Integer call() throws Exception {
      Home home = parent.main.home();
      home.requireInit();
      Out out = parent.main.out;
      Cases service = home.runtime().cases();
      CaseStatus wanted = state == null ? null : status(state);
      int shown = 0;
      int damaged = 0;
      try (Stream<CaseId> ids = home.store().caseIds()) {
        for (CaseId id : (Iterable<CaseId>) ids::iterator) {
          ContentCase c;
          try {
            c = service.get(id);
          } catch (id.go.kpu.jdih.error.JdihException | IllegalStateException | java.io.UncheckedIOException e) {
            // One damaged case is reported, and the others are still listed; the exit status says it.
            damaged++;
            out.err.println(Main.describe(e, out.lang) + out.t(" (kasus ", " (case ") + id + ")");
            continue;
          }
          if (wanted != null && c.status() != wanted) {
            continue;
          }
          var open = home.deadlines().open(c, service.definitionOf(id), home.clock.instant());
          boolean late = open.map(o -> o.status() == TimeStatus.OVERDUE).orElse(false);
          if (overdue && !late) {
            continue;
          }
          shown++;
          out.raw(String.format("%-36s  %-10s  %-8s  %s", id, c.status().label().in(out.lang),
              open.map(o -> out.t("keg. ", "act. ") + o.activity() + (late ? "!" : "")).orElse("-"),
              c.proposal().map(ContentProposal::title).orElse("")));
        }
      }
      out.line("%d kasus", shown == 1 ? "%d case" : "%d cases", shown);
      if (damaged > 0) {
        out.err.println(out.t(damaged + " kasus tidak dapat dibaca; lihat di atas",
            damaged + (damaged == 1 ? " case" : " cases") + " could not be read; see above"));
        return 1;
      }
      return 0;
    }
  }

  // ---- helpers ----

  static CaseId caseId(String id) {
    try {
      return CaseId.of(id);
    } catch (IllegalArgumentException e) {
      throw new CliException("Id kasus '" + Out.cut(id) + "' tidak sah", "Invalid case id '" + Out.cut(id) + "'");
    }
  }

  static CaseStatus status(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "open", "berjalan" -> CaseStatus.OPEN;
      case "published", "terbit" -> CaseStatus.PUBLISHED;
      case "withdrawn", "dibatalkan" -> CaseStatus.WITHDRAWN;
      default -> throw new CliException("Status '" + Out.cut(s) + "' tidak dikenal (open, published, withdrawn)",
          "Unknown state '" + Out.cut(s) + "' (open, published, withdrawn)");
    };
  }

  static ContentCategory category(String s) {
    return switch (s.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-')) {
      case "produk-hukum" -> ContentCategory.PRODUK_HUKUM;
      case "informasi-hukum" -> ContentCategory.INFORMASI_HUKUM;
      default -> throw new CliException("Kategori '" + Out.cut(s) + "' tidak dikenal (produk-hukum, informasi-hukum)",
          "Unknown category '" + Out.cut(s) + "' (produk-hukum, informasi-hukum)");
    };
  }

  static Platform platform(String s) {
    try {
      return Platform.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException("Platform '" + Out.cut(s) + "' tidak dikenal (instagram, facebook, threads, x, telegram)",
          "Unknown platform '" + Out.cut(s) + "' (instagram, facebook, threads, x, telegram)");
    }
  }

  static ImmutableSet<Platform> platforms(List<String> names) {
    return names.stream().map(CaseCommands::platform).collect(ImmutableSet.toImmutableSet());
  }

  static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("Berkas " + file + " tidak dapat dibaca: " + e.getMessage(),
          "Cannot read the file " + file + ": " + e.getMessage(), e);
    }
  }

  static String mediaTypeOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    } else if (name.endsWith(".png")) {
      return "image/png";
    } else if (name.endsWith(".txt") || name.endsWith(".md")) {
      return "text/plain";
    } else if (name.endsWith(".docx")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    return "application/octet-stream";
  }

  static void requireReadable(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliException("Berkas " + file + " tidak ada atau tidak dapat dibaca",
          "The file " + file + " is missing or unreadable");
    }
  }

  /** The file's bytes, refused (before anything is stored) if it is missing or larger than {@code max}. */
  static byte[] bytes(Path file, int max) throws IOException {
    requireReadable(file);
    if (Files.size(file) > max) {
      throw new CliException("Berkas " + file + " lebih dari " + max + " bita", "The file " + file + " is larger than "
          + max + " bytes");
    }
    return Files.readAllBytes(file);
  }

  /** An image upload: its bytes, with its pixel size and type read by the JDK's image readers. */
  static ImageUpload image(Path file) throws IOException {
    requireReadable(file);
    String type;
    int width;
    int height;
    try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
      var readers = iis == null ? null : ImageIO.getImageReaders(iis);
      if (readers == null || !readers.hasNext()) {
        throw new CliException("Berkas " + file + " bukan gambar yang dapat dibaca (JPEG, PNG, GIF)",
            "The file " + file + " is not a readable image (JPEG, PNG, GIF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis);
        width = reader.getWidth(0);
        height = reader.getHeight(0);
        type = "image/" + reader.getFormatName().toLowerCase(Locale.ROOT).replace("jpg", "jpeg");
      } finally {
        reader.dispose();
      }
    }
    return ImageUpload.of(type, bytes(file, ImageUpload.MAX_BYTES), width, height);
  }
}
