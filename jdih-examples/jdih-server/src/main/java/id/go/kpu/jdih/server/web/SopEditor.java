package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.api.Access;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.api.SopController;
import id.go.kpu.jdih.server.directory.Offices;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.server.directory.ServerDefinitions;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.DurationUnit;
import id.go.kpu.jdih.sop.Flow;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.sop.Transition;
import id.go.kpu.jdih.sop.lint.LintFinding;
import id.go.kpu.jdih.sop.lint.Severity;
import id.go.kpu.jdih.sop.lint.SopLint;
import id.go.kpu.jdih.validation.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * <em>Editor SOP</em>: an office administrator derives a variant from the reference SOP or from the office's current
 * definition and changes it in forms: identity, roles, activities (name, executor, kind, time standard, output,
 * where the flow goes next and, for an approval, where a rejection goes). The draft lives in the form alone: every
 * round trip (the "Periksa" button, adding or removing a row, or {@code editor.js} posting the form to
 * {@code /admin/sop/pratinjau} as the admin types) builds it with the library, so the refusals are the library's
 * ({@link InvalidDefinitionException}) and the findings {@link SopLint}'s, each next to its field. Nothing is
 * stored until "Terbitkan", which publishes through the API's own {@link SopController#publish}; cases already open
 * keep the revision they began under.
 */
@Controller
class SopEditor {
  static final int MAX_ROLES = 30;
  static final int MAX_ACTIVITIES = 40;
  static final int MAX_TEXT = 2_000;
  static final int MAX_SHORT = 200;

  private static final Pattern ACTIVITY_PATH = Pattern.compile("activities\\[(\\d+)\\](.*)");
  private static final Pattern ROLE_PATH = Pattern.compile("roles\\[(\\d+)\\](.*)");
  private static final Pattern TRANSITION_PATH = Pattern.compile("flow\\.transitions\\[(\\d+)\\].*");
  private static final String END = "end";

  private final Pages pages;
  private final Access access;
  private final Problems problems;
  private final Offices offices;
  private final ServerDefinitions definitions;
  private final SopController api;

  SopEditor(Pages pages, Access access, Problems problems, Offices offices, ServerDefinitions definitions,
      SopController api) {
    this.pages = pages;
    this.access = access;
    this.problems = problems;
    this.offices = offices;
    this.definitions = definitions;
    this.api = api;
  }

  // ---------------------------------------------------------------------------------------------------------
  // The draft: exactly what the form holds

  /** A role row. */
  public record RoleRow(String id, String name) {}

  /** An activity row; targets are an activity number or {@code end}. */
  public static final class ActRow {
    String origin = "";
    String description = "";
    String executor = "";
    String kind = ActivityKind.TASK.name();
    String amount = "1";
    String unit = DurationUnit.WORKING_DAY.name();
    String output = "";
    String next = END;
    String rejected = "1";

    public String origin() {
      return origin;
    }

    public String description() {
      return description;
    }

    public String executor() {
      return executor;
    }

    public String kind() {
      return kind;
    }

    public String amount() {
      return amount;
    }

    public String unit() {
      return unit;
    }

    public String output() {
      return output;
    }

    public String next() {
      return next;
    }

    public String rejected() {
      return rejected;
    }

    /** Whether the row is an approval (a decision follows it). */
    public boolean approval() {
      return ActivityKind.APPROVAL.name().equals(kind);
    }
  }

  /** The whole draft. */
  public static final class Draft {
    String baseNumber = "";
    String baseRevision = "";
    String number = "";
    String revision = "";
    String createdOn = "";
    String revisedOn = "";
    String approvedOn = "";
    String title = "";
    String start = "1";
    String withdrawal = "";
    /** The allowed platforms, comma-separated (the form's check-boxes). */
    String platforms = "";
    final List<RoleRow> roles = new ArrayList<>();
    final List<ActRow> acts = new ArrayList<>();

    public String baseNumber() {
      return baseNumber;
    }

    public String baseRevision() {
      return baseRevision;
    }

    public String number() {
      return number;
    }

    public String revision() {
      return revision;
    }

