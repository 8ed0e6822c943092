package id.go.kpu.jdih.server.web;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.CaptionCounting;
import id.go.kpu.jdih.publish.PlatformRuleBook;
import id.go.kpu.jdih.publish.PlatformRules;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.time.Coverage;
import id.go.kpu.jdih.validation.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import id.go.kpu.jdih.runtime.DocumentUpload;
import id.go.kpu.jdih.runtime.ImageUpload;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.api.Access;
import id.go.kpu.jdih.server.api.Idempotency;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.time.TimeStatus;
import id.go.kpu.jdih.workflow.ActivityRun;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.CommandResult;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * <em>Kasus</em>: a case's timeline and the form of its current activity, shown only to a person holding the
 * activity's role; and the proposal form ({@code /kasus/baru}, and prefilled on a rejected case for its
 * resubmission). Each form carries an idempotency key made when it was rendered: the runtime's command id is
 * {@code web:<key>}, so a form sent twice is applied once. A refusal renders the form again with the person's input
 * and each error next to its field, with the stable {@code JDIH-*} code; the runtime saves all or nothing.
 *
 * <p>The page also shows: the proposal's legal product (JDIHN metadata, validated by the library); the design's
 * images through {@code /kasus/{id}/berkas/{ref}} (the case's office only) with each target platform's verdict
 * ({@link PlatformRules#checkMedia}); the caption's live count per target platform (estimated by the page's script,
 * X weighted; judged by the library on submit, each platform's verdict next to the field); the upload status per
 * platform from the outbox, with the answers to "needs confirmation" for the upload role; the withdrawal form for
 * the SOP's withdrawal role; and a warning when the open activity's deadline was counted over a year the holiday
 * calendar does not cover. The verdicts use the built-in rule book, which is what the server's runtime checks with.
 */
@Controller
class CasePages {
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

  /** The rules the runtime checks designs and captions with (the server builds its runtime with the defaults). */
  private static final PlatformRuleBook RULES = PlatformRuleBook.defaults();

  private final Pages pages;
  private final Problems problems;
  private final Jdih jdih;
  private final Access access;
  private final Idempotency idempotency;
  private final JdbcClient db;

  CasePages(Pages pages, Problems problems, Jdih jdih, Access access, Idempotency idempotency, JdbcClient db) {
    this.pages = pages;
    this.problems = problems;
    this.jdih = jdih;
    this.access = access;
    this.idempotency = idempotency;
    this.db = db;
  }

  /** A row of the timeline. */
  record Row(int activity, String name, String role, String doneBy, Instant availableAt, Optional<Instant> due,
      Optional<Instant> completedAt, Optional<Text> outcome, TimeStatus status, Coverage coverage) {
    /** Whether the row is a rejection. */
    public boolean rejected() {
      return outcome.isPresent() && outcome.get().equals(REJECTED);
    }
  }

  private static final Text APPROVED = Text.of("disetujui", "approved");
  private static final Text REJECTED = Text.of("ditolak", "rejected");

  /** An equipment checkbox of the meeting form. */
  record Tool(String id, String name) {}

  /** A target platform's verdict on the design or the caption: accepted, or refused with the reasons. */
  record Verdict(Platform platform, List<String> reasons) {
    /** Whether the platform accepts it. */
    public boolean ok() {
      return reasons.isEmpty();
    }
  }

  /** A live counter of the caption form: how {@code platform} counts ({@link CaptionCounting}) and its limit. */
  record Counter(Platform platform, String counting, int limit) {}

  /**
   * Where the publication on one target platform stands: {@code posted}, {@code failed}, {@code waiting} or
   * {@code confirm} (needs a person's answer), with the outbox's own status label.
   */
  record Publication(Platform platform, String state, Text label, Optional<String> url,
      Optional<Instant> publishedAt, Optional<String> code, Optional<Text> problem, Optional<Instant> next) {
    /** Whether the outbox waits for a person's answer. */
    public boolean needsConfirmation() {
      return state.equals("confirm");
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Pages

  @GetMapping("/kasus/baru")
  String proposeForm(Model model) {
    PersonRecord p = pages.me(Scope.CASES_WRITE);
    SopDefinition sop = pages.currentSop(p.officeId());
    TasksController.common(model, p, sop);
    model.addAttribute("key", UUID.randomUUID().toString());
    model.addAttribute("values", Map.of("category", "INFORMASI_HUKUM", "platforms", "INSTAGRAM"));
    model.addAttribute("errors", FormErrors.none());
    proposalChoices(model, sop);
    return "propose";
  }

  @GetMapping("/kasus/{id}")
  String page(@PathVariable String id, Model model) {
    PersonRecord p = pages.me(Scope.CASES_READ);
    ContentCase c = pages.visible(p, id);
    return render(p, c, model, Map.of(), FormErrors.none(), UUID.randomUUID().toString());
  }

  // ---------------------------------------------------------------------------------------------------------
  // Commands

  @PostMapping("/kasus/baru")
  String propose(@RequestParam String key, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String material,
      @RequestParam(required = false) List<String> platforms, HttpServletRequest request, Model model,
      HttpServletResponse response) {
    PersonRecord p = pages.me(Scope.CASES_WRITE);
    SopDefinition sop = pages.currentSop(p.officeId());
    Map<String, String> legal = legalValues(request);
    Map<String, String> values = proposalValues(title, category, material, platforms, legal);
    try {
      String k = key(key);
      SopKey sopKey = sop.key();
      CaseId caseId = Idempotency.caseIdFor(p.officeId(), "web:" + k);
      ContentProposal proposal = proposal(title, category, material, platforms, legal);
      CommandResult r = pages.acting().propose(CommandId.of("web:" + k), caseId, sopKey, proposal);
      return "redirect:/kasus/" + r.state().id().value();
    } catch (JdihException e) {
      Problems.Problem problem = problems.of(e, language(model));
      response.setStatus(problem.status());
      TasksController.common(model, p, sop);
      model.addAttribute("key", key);
      model.addAttribute("values", values);
      model.addAttribute("errors", FormErrors.of(problem, PROPOSAL_FIELDS, language(model)));
      model.addAttribute("here", "/kasus/baru");
      proposalChoices(model, sop);
      return "propose";
    }
  }

  @PostMapping("/kasus/{id}/usul")
  String resubmit(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String material, @RequestParam(required = false) List<String> platforms,
      HttpServletRequest request, Model model, HttpServletResponse response) {
    Map<String, String> legal = legalValues(request);
    return command(id, key, version, model, response, proposalValues(title, category, material, platforms, legal),
        PROPOSAL_FIELDS, (cmd, caseId) -> pages.acting().propose(cmd, caseId,
            proposal(title, category, material, platforms, legal)));
  }

  @PostMapping("/kasus/{id}/setujui")
  String approve(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String note, Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, Map.of("note", note), List.of("note"),
        (cmd, caseId) -> pages.acting().approve(cmd, caseId, Optional.of(note.strip()).filter(n -> !n.isEmpty())));
  }

  @PostMapping("/kasus/{id}/tolak")
  String reject(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, Map.of("reason", reason), List.of("reason"),
        (cmd, caseId) -> pages.acting().reject(cmd, caseId, required("reason", reason, 2_000)));
  }

  @PostMapping("/kasus/{id}/rapat")
  String meeting(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String attendees,
      @RequestParam(defaultValue = "") String conclusions, @RequestParam(required = false) List<String> equipment,
      @RequestParam(required = false) MultipartFile minutes, Model model, HttpServletResponse response) {
    Map<String, String> values = new HashMap<>(Map.of("date", date, "attendees", attendees,
        "conclusions", conclusions, "equipment", equipment == null ? "" : String.join(",", equipment)));
    return command(id, key, version, model, response, values,
        List.of("date", "attendees", "conclusions", "equipment", "minutes"), (cmd, caseId) -> {
          LocalDate day;
          try {
            day = LocalDate.parse(required("date", date, 10));
          } catch (DateTimeException e) {
            throw ServerException.badField("date", "Date", Text.of("tanggal tidak sah", "not a valid date"));
          }
          List<String> people = Arrays.stream(attendees.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
              .toList();
          if (people.isEmpty() || people.size() > 50 || people.stream().anyMatch(s -> s.length() > 200)) {
            throw ServerException.badField("attendees", "Size", Text.of(
                "tulis 1 sampai 50 nama peserta, satu per baris", "write 1 to 50 attendees, one per line"));
          }
          String text = required("conclusions", conclusions, 20_000);
          if (minutes == null || minutes.isEmpty()) {
            throw ServerException.badField("minutes", "NotNull", Text.of("unggah berkas notulen rapat",
                "upload the minutes file"));
          }
          byte[] file = bytes(minutes);
          String name = Optional.ofNullable(minutes.getOriginalFilename()).filter(n -> !n.isBlank())
              .map(n -> n.length() > 200 ? n.substring(0, 200) : n).orElse("notulen");
          String type = Optional.ofNullable(minutes.getContentType()).orElse("application/octet-stream");
          return pages.acting().recordMeeting(cmd, caseId, day, people, text, DocumentUpload.of(name, type, file),
              equipment == null ? new HashSet<>() : new HashSet<>(equipment));
        });
  }

  @PostMapping("/kasus/{id}/rangkuman")
  String summary(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String summary, Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, Map.of("summary", summary), List.of("summary"),
        (cmd, caseId) -> pages.acting().summarize(cmd, caseId, required("summary", summary, 20_000)));
  }

  @PostMapping("/kasus/{id}/desain")
  String design(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(required = false) List<MultipartFile> images, Model model, HttpServletResponse response) {
    // The library names the files "items[i]": each platform's verdict lists those errors next to the field.
    return command(id, key, version, model, response, Map.of(), List.of("images", "design", "items"), (cmd, caseId) -> {
      List<MultipartFile> files = images == null ? List.of() : images.stream().filter(f -> !f.isEmpty()).toList();
      if (files.isEmpty() || files.size() > 20) {
        throw ServerException.badField("images", "Size", Text.of("unggah 1 sampai 20 gambar JPEG atau PNG",
            "upload 1 to 20 JPEG or PNG images"));
      }
      List<ImageUpload> uploads = new ArrayList<>();
      List<MediaItem> items = new ArrayList<>();
      for (MultipartFile f : files) {
        byte[] b = bytes(f);
        int[] size = imageSize(b);
        String type = Optional.ofNullable(f.getContentType()).orElse("");
        uploads.add(ImageUpload.of(type, b, size[0], size[1]));
        items.add(new MediaItem("upload-" + items.size(), type.isBlank() ? "application/octet-stream"
            : type.toLowerCase(Locale.ROOT), size[0], size[1], b.length, Hashing.sha256().hashBytes(b).toString()));
      }
      // What each target platform says about these files, shown next to the field if the library refuses them.
      model.addAttribute("uploadVerdicts", verdicts(targets(caseId),
          pl -> RULES.rules(pl).checkMedia(items, "design"), language(model)));
      return pages.acting().uploadDesign(cmd, caseId, uploads);
    });
  }

  @PostMapping("/kasus/{id}/keterangan")
  String caption(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String text, Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, Map.of("text", text), List.of("text", "caption"),
        (cmd, caseId) -> pages.acting().writeCaption(cmd, caseId,
            new Caption(required("text", text, 10_000), ImmutableMap.of())));
  }

  @PostMapping("/kasus/{id}/tugas")
  String task(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String result, Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, Map.of("result", result), List.of("result"),
        (cmd, caseId) -> pages.acting().completeTask(cmd, caseId, required("result", result, 20_000)));
  }

  @PostMapping("/kasus/{id}/batalkan")
  String withdraw(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, Map.of("withdrawReason", reason), List.of("withdrawReason"),
        (cmd, caseId) -> pages.acting().withdraw(cmd, caseId, required("withdrawReason", reason, 2_000)));
  }

  /**
   * A person's answer for a publication the outbox cannot tell about ("needs confirmation"), as
   * {@code POST /api/v1/offices/{office}/cases/{id}/publications/{platform}/confirm} does: {@code posted=true} with
   * the post's address (and its id, else the address's last part) records the post; {@code posted=false} sends it
   * again. Only a holder of the upload activity's role answers; the form's key makes a repeated form a no-op.
   */
  @PostMapping("/kasus/{id}/terbit/{platform}")
  String confirm(@PathVariable String id, @PathVariable String platform, @RequestParam String key,
      @RequestParam(defaultValue = "") String posted, @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String postId, Model model, HttpServletResponse response) {
    PersonRecord p = pages.me(Scope.CASES_WRITE);
    ContentCase c = pages.visible(p, id);
    Map<String, String> values = Map.of("confirmPlatform", platform.length() > 20 ? "" : platform, "url", url,
        "postId", postId);
    try {
      String k = "web:" + key(key);
      Platform pl = Arrays.stream(Platform.values()).filter(x -> x.name().equals(platform)).findFirst()
          .orElseThrow(() -> ServerException.badField("platform", "Pattern", Text.of("platform tidak dikenal",
              "unknown platform")));
      SopDefinition sop = pages.sopOf(c);
      if (!uploader(p, sop)) {
        throw new ServerException(ServerException.Kind.FORBIDDEN, Text.of(
            "Hanya pemegang peran kegiatan unggah yang boleh menjawab",
            "Only a holder of the upload activity's role may answer"));
      }
      boolean yes = posted.equals("true");
      if (!yes && !posted.equals("false")) {
        throw ServerException.badField("posted", "NotNull", Text.of("pilih jawaban", "choose an answer"));
      }
      URI link = null;
      String pid = "";
      if (yes) {
        link = postUrl(url);
        pid = postId.strip().isEmpty() ? lastSegment(link) : postId.strip();
        if (pid.length() > 200) {
          throw ServerException.badField("postId", "Size", Text.of("paling banyak 200 karakter",
              "at most 200 characters"));
        }
      }
      boolean seen = db.sql("SELECT COUNT(*) FROM jdih_idempotency WHERE office_id = ? AND idem_key = ?")
          .params(p.officeId(), k).query(Long.class).single() > 0;
      idempotency.claim(p.officeId(), Optional.of(k), c.id(), "POST", "/kasus/" + c.id().value() + "/terbit/"
          + pl.name(), (posted + "\n" + url + "\n" + postId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (!seen) { // the same form sent again: answered already
        IntentState intent = jdih.outbox().intents(c.id()).stream().filter(s -> s.intent().platform() == pl)
            .max(Comparator.comparingInt(s -> s.intent().round()))
            .filter(s -> s.status() == IntentStatus.NEEDS_CONFIRMATION)
            .orElseThrow(() -> new ServerException(ServerException.Kind.CONFLICT, Text.of(
                "Tidak ada unggahan %s yang perlu konfirmasi pada kasus ini",
                "No %s publication of this case needs confirmation").format(pl.displayName())));
        if (yes) {
          jdih.outbox().confirmPublished(access.caller().principal(), intent.id(), pid, link, pages.now());
        } else {
          jdih.outbox().confirmNotPublished(access.caller().principal(), intent.id());
        }
      }
      return "redirect:/kasus/" + c.id().value() + "#publications";
    } catch (JdihException e) {
      Problems.Problem problem = problems.of(e, language(model));
      response.setStatus(problem.status());
      // A fresh key: the answer was not given, and the key may have been claimed.
      return render(p, pages.visible(p, id), model, values, FormErrors.of(problem, List.of("url", "postId",
          "posted"), language(model)), UUID.randomUUID().toString());
    }
  }

  /**
   * A file of the case (a design image or the meeting's minutes) for a person of the case's office; another office's
   * person is refused like for the case page. Images are shown inline; the minutes are a download.
   */
  @GetMapping("/kasus/{id}/berkas/{ref}")
  ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String ref) throws IOException {
    PersonRecord p = pages.me(Scope.CASES_READ);
    ContentCase c = pages.visible(p, id);
    Optional<MediaItem> image = c.design().stream().filter(m -> m.fileRef().equals(ref)).findFirst();
    Optional<DocumentRef> document = c.meeting().map(m -> m.minutes()).filter(d -> d.fileRef().equals(ref));
    if (image.isEmpty() && document.isEmpty()) {
      throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of("Berkas itu bukan bagian kasus ini",
          "That file is not part of this case"));
    }
    byte[] bytes;
    try (java.io.InputStream in = jdih.media().open(ref)) {
      bytes = in.readAllBytes();
    }
    // Content-addressed, so it never changes; private: only for the office's people.
    ResponseEntity.BodyBuilder b = ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
    if (image.isPresent()) {
      return b.contentType(MediaType.parseMediaType(image.get().mediaType())).body(bytes);
    }
    return b.contentType(MediaType.APPLICATION_OCTET_STREAM).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(document.get().name(), java.nio.charset.StandardCharsets.UTF_8)
            .build().toString()).body(bytes);
  }

  // ---------------------------------------------------------------------------------------------------------

  private static final List<String> LEGAL_FIELDS = List.of("documentType", "title", "issuingBody", "number", "form",
      "year");
  // As the API bounds them (Requests.LegalProduct).
  private static final Map<String, Integer> LEGAL_MAX = Map.of("documentType", 100, "title", 500, "issuingBody",
      200, "number", 50, "form", 100, "year", 4);
  // The legal product's fields first: "proposal.legalProduct.title" is theirs, not the proposal's title.
  private static final List<String> PROPOSAL_FIELDS = List.of("legalProduct.documentType", "legalProduct.title",
      "legalProduct.issuingBody", "legalProduct.number", "legalProduct.form", "legalProduct.year", "legalProduct",
      "title", "category", "material", "platforms");

  private String command(String id, String key, long version, Model model, HttpServletResponse response,
      Map<String, String> values, List<String> fields, BiFunction<CommandId, CaseId, CommandResult> run) {
    PersonRecord p = pages.me(Scope.CASES_WRITE);
    ContentCase c = pages.visible(p, id);
    try {
      CommandId command = CommandId.of("web:" + key(key));
      if (c.hasApplied(command)) {
        return "redirect:/kasus/" + c.id().value(); // the same form sent again: done already
      }
      if (version != c.version()) {
        throw new ServerException(ServerException.Kind.VERSION_MISMATCH, Text.of(
            "Kasus sudah diubah orang lain sejak halaman ini dibuka; periksa lalu kirim lagi",
            "Someone changed the case since this page was opened; check it and send again"));
      }
      CommandResult result = run.apply(command, c.id());
      return "redirect:/kasus/" + result.state().id().value();
    } catch (JdihException e) {
      Problems.Problem problem = problems.of(e, language(model));
      response.setStatus(problem.status());
      ContentCase now = pages.visible(p, id);
      // After a change by someone else the form starts from the case as it is now, with a fresh key.
      String nextKey = now.version() == c.version() ? key : UUID.randomUUID().toString();
      return render(p, now, model, values, FormErrors.of(problem, fields, language(model)), nextKey);
    }
  }

  private static id.go.kpu.jdih.i18n.Language language(Model model) {
    return ((Ui) model.getAttribute("ui")).language();
  }

  private String render(PersonRecord p, ContentCase c, Model model, Map<String, String> values, FormErrors errors,
      String key) {
    SopDefinition sop = pages.sopOf(c);
    Deadlines deadlines = pages.deadlines(sop.office().id());
    Instant now = pages.now();
    List<Row> rows = new ArrayList<>();
    for (ActivityRun r : c.runs()) {
      Activity a = sop.activity(r.activity()).orElseThrow();
      Optional<Instant> due = deadlines.due(a, r.availableAt());
      boolean late = due.map(d -> r.completedAt().isAfter(d)).orElse(false);
      rows.add(new Row(r.activity(), a.description(), TasksController.roleName(sop, a), r.actor().name(),
          r.availableAt(), due, Optional.of(r.completedAt()),
          r.outcome().map(o -> o == id.go.kpu.jdih.sop.Outcome.REJECTED ? REJECTED : APPROVED),
          due.isEmpty() ? TimeStatus.NO_STANDARD : late ? TimeStatus.OVERDUE : TimeStatus.ON_TIME,
          Coverage.covered()));
    }
    Optional<OpenActivity> open = c.status() == CaseStatus.OPEN ? deadlines.open(c, sop, now) : Optional.empty();
    Optional<Activity> current = open.flatMap(o -> sop.activity(o.activity()));
    open.ifPresent(o -> rows.add(new Row(o.activity(), current.get().description(),
        TasksController.roleName(sop, current.get()), "", o.availableAt(), o.due(), Optional.empty(),
        Optional.empty(), o.status(), o.coverage())));
    boolean mayAct = current.isPresent() && p.roles().contains(current.get().executor());
    String form = current.filter(a -> mayAct).map(a -> a.kind().name()).orElse("");
    Map<String, String> v = new HashMap<>(values);
    if (form.equals("PROPOSAL") && values.isEmpty() && c.proposal().isPresent()) {
      ContentProposal old = c.proposal().get();
      v.putAll(proposalValues(old.title(), old.category().name(), old.material(),
          old.platforms().stream().map(Platform::name).toList(), legalValues(old.legalProduct())));
    }
    if (form.equals("MEETING") && values.isEmpty()) {
      v.put("date", LocalDate.ofInstant(now, sop.office().zone()).toString());
    }
    TasksController.common(model, p, pages.currentSop(p.officeId()));
    model.addAttribute("zone", sop.office().zone());
    model.addAttribute("c", c);
    model.addAttribute("title", Pages.title(c));
    model.addAttribute("rows", rows);
    model.addAttribute("current", current.orElse(null));
    model.addAttribute("currentRole", current.map(a -> TasksController.roleName(sop, a)).orElse(""));
    model.addAttribute("form", form);
    model.addAttribute("key", key);
    model.addAttribute("values", v);
    model.addAttribute("errors", errors);
    model.addAttribute("here", "/kasus/" + c.id().value());
    model.addAttribute("tools", current.map(a -> tools(sop, a)).orElse(List.of()));
    model.addAttribute("captionLimit", captionLimit(c));
    model.addAttribute("mediaBase", "/kasus/" + c.id().value() + "/berkas/");
    proposalChoices(model, sop);
    id.go.kpu.jdih.i18n.Language lang = language(model);
    List<Platform> targets = c.proposal().map(pr -> List.copyOf(pr.platforms())).orElse(List.of());
    model.addAttribute("designVerdicts", c.design().isEmpty() ? List.of()
        : verdicts(targets, pl -> RULES.rules(pl).checkMedia(c.design(), "design"), lang));
    model.addAttribute("captionVerdicts", c.caption().map(cap -> verdicts(targets,
        pl -> RULES.rules(pl).checkCaption(cap.textFor(pl), "caption"), lang)).orElse(List.of()));
    model.addAttribute("counters", targets.stream().map(pl -> new Counter(pl,
        RULES.rules(pl).captionCounting().name(), RULES.rules(pl).captionMaxLength())).toList());
    String sent = values.get("text");
    model.addAttribute("sentVerdicts", form.equals("CAPTION") && sent != null && !sent.isBlank()
        ? verdicts(targets, pl -> RULES.rules(pl).checkCaption(sent.strip(), "caption"), lang) : List.of());
    if (!model.containsAttribute("uploadVerdicts")) {
      model.addAttribute("uploadVerdicts", List.of());
    }
    model.addAttribute("publications", publications(c));
    model.addAttribute("mayConfirm", uploader(p, sop));
    model.addAttribute("mayWithdraw", c.status() == CaseStatus.OPEN
        && sop.flow().withdrawalRole().map(p.roles()::contains).orElse(false));
    model.addAttribute("openCoverage", open.map(OpenActivity::coverage).orElse(Coverage.covered()));
    return "case";
  }

  /** Each target platform's verdict: the violations {@code check} finds for it, in {@code lang}. */
  private static List<Verdict> verdicts(List<Platform> targets,
      java.util.function.Function<Platform, List<Violation>> check, id.go.kpu.jdih.i18n.Language lang) {
    return targets.stream().sorted().map(pl -> new Verdict(pl, check.apply(pl).stream()
        .map(v -> v.message().in(lang)).toList())).toList();
  }

  private List<Platform> targets(CaseId caseId) {
    return pages.acting().find(caseId).flatMap(ContentCase::proposal).map(pr -> List.copyOf(pr.platforms()))
        .orElse(List.of());
  }

  /** Whether {@code p} holds the role of an upload activity of {@code sop}: who answers for a publication. */
  private static boolean uploader(PersonRecord p, SopDefinition sop) {
    Set<RoleId> roles = sop.activities().stream().filter(a -> a.kind() == ActivityKind.PUBLICATION)
        .map(Activity::executor).collect(Collectors.toSet());
    return p.roles().stream().anyMatch(roles::contains);
  }

  /** The latest round of each target platform's publication, and posts recorded by hand without one. */
  private List<Publication> publications(ContentCase c) {
    Map<Platform, IntentState> latest = new java.util.EnumMap<>(Platform.class);
    for (IntentState s : jdih.outbox().intents(c.id())) {
      latest.merge(s.intent().platform(), s, (a, b) -> b.intent().round() >= a.intent().round() ? b : a);
    }
    List<Publication> out = new ArrayList<>();
    for (Platform pl : Platform.values()) {
      IntentState s = latest.get(pl);
      Optional<id.go.kpu.jdih.workflow.PlatformPost> posted = Optional.ofNullable(c.posts().get(pl));
      if (s == null) { // a post recorded by hand, outside the outbox
        posted.ifPresent(x -> out.add(new Publication(pl, "posted", IntentStatus.PUBLISHED.label(),
            Optional.of(x.url().toString()), Optional.of(x.publishedAt()), Optional.empty(), Optional.empty(),
            Optional.empty())));
        continue;
      }
      String state = s.status() == IntentStatus.PUBLISHED ? "posted" : s.status() == IntentStatus.FAILED ? "failed"
          : s.status() == IntentStatus.NEEDS_CONFIRMATION ? "confirm" : "waiting";
      out.add(new Publication(pl, state, s.status().label(),
          s.post().map(x -> x.url().toString()).or(() -> posted.map(x -> x.url().toString())),
          s.post().map(x -> x.publishedAt()).or(() -> posted.map(x -> x.publishedAt())),
          s.problem().map(x -> x.code()), s.problem().map(x -> x.text()),
          s.status().isFinal() ? Optional.empty() : s.dueAt()));
    }
    return out;
  }

  private static List<Tool> tools(SopDefinition sop, Activity a) {
    Map<String, String> names = new LinkedHashMap<>();
    sop.equipment().forEach(e -> names.put(e.id(), e.name()));
    List<Tool> out = new ArrayList<>();
    for (Requirement r : a.quality().requirements()) {
      if (r instanceof Requirement.Tool t) {
        out.add(new Tool(t.equipmentId(), names.getOrDefault(t.equipmentId(), t.name())));
      }
    }
    return out;
  }

  /** The strictest caption limit of the case's platforms for a post with its design. */
  private static int captionLimit(ContentCase c) {
    int media = Math.max(1, c.design().size());
    return c.proposal().map(p -> p.platforms().stream().mapToInt(pl -> PlatformRules.of(pl).captionLimit(media))
        .min().orElse(2_200)).orElse(2_200);
  }

  /** The categories, and the platforms the office's SOP allows (a proposal naming another is refused). */
  private static void proposalChoices(Model model, SopDefinition sop) {
    model.addAttribute("categories", ContentCategory.values());
    model.addAttribute("platformChoices", sop.allowedPlatforms().asList());
  }

  private static Map<String, String> proposalValues(String title, String category, String material,
      List<String> platforms, Map<String, String> legal) {
    Map<String, String> v = new HashMap<>(legal);
    v.putAll(Map.of("title", title, "category", category, "material", material, "platforms",
        platforms == null ? "" : String.join(",", platforms)));
    return v;
  }

  /** The legal product's fields as the form sent them, each {@code legalProduct.<field>}. */
  private static Map<String, String> legalValues(HttpServletRequest request) {
    Map<String, String> out = new HashMap<>();
    for (String f : LEGAL_FIELDS) {
      out.put("legalProduct." + f, Optional.ofNullable(request.getParameter("legalProduct." + f)).orElse(""));
    }
    return out;
  }

  /** A proposal's legal product as form values. */
  private static Map<String, String> legalValues(Optional<LegalProductRef> legal) {
    Map<String, String> out = new HashMap<>();
    LEGAL_FIELDS.forEach(f -> out.put("legalProduct." + f, ""));
    legal.ifPresent(l -> out.putAll(Map.of("legalProduct.documentType", l.documentType(), "legalProduct.title",
        l.title(), "legalProduct.issuingBody", l.issuingBody(), "legalProduct.number", l.number(),
        "legalProduct.form", l.form(), "legalProduct.year", Integer.toString(l.year()))));
    return out;
  }

  /**
   * The legal product of a proposal of a legal product whose form has any of its fields filled; the library
   * validates it (blank fields, the year's range). Ignored for legal information: the fields were hidden then.
   */
  private static Optional<LegalProductRef> legalProduct(ContentCategory category, Map<String, String> v) {
    if (category != ContentCategory.PRODUK_HUKUM
        || LEGAL_FIELDS.stream().allMatch(f -> v.get("legalProduct." + f).isBlank())) {
      return Optional.empty();
    }
    for (String f : LEGAL_FIELDS) {
      int max = LEGAL_MAX.get(f);
      if (v.get("legalProduct." + f).strip().length() > max) {
        throw ServerException.badField("legalProduct." + f, "Size", Text.of("paling banyak %s karakter",
            "at most %s characters").format(max));
      }
    }
    int year;
    try {
      year = Integer.parseInt(v.get("legalProduct.year").strip());
    } catch (NumberFormatException e) {
      throw ServerException.badField("legalProduct.year", "Pattern", Text.of("tulis tahun dengan angka, mis. 2024",
          "write the year in digits, e.g. 2024"));
    }
    return Optional.of(LegalProductRef.of(v.get("legalProduct.documentType").strip(),
        v.get("legalProduct.title").strip(), v.get("legalProduct.issuingBody").strip(),
        v.get("legalProduct.number").strip(), v.get("legalProduct.form").strip(), year));
  }

  /** An https address of a post, at most 2,000 characters. */
  private static URI postUrl(String url) {
    String u = url.strip();
    if (u.isEmpty()) {
      throw ServerException.badField("url", "NotBlank", Text.of("wajib diisi bila sudah tayang",
          "required when it is there"));
    }
    try {
      URI uri = new URI(u);
      if (u.length() <= 2_000 && "https".equals(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw ServerException.badField("url", "Pattern", Text.of("alamat https:// unggahan, paling banyak 2.000 karakter",
        "the post's https:// address, at most 2,000 characters"));
  }

  /** The last part of the address's path, as the post's id when none is given. */
  private static String lastSegment(URI uri) {
    String path = Optional.ofNullable(uri.getPath()).orElse("");
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.isBlank()) {
      throw ServerException.badField("postId", "NotBlank", Text.of("wajib diisi: alamat tidak memuat id unggahan",
          "required: the address holds no post id"));
    }
    return last;
  }

  private static ContentProposal proposal(String title, String category, String material, List<String> platforms,
      Map<String, String> legal) {
    String t = required("title", title, 200);
    ContentCategory cat;
    try {
      cat = ContentCategory.valueOf(category);
    } catch (IllegalArgumentException e) {
      throw ServerException.badField("category", "Pattern", Text.of("pilih kategori", "choose a category"));
    }
    String m = required("material", material, 20_000);
    ImmutableSet.Builder<Platform> ps = ImmutableSet.builder();
    try {
      (platforms == null ? List.<String>of() : platforms).forEach(x -> ps.add(Platform.valueOf(x)));
    } catch (IllegalArgumentException e) {
      throw ServerException.badField("platforms", "Pattern", Text.of("platform tidak dikenal", "unknown platform"));
    }
    if (ps.build().isEmpty()) {
      throw ServerException.badField("platforms", "NotEmpty", Text.of("pilih sedikitnya satu platform",
          "choose at least one platform"));
    }
    return new ContentProposal(t, cat, m, legalProduct(cat, legal), ps.build());
  }

  private static String required(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw ServerException.badField(field, "NotBlank", Text.of("wajib diisi", "required"));
    }
    if (v.length() > max) {
      throw ServerException.badField(field, "Size", Text.of("paling banyak %s karakter", "at most %s characters")
          .format(max));
    }
    return v;
  }

  private static String key(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw ServerException.badField("key", "Pattern", Text.of("formulir tidak sah; muat ulang halaman",
          "invalid form; reload the page"));
    }
    return key;
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Width and height from the image's header; a file that is no readable image is refused. */
  private static int[] imageSize(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          reader.setInput(in, true, true);
          return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      // refused below
    }
    throw ServerException.badField("images", "Image", Text.of("bukan gambar JPEG atau PNG yang dapat dibaca",
        "not a readable JPEG or PNG image"));
  }
}
