package id.go.kpu.jdih.server.web;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.PlatformRules;
import id.go.kpu.jdih.runtime.DocumentUpload;
import id.go.kpu.jdih.runtime.ImageUpload;
import id.go.kpu.jdih.server.ServerException;
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
 */
@Controller
class CasePages {
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

  private final Pages pages;
  private final Problems problems;

  CasePages(Pages pages, Problems problems) {
    this.pages = pages;
    this.problems = problems;
  }

  /** A row of the timeline. */
  record Row(int activity, String name, String role, String doneBy, Instant availableAt, Optional<Instant> due,
      Optional<Instant> completedAt, Optional<Text> outcome, TimeStatus status) {
    /** Whether the row is a rejection. */
    public boolean rejected() {
      return outcome.isPresent() && outcome.get().equals(REJECTED);
    }
  }

  private static final Text APPROVED = Text.of("disetujui", "approved");
  private static final Text REJECTED = Text.of("ditolak", "rejected");

  /** An equipment checkbox of the meeting form. */
  record Tool(String id, String name) {}

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
    proposalChoices(model);
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
      @RequestParam(required = false) List<String> platforms, Model model, HttpServletResponse response) {
    PersonRecord p = pages.me(Scope.CASES_WRITE);
    SopDefinition sop = pages.currentSop(p.officeId());
    Map<String, String> values = proposalValues(title, category, material, platforms);
    try {
      String k = key(key);
      SopKey sopKey = sop.key();
      CaseId caseId = Idempotency.caseIdFor(p.officeId(), "web:" + k);
      ContentProposal proposal = proposal(title, category, material, platforms);
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
      proposalChoices(model);
      return "propose";
    }
  }

  @PostMapping("/kasus/{id}/usul")
  String resubmit(@PathVariable String id, @RequestParam String key, @RequestParam long version,
      @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String material, @RequestParam(required = false) List<String> platforms,
      Model model, HttpServletResponse response) {
    return command(id, key, version, model, response, proposalValues(title, category, material, platforms),
        PROPOSAL_FIELDS, (cmd, caseId) -> pages.acting().propose(cmd, caseId,
            proposal(title, category, material, platforms)));
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
    return command(id, key, version, model, response, Map.of(), List.of("images", "design"), (cmd, caseId) -> {
      List<MultipartFile> files = images == null ? List.of() : images.stream().filter(f -> !f.isEmpty()).toList();
      if (files.isEmpty() || files.size() > 20) {
        throw ServerException.badField("images", "Size", Text.of("unggah 1 sampai 20 gambar JPEG atau PNG",
            "upload 1 to 20 JPEG or PNG images"));
      }
      List<ImageUpload> uploads = new ArrayList<>();
      for (MultipartFile f : files) {
        byte[] b = bytes(f);
        int[] size = imageSize(b);
        uploads.add(ImageUpload.of(Optional.ofNullable(f.getContentType()).orElse(""), b, size[0], size[1]));
      }
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

  // ---------------------------------------------------------------------------------------------------------

  private static final List<String> PROPOSAL_FIELDS = List.of("title", "category", "material", "platforms");

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
          due.isEmpty() ? TimeStatus.NO_STANDARD : late ? TimeStatus.OVERDUE : TimeStatus.ON_TIME));
    }
    Optional<OpenActivity> open = c.status() == CaseStatus.OPEN ? deadlines.open(c, sop, now) : Optional.empty();
    Optional<Activity> current = open.flatMap(o -> sop.activity(o.activity()));
    open.ifPresent(o -> rows.add(new Row(o.activity(), current.get().description(),
        TasksController.roleName(sop, current.get()), "", o.availableAt(), o.due(), Optional.empty(),
        Optional.empty(), o.status())));
    boolean mayAct = current.isPresent() && p.roles().contains(current.get().executor());
    String form = current.filter(a -> mayAct).map(a -> a.kind().name()).orElse("");
    Map<String, String> v = new HashMap<>(values);
    if (form.equals("PROPOSAL") && values.isEmpty() && c.proposal().isPresent()) {
      ContentProposal old = c.proposal().get();
      v.putAll(proposalValues(old.title(), old.category().name(), old.material(),
          old.platforms().stream().map(Platform::name).toList()));
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
    model.addAttribute("mediaBase", "/api/v1/offices/" + sop.office().id() + "/cases/" + c.id().value() + "/media/");
    proposalChoices(model);
    return "case";
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

  private static void proposalChoices(Model model) {
    model.addAttribute("categories", ContentCategory.values());
    model.addAttribute("platformChoices", Platform.values());
  }

  private static Map<String, String> proposalValues(String title, String category, String material,
      List<String> platforms) {
    return Map.of("title", title, "category", category, "material", material, "platforms",
        platforms == null ? "" : String.join(",", platforms));
  }

  private static ContentProposal proposal(String title, String category, String material, List<String> platforms) {
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
    return new ContentProposal(t, cat, m, Optional.empty(), ps.build());
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