    public String createdOn() {
      return createdOn;
    }

    public String revisedOn() {
      return revisedOn;
    }

    public String approvedOn() {
      return approvedOn;
    }

    public String title() {
      return title;
    }

    public String start() {
      return start;
    }

    public String withdrawal() {
      return withdrawal;
    }

    public String platforms() {
      return platforms;
    }

    /** The allowed platforms by their names, e.g. {@code Instagram, Telegram}. */
    public String platformNames() {
      return platforms.isEmpty() ? "–" : String.join(", ", Arrays.stream(platforms.split(","))
          .map(p -> Platform.valueOf(p).displayName()).toList());
    }

    public List<RoleRow> roles() {
      return roles;
    }

    public List<ActRow> acts() {
      return acts;
    }

    /** The name of role {@code id} in the draft, or the id. */
    public String roleName(String id) {
      return roles.stream().filter(r -> r.id().equals(id)).map(RoleRow::name).filter(n -> !n.isBlank())
          .findFirst().orElse(id);
    }
  }

  /** A finding or refusal as the page shows it. */
  public record Note(String code, boolean error, String where, String message) {}

  /** What a check of the draft found: the built definition if it builds, and every note by form field. */
  public record Check(Optional<SopDefinition> definition, List<Note> notes, Map<String, List<Note>> byField) {
    /** Whether the draft can be published: it builds and has no lint error. */
    public boolean publishable() {
      return definition.isPresent() && notes.stream().noneMatch(Note::error);
    }

    /** The notes at {@code field}. */
    public List<Note> at(String field) {
      return byField.getOrDefault(field, List.of());
    }

    /** Whether {@code field} has a note. */
    public boolean has(String field) {
      return byField.containsKey(field);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Pages

  @GetMapping("/admin/sop")
  String editor(@RequestParam(required = false) String dari, @RequestParam(required = false) String terbit,
      Model model) {
    PersonRecord me = AdminPages.admin(pages, access);
    SopDefinition current = pages.currentSop(me.officeId());
    boolean reference = "referensi".equals(dari);
    SopDefinition base = reference ? Offices.referenceFor(current.office()) : current;
    Draft d = fromDefinition(base, reference);
    // A new revision of the office's current SOP: the next revision number, revised today.
    if (base.identity().number().equals(current.identity().number())) {
      d.revision = String.valueOf(current.identity().revision() + 1);
    }
    d.revisedOn = LocalDate.now(current.office().zone()).toString();
    if (terbit != null && terbit.length() <= 200) {
      model.addAttribute("published", terbit);
    }
    return render(me, model, d, check(me, d, AdminPages.language(model)), FormErrors.none());
  }

  @PostMapping("/admin/sop")
  String post(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
    PersonRecord me = AdminPages.admin(pages, access);
    Draft d = parse(form);
    String op = first(form, "op");
    if (op.equals("add")) {
      add(d, form);
    } else if (op.startsWith("remove-act:")) {
      removeActivity(d, number(op.substring(11)));
    } else if (op.startsWith("remove-role:")) {
      int i = number(op.substring(12));
      if (i >= 0 && i < d.roles.size()) {
        d.roles.remove(i);
      }
    } else if (op.equals("publish")) {
      Language lang = AdminPages.language(model);
      Check check = check(me, d, lang);
      if (!check.publishable()) {
        response.setStatus(400);
        return render(me, model, d, check, FormErrors.of(Problems.plain(400, InvalidDefinitionException.CODE,
            new Ui(lang).t("Perbaiki dulu isian yang ditandai galat; tidak ada yang diterbitkan.",
                "Fix the fields marked as errors first; nothing was published.")), List.of(), lang));
      }
      try {
        SopController.Published p = api.publish(me.officeId(), definitions.toJson(check.definition().get()))
            .getBody();
        return "redirect:/admin/sop?terbit=" + java.net.URLEncoder.encode(p == null ? "" : p.key(),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (JdihException e) {
        Problems.Problem problem = problems.of(e, lang);
        response.setStatus(problem.status());
        // The API's refusal (e.g. a revision not above the current one) at the fields it names.
        for (Map<String, String> err : problem.errors()) {
          Note n = new Note(problem.code(), true, where(err.get("field"), lang), err.get("message"));
          check.notes().add(n);
          check.byField().computeIfAbsent(field(err.get("field")), k -> new ArrayList<>()).add(n);
        }
        return render(me, model, d, check, FormErrors.of(new Problems.Problem(problem.status(), problem.code(),
            problem.detail(), List.of()), List.of(), lang));
      }
    }
    return render(me, model, d, check(me, d, AdminPages.language(model)), FormErrors.none());
  }

  /** The lint findings and the document preview of the draft in the form, as an HTML fragment. */
  @PostMapping("/admin/sop/pratinjau")
  String preview(@RequestParam MultiValueMap<String, String> form, Model model) {
    PersonRecord me = AdminPages.admin(pages, access);
    Draft d = parse(form);
    model.addAttribute("draft", d);
    model.addAttribute("check", check(me, d, AdminPages.language(model)));
    return "admin-sop :: preview";
  }

  private String render(PersonRecord me, Model model, Draft d, Check check, FormErrors errors) {
    SopDefinition current = pages.currentSop(me.officeId());
    TasksController.common(model, me, current);
    model.addAttribute("draft", d);
    model.addAttribute("check", check);
    model.addAttribute("errors", errors);
    model.addAttribute("current", current.key());
    model.addAttribute("kinds", Arrays.asList(ActivityKind.values()));
    model.addAttribute("units", Arrays.asList(DurationUnit.values()));
    model.addAttribute("platformChoices", Arrays.asList(Platform.values()));
    model.addAttribute("key", UUID.randomUUID().toString());
    model.addAttribute("section", "sop");
    return "admin-sop";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Definition <-> draft

  private static Draft fromDefinition(SopDefinition s, boolean reference) {
    Draft d = new Draft();
    if (!reference) {
      d.baseNumber = s.identity().number();
      d.baseRevision = String.valueOf(s.identity().revision());
    }
    d.number = s.identity().number();
    d.revision = String.valueOf(s.identity().revision());
    d.createdOn = s.identity().createdOn().toString();
    d.revisedOn = s.identity().revisedOn().map(LocalDate::toString).orElse("");
    d.approvedOn = s.identity().approvedOn().toString();
    d.title = s.title();
    d.start = String.valueOf(s.flow().start());
    d.withdrawal = s.flow().withdrawalRole().map(RoleId::value).orElse("");
    d.platforms = String.join(",", s.allowedPlatforms().stream().map(Platform::name).toList());
    for (Role r : s.roles()) {
      d.roles.add(new RoleRow(r.id().value(), r.name()));
    }
    for (Activity a : s.activities()) {
      ActRow r = new ActRow();
      r.origin = String.valueOf(a.number());
      r.description = a.description();
      r.executor = a.executor().value();
      r.kind = a.kind().name();
      r.amount = a.quality().time().map(t -> String.valueOf(t.amount())).orElse("");
      r.unit = a.quality().time().map(t -> t.unit().name()).orElse(DurationUnit.WORKING_DAY.name());
      r.output = a.quality().output().orElse("");
      Transition t = s.flow().after(a.number()).orElse(null);
      if (t instanceof Transition.Sequence seq) {
        r.next = target(seq.next());
      } else if (t instanceof Transition.Decision dec) {
        r.next = dec.branch(Outcome.APPROVED).map(b -> target(b.target())).orElse(END);
        r.rejected = dec.branch(Outcome.REJECTED).map(b -> target(b.target())).orElse("1");
      }
      d.acts.add(r);
    }
    return d;
  }

  private static String target(Target t) {
    return t instanceof Target.ToActivity a ? String.valueOf(a.number()) : END;
  }

  /** The draft the form holds; every value bounded (longer values are cut and then refused by the check). */
  private static Draft parse(MultiValueMap<String, String> form) {
    Draft d = new Draft();
    d.baseNumber = value(form, "baseNumber", MAX_SHORT);
    d.baseRevision = value(form, "baseRevision", 12);
    d.number = value(form, "number", MAX_SHORT + 1);
    d.revision = value(form, "revision", 12);
    d.createdOn = value(form, "createdOn", 12);
    d.revisedOn = value(form, "revisedOn", 12);
    d.approvedOn = value(form, "approvedOn", 12);
    d.title = value(form, "title", MAX_TEXT + 1);
    d.start = value(form, "start", 6);
    d.withdrawal = value(form, "withdrawal", 41);
    List<String> platforms = form.getOrDefault("platforms", List.of());
    d.platforms = String.join(",", platforms.stream().filter(p -> Arrays.stream(Platform.values())
        .anyMatch(x -> x.name().equals(p))).distinct().toList());
    for (int i = 0; i < MAX_ROLES + 1; i++) {
      if (!form.containsKey("r" + i + "-id")) {
        break;
      }
      String id = value(form, "r" + i + "-id", 41).strip();
      String name = value(form, "r" + i + "-name", MAX_SHORT + 1).strip();
      if (!id.isEmpty() || !name.isEmpty()) {
        d.roles.add(new RoleRow(id, name));
      }
    }
    for (int i = 0; i < MAX_ACTIVITIES; i++) {
      if (!form.containsKey("a" + i + "-description")) {
        break;
      }
      ActRow r = new ActRow();
      r.origin = value(form, "a" + i + "-origin", 6);
      r.description = value(form, "a" + i + "-description", MAX_TEXT + 1);
      r.executor = value(form, "a" + i + "-executor", 41);
      r.kind = value(form, "a" + i + "-kind", 20);
      r.amount = value(form, "a" + i + "-amount", 6).strip();
      r.unit = value(form, "a" + i + "-unit", 20);
      r.output = value(form, "a" + i + "-output", MAX_TEXT + 1);
      r.next = value(form, "a" + i + "-next", 6);
      r.rejected = form.containsKey("a" + i + "-rejected") ? value(form, "a" + i + "-rejected", 6) : "1";
      d.acts.add(r);
    }
    return d;
  }

  /** Inserts the row described by the form's {@code new-*} fields after activity {@code new-after}. */
  private static void add(Draft d, MultiValueMap<String, String> form) {
    if (d.acts.size() >= MAX_ACTIVITIES) {
      return;
    }
    int after = Math.max(0, Math.min(number(first(form, "new-after")), d.acts.size()));
    ActRow r = new ActRow();
    r.description = value(form, "new-description", MAX_TEXT + 1);
    r.executor = value(form, "new-executor", 41);
    String kind = value(form, "new-kind", 20);
    r.kind = Arrays.stream(ActivityKind.values()).anyMatch(k -> k.name().equals(kind)) ? kind : ActivityKind.TASK
        .name();
    r.amount = value(form, "new-amount", 6).strip();
    r.unit = value(form, "new-unit", 20);
    r.output = value(form, "new-output", MAX_TEXT + 1);
    String rejected = value(form, "new-rejected", 6);
    // Every arrow to a later row follows it down by one.
    for (ActRow a : d.acts) {
      a.next = shift(a.next, after, 1);
      a.rejected = shift(a.rejected, after, 1);
    }
    d.start = shift(d.start, after, 1);
    if (after == 0) {
      r.next = "2";
      d.start = "1";
    } else {
      ActRow before = d.acts.get(after - 1);
      r.next = before.next;
      before.next = String.valueOf(after + 1);
    }
    r.rejected = shift(rejected.isEmpty() ? "1" : rejected, after, 1);
    d.acts.add(after, r);
  }

  /** Removes row {@code number}: arrows to it go where it led, later rows move up by one. */
  private static void removeActivity(Draft d, int number) {
    if (number < 1 || number > d.acts.size() || d.acts.size() == 1) {
      return;
    }
    String via = d.acts.get(number - 1).next;
    String n = String.valueOf(number);
    d.acts.remove(number - 1);
    for (ActRow a : d.acts) {
      a.next = shift(a.next.equals(n) ? via : a.next, number, -1);
      a.rejected = shift(a.rejected.equals(n) ? via : a.rejected, number, -1);
    }
    d.start = shift(d.start.equals(n) ? via : d.start, number, -1);
  }

  private static String shift(String target, int after, int by) {
    try {
      int t = Integer.parseInt(target);
      return String.valueOf(t > after ? t + by : t);
    } catch (NumberFormatException e) {
      return target;
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Checking

  /** Builds the draft on its base with the library and lints it; every note placed at its form field. */
  Check check(PersonRecord me, Draft d, Language lang) {
    List<Violation> violations = new ArrayList<>();
    Optional<SopDefinition> built = Optional.empty();
    String code = InvalidDefinitionException.CODE;
    try {
      built = Optional.of(build(me, d));
    } catch (InvalidDefinitionException e) {
      violations.addAll(e.violations());
    } catch (JdihException e) {
      code = e.code();
      violations.add(new Violation("", "Refused", e.text()));
    }
    List<Note> notes = new ArrayList<>();
    Map<String, List<Note>> byField = new LinkedHashMap<>();
    for (Violation v : violations) {
      Note n = new Note(code, true, where(v.path(), lang), v.message().in(lang));
      notes.add(n);
      byField.computeIfAbsent(field(v.path()), k -> new ArrayList<>()).add(n);
    }
    if (built.isPresent()) {
      for (LintFinding f : SopLint.check(built.get())) {
        Note n = new Note(f.code(), f.severity() == Severity.ERROR, where(f.location(), lang),
            f.rule().title().in(lang) + ": " + f.message().in(lang));
        notes.add(n);
        byField.computeIfAbsent(field(f.location()), k -> new ArrayList<>()).add(n);
      }
    }
    return new Check(built, notes, byField);
  }

  /** The definition the draft describes; the form's own parse errors are refused like the library's. */
  private SopDefinition build(PersonRecord me, Draft d) {
    SopDefinition base = base(me, d);
    List<Violation> parse = new ArrayList<>();
    if (d.roles.size() > MAX_ROLES) {
      parse.add(new Violation("roles", "Size", Text.of("paling banyak %s peran", "at most %s roles")
          .format(MAX_ROLES)));
    }
    size(parse, "identity.number", d.number, MAX_SHORT);
    size(parse, "title", d.title, MAX_TEXT);
    int revision = integer(parse, "identity.revision", d.revision);
    LocalDate createdOn = date(parse, "identity.createdOn", d.createdOn).orElse(null);
    Optional<LocalDate> revisedOn = d.revisedOn.isBlank() ? Optional.empty()
        : date(parse, "identity.revisedOn", d.revisedOn);
    LocalDate approvedOn = date(parse, "identity.approvedOn", d.approvedOn).orElse(null);
    List<Role> roles = new ArrayList<>();
    for (int i = 0; i < d.roles.size(); i++) {
      RoleRow r = d.roles.get(i);
      size(parse, "roles[" + i + "].name", r.name(), MAX_SHORT);
      roles.add(new Role(new RoleId(r.id()), r.name()));
    }
    List<Activity> activities = new ArrayList<>();
    Map<Integer, Transition> transitions = new LinkedHashMap<>();
    for (int i = 0; i < d.acts.size(); i++) {
      ActRow r = d.acts.get(i);
      String at = "activities[" + i + "]";
      size(parse, at + ".description", r.description, MAX_TEXT);
      size(parse, at + ".quality.output", r.output, MAX_TEXT);
      Optional<Activity> origin = r.origin.isEmpty() ? Optional.empty() : base.activity(number(r.origin));
      ActivityKind kind = Arrays.stream(ActivityKind.values()).filter(k -> k.name().equals(r.kind)).findFirst()
          .orElse(ActivityKind.TASK);
      DurationUnit unit = Arrays.stream(DurationUnit.values()).filter(u -> u.name().equals(r.unit)).findFirst()
          .orElse(DurationUnit.WORKING_DAY);
      Optional<TimeStandard> time = Optional.empty();
      if (!r.amount.isEmpty()) {
        int amount = integer(parse, at + ".quality.time", r.amount);
        if (amount < 1 || amount > 1000) {
          parse.add(new Violation(at + ".quality.time", "Range", Text.of("1 sampai 1000", "1 to 1000")));
        }
        time = Optional.of(new TimeStandard(Math.max(1, amount), unit));
      }
      List<Requirement> requirements = origin.map(a -> (List<Requirement>) a.quality().requirements())
          .orElse(List.of());
      activities.add(new Activity(i + 1, r.description.strip(), new RoleId(r.executor), kind,
          new QualityStandard(requirements, time, Optional.of(r.output.strip()).filter(o -> !o.isEmpty())),
          origin.flatMap(Activity::remarks)));
      Target next = toTarget(parse, "flow.transitions[" + (i + 1) + "]", r.next);
      if (kind == ActivityKind.APPROVAL) {
        boolean addition = origin.flatMap(a -> base.flow().after(a.number()))
            .filter(t -> t instanceof Transition.Decision).map(t -> ((Transition.Decision) t)
                .branch(Outcome.REJECTED).map(Branch::additionToSeed).orElse(false)).orElse(false);
        transitions.put(i + 1, Transition.decision(Branch.of(Outcome.APPROVED, next),
            new Branch(Outcome.REJECTED, toTarget(parse, "flow.transitions[" + (i + 1) + "]", r.rejected), addition)));
      } else {
        transitions.put(i + 1, Transition.to(next));
      }
    }
    if (!parse.isEmpty()) {
      throw new InvalidDefinitionException(parse);
    }
    return base.toBuilder()
        .identity(new SopIdentity(d.number.strip(), revision, createdOn, revisedOn, approvedOn,
            base.identity().approvedBy()))
        .title(d.title.strip())
        .roles(roles)
        .activities(activities)
        .flow(new Flow(number(d.start), transitions, Optional.of(d.withdrawal).filter(w -> !w.isEmpty())
            .map(RoleId::new)))
        .allowedPlatforms(d.platforms.isEmpty() ? List.of() : Arrays.stream(d.platforms.split(","))
            .map(Platform::valueOf).toList())
        .build();
  }

  /** The definition the draft started from: the reference SOP, or a revision of the office's. */
  private SopDefinition base(PersonRecord me, Draft d) {
    SopDefinition current = pages.currentSop(me.officeId());
    if (d.baseNumber.isEmpty()) {
      return Offices.referenceFor(current.office());
    }
    SopKey key;
    try {
      key = new SopKey(me.officeId(), d.baseNumber, Integer.parseInt(d.baseRevision));
    } catch (IllegalArgumentException e) {
      return current;
    }
    return offices.revisions(me.officeId()).contains(key) ? definitions.get(key) : current;
  }

  private static Target toTarget(List<Violation> parse, String path, String value) {
    if (END.equals(value)) {
      return Target.end();
    }
    int n = number(value);
    if (n < 1) {
      parse.add(new Violation(path, "KnownActivity", Text.of("pilih kegiatan atau Selesai",
          "choose an activity or the end")));
      return Target.end();
    }
    return Target.activity(n);
  }

  private static void size(List<Violation> parse, String path, String value, int max) {
    if (value.length() > max) {
      parse.add(new Violation(path, "Size", Text.of("paling banyak %s karakter", "at most %s characters")
          .format(max)));
    }
  }

  private static int integer(List<Violation> parse, String path, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      parse.add(new Violation(path, "Number", Text.of("harus bilangan bulat", "must be a whole number")));
      return 0;
    }
  }

  private static Optional<LocalDate> date(List<Violation> parse, String path, String value) {
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      parse.add(new Violation(path, "Date", Text.of("tanggal tidak sah (YYYY-MM-DD)", "invalid date (YYYY-MM-DD)")));
      return Optional.empty();
    }
  }

  /** The form field a definition path concerns ({@code ""} for none). */
  static String field(String path) {
    if (path == null) {
      return "";
    }
    Matcher a = ACTIVITY_PATH.matcher(path);
    if (a.matches()) {
      String i = a.group(1);
      String rest = a.group(2);
      String f = rest.startsWith(".description") ? "description" : rest.startsWith(".executor") ? "executor"
          : rest.startsWith(".kind") ? "kind" : rest.startsWith(".quality.time") ? "amount"
          : rest.startsWith(".quality.output") ? "output" : "row";
      return "a" + i + "-" + f;
    }
    Matcher r = ROLE_PATH.matcher(path);
    if (r.matches()) {
      return "r" + r.group(1) + "-" + (r.group(2).startsWith(".name") ? "name" : "id");
    }
    Matcher t = TRANSITION_PATH.matcher(path);
    if (t.matches()) {
      return "a" + (Integer.parseInt(t.group(1)) - 1) + "-next";
    }
    if (path.startsWith("identity.")) {
      String f = path.substring(9);
      int dot = f.indexOf('.');
      return dot < 0 ? f : f.substring(0, dot);
    }
    if (path.equals("title")) {
      return "title";
    }
    if (path.equals("flow.start")) {
      return "start";
    }
    if (path.startsWith("flow.withdrawalRole")) {
      return "withdrawal";
    }
    if (path.startsWith("allowedPlatforms")) {
      return "platforms";
    }
    return "";
  }

  /** A definition path as a person reads it, e.g. {@code Kegiatan 3 › Waktu} for {@code activities[2].quality.time}. */
  static String where(String path, Language lang) {
    Ui ui = new Ui(lang);
    if (path == null || path.isEmpty()) {
      return ui.t("Definisi", "Definition");
    }
    Matcher a = ACTIVITY_PATH.matcher(path);
    if (a.matches()) {
      String rest = a.group(2);
      String part = rest.startsWith(".description") ? ui.t("Nama kegiatan", "Activity name")
          : rest.startsWith(".executor") ? ui.t("Pelaksana", "Executor")
          : rest.startsWith(".kind") ? ui.t("Jenis", "Kind")
          : rest.startsWith(".quality.time") ? ui.t("Waktu", "Time")
          : rest.startsWith(".quality.output") ? "Output"
          : rest.startsWith(".quality.requirements") ? ui.t("Kelengkapan", "Requirements") : "";
      String head = ui.t("Kegiatan ", "Activity ") + (Integer.parseInt(a.group(1)) + 1);
      return part.isEmpty() ? head : head + " › " + part;
    }
    Matcher r = ROLE_PATH.matcher(path);
    if (r.matches()) {
      String head = ui.t("Peran ", "Role ") + (Integer.parseInt(r.group(1)) + 1);
      return head + " › " + (r.group(2).startsWith(".name") ? ui.t("Nama", "Name") : "Id");
    }
    Matcher t = TRANSITION_PATH.matcher(path);
    if (t.matches()) {
      return ui.t("Kegiatan ", "Activity ") + t.group(1) + " › " + ui.t("Alur berikutnya", "Next step");
    }
    Map<String, String> names = Map.ofEntries(Map.entry("identity.number", ui.t("Nomor SOP", "SOP number")),
        Map.entry("identity.revision", ui.t("Revisi", "Revision")),
        Map.entry("identity.createdOn", ui.t("Tanggal pembuatan", "Created on")),
        Map.entry("identity.revisedOn", ui.t("Tanggal revisi", "Revised on")),
        Map.entry("identity.approvedOn", ui.t("Tanggal pengesahan", "Approved on")),
        Map.entry("title", ui.t("Nama SOP", "SOP title")),
        Map.entry("flow.start", ui.t("Kegiatan pertama", "First activity")),
        Map.entry("flow.withdrawalRole", ui.t("Peran yang boleh membatalkan", "Role that may withdraw")),
        Map.entry("roles", ui.t("Peran", "Roles")), Map.entry("activities", ui.t("Kegiatan", "Activities")),
        Map.entry("office.id", ui.t("Kantor", "Office")));
    for (Map.Entry<String, String> e : names.entrySet()) {
      if (path.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return path;
  }

  // ---------------------------------------------------------------------------------------------------------

  private static String first(MultiValueMap<String, String> form, String name) {
    String v = form.getFirst(name);
    return v == null ? "" : v;
  }

  private static String value(MultiValueMap<String, String> form, String name, int max) {
    String v = first(form, name);
    return v.length() > max ? v.substring(0, max) : v;
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
