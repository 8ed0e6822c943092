package id.go.kpu.jdih.server.web;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.api.Access;
import id.go.kpu.jdih.server.api.CalendarController;
import id.go.kpu.jdih.server.api.OfficesController;
import id.go.kpu.jdih.server.api.PlatformsController;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.CalendarDays;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.server.directory.PlatformAccounts;
import id.go.kpu.jdih.server.directory.SecretRef;
import id.go.kpu.jdih.server.directory.ServerDirectory;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.validation.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The office administrator's pages: <em>Orang dan peran</em> (the office's people, their roles from the office's
 * SOP, the office-admin flag), <em>Akun platform</em> (the office's accounts on the platforms, with references to
 * their tokens, never a token) and <em>Kalender</em> (the office's calendar amendments, uploaded as CSV). Every
 * change goes through the API's own controller method, so the rules, validation and access checks are the API's;
 * the page only shows a refusal next to the field it concerns. Always the caller's own office: no page takes an
 * office from the request.
 */
@Controller
class AdminPages {
  /** The largest calendar file accepted (2,000 rows of a few hundred characters fit easily). */
  static final int MAX_CALENDAR_BYTES = 512 * 1024;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  private static final Pattern NIP = Pattern.compile("\\d{18}");
  private static final List<String> PERSON_FIELDS = List.of("username", "nip", "name", "roles", "officeAdmin",
      "password");
  private static final List<String> PLATFORM_FIELDS = List.of("platform", "accountId", "displayUrl", "secretRef");

  private final Pages pages;
  private final Access access;
  private final Problems problems;
  private final ServerDirectory directory;
  private final OfficesController offices;
  private final PlatformsController platforms;
  private final PlatformAccounts accounts;
  private final CalendarController calendar;
  private final CalendarDays days;

  AdminPages(Pages pages, Access access, Problems problems, ServerDirectory directory, OfficesController offices,
      PlatformsController platforms, PlatformAccounts accounts, CalendarController calendar, CalendarDays days) {
    this.pages = pages;
    this.access = access;
    this.problems = problems;
    this.directory = directory;
    this.offices = offices;
    this.platforms = platforms;
    this.accounts = accounts;
    this.calendar = calendar;
    this.days = days;
  }

  /** A person as the list shows them. */
  record PersonRow(PersonRecord p, List<String> roleNames) {}

  /** The caller as an administrator of their own office; refused (403, the refusal page) otherwise. */
  static PersonRecord admin(Pages pages, Access access) {
    PersonRecord p = pages.me(Scope.CASES_READ);
    return access.officeAdmin(p.officeId());
  }

  @GetMapping("/admin")
  String home() {
    admin(pages, access);
    return "redirect:/admin/orang";
  }

  // ---------------------------------------------------------------------------------------------------------
  // People and roles

  @GetMapping("/admin/orang")
  String people(@RequestParam(required = false) String ubah, @RequestParam(required = false) String saved,
      Model model) {
    PersonRecord me = admin(pages, access);
    Map<String, String> values = new HashMap<>();
    values.put("officeAdmin", "");
    if (ubah != null) {
      PersonRecord p = directory.person(ubah).filter(x -> x.officeId().equals(me.officeId()))
          .orElseThrow(() -> new ServerException(ServerException.Kind.NOT_FOUND, Text.of(
              "Orang tidak ditemukan di kantor Anda", "No such person in your office")));
      values.put("username", p.username());
      values.put("nip", p.nip().value());
      values.put("name", p.name());
      values.put("roles", String.join(",", p.roles().stream().map(RoleId::value).sorted().toList()));
      values.put("officeAdmin", p.officeAdmin() ? "on" : "");
      model.addAttribute("editing", true);
    } else {
      model.addAttribute("editing", false);
    }
    if (saved != null && saved.length() <= 64) {
      model.addAttribute("saved", saved);
    }
    return renderPeople(me, model, values, FormErrors.none());
  }

  @PostMapping("/admin/orang")
  String savePerson(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String nip,
      @RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> roles,
      @RequestParam(defaultValue = "") String officeAdmin, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String editing, Model model, HttpServletResponse response) {
    PersonRecord me = admin(pages, access);
    String office = me.officeId();
    List<String> chosen = roles == null ? List.of() : roles.stream().limit(21).toList();
    Map<String, String> values = new HashMap<>(Map.of("username", username.strip(), "nip", nip.strip(), "name", name,
        "roles", String.join(",", chosen), "officeAdmin", officeAdmin));
    try {
      String user = username.strip().toLowerCase(java.util.Locale.ROOT);
      List<Violation> errors = new ArrayList<>();
      if (!USERNAME.matcher(user).matches()) {
        errors.add(new Violation("username", "Pattern", Text.of(
            "3-64 huruf kecil, angka, titik, _ atau -, diawali huruf atau angka",
            "3-64 lower-case letters, digits, dots, _ or -, starting with a letter or digit")));
      }
      if (!NIP.matcher(nip.strip()).matches()) {
        errors.add(new Violation("nip", "Pattern", Text.of("NIP harus 18 angka", "a NIP has 18 digits")));
      }
      if (name.isBlank() || name.length() > 200) {
        errors.add(new Violation("name", "Size", Text.of("wajib diisi, paling banyak 200 karakter",
            "required, at most 200 characters")));
      }
      if (chosen.size() > 20) {
        errors.add(new Violation("roles", "Size", Text.of("paling banyak 20 peran", "at most 20 roles")));
      }
      if (!password.isEmpty() && (password.length() < 12 || password.length() > 200)) {
        errors.add(new Violation("password", "Size", Text.of("12 sampai 200 karakter, atau kosongkan",
            "12 to 200 characters, or leave it empty")));
      }
      if (!errors.isEmpty()) {
        throw new ServerException(ServerException.Kind.BAD_REQUEST, Text.of("Isian tidak sah", "Invalid input"),
            errors);
      }
      Optional<PersonRecord> existing = directory.person(user).filter(p -> p.officeId().equals(office));
      // What this form does not edit stays as it is (e-mail, Telegram chat, language, active).
      OfficesController.PersonBody body = new OfficesController.PersonBody(nip.strip(), name.strip(), chosen,
          "on".equals(officeAdmin), existing.flatMap(PersonRecord::email).orElse(null),
          existing.flatMap(PersonRecord::telegramChat).orElse(null),
          existing.map(p -> p.language().name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
          existing.map(PersonRecord::active).orElse(true), password.isEmpty() ? null : password);
      offices.putPerson(office, user, body);
      return "redirect:/admin/orang?saved=" + user;
    } catch (JdihException e) {
      Language lang = language(model);
      Problems.Problem problem = problems.of(e, lang);
      response.setStatus(problem.status());
      model.addAttribute("editing", "true".equals(editing));
      return renderPeople(me, model, values, FormErrors.of(problem, PERSON_FIELDS, lang));
    }
  }

  private String renderPeople(PersonRecord me, Model model, Map<String, String> values, FormErrors errors) {
    SopDefinition sop = pages.currentSop(me.officeId());
    TasksController.common(model, me, sop);
    List<PersonRow> rows = new ArrayList<>();
    for (PersonRecord p : directory.people(me.officeId())) {
      rows.add(new PersonRow(p, p.roles().stream().sorted().map(r -> sop.role(r).map(Role::name).orElse(r.value()))
          .toList()));
    }
    model.addAttribute("people", rows);
    model.addAttribute("roles", sop.roles());
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("key", UUID.randomUUID().toString());
    model.addAttribute("section", "people");
    return "admin-people";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Platform accounts

  @GetMapping("/admin/platform")
  String platforms(@RequestParam(required = false) String saved, Model model) {
    PersonRecord me = admin(pages, access);
    if (saved != null && saved.length() <= 16) {
      model.addAttribute("saved", saved);
    }
    return renderPlatforms(me, model, new HashMap<>(Map.of("platform", "TELEGRAM")), FormErrors.none());
  }

  @PostMapping("/admin/platform")
  String savePlatform(@RequestParam(defaultValue = "") String platform,
      @RequestParam(defaultValue = "") String accountId, @RequestParam(defaultValue = "") String displayUrl,
      @RequestParam(defaultValue = "") String secretRef, Model model, HttpServletResponse response) {
    PersonRecord me = admin(pages, access);
    Map<String, String> values = new HashMap<>(Map.of("platform", platform, "accountId", accountId,
        "displayUrl", displayUrl));
    // A reference is shown again; anything else (perhaps a pasted token) never is.
    if (SecretRef.problem(secretRef).isEmpty()) {
      values.put("secretRef", secretRef);
    }
    try {
      Platform p = PlatformAccounts.platform(bounded("platform", platform, 16));
      platforms.put(me.officeId(), p.name(), new PlatformsController.AccountBody(bounded("accountId", accountId, 64)
          .strip(), bounded("displayUrl", displayUrl, 500).strip(), bounded("secretRef", secretRef, 600).strip()));
      return "redirect:/admin/platform?saved=" + p.name();
    } catch (JdihException e) {
      Language lang = language(model);
      Problems.Problem problem = problems.of(e, lang);
      response.setStatus(problem.status());
      return renderPlatforms(me, model, values, FormErrors.of(problem, PLATFORM_FIELDS, lang));
    }
  }

  @PostMapping("/admin/platform/hapus")
  String removePlatform(@RequestParam(defaultValue = "") String platform, Model model,
      HttpServletResponse response) {
    PersonRecord me = admin(pages, access);
    try {
      platforms.delete(me.officeId(), PlatformAccounts.platform(bounded("platform", platform, 16)).name());
      return "redirect:/admin/platform";
    } catch (JdihException e) {
      Language lang = language(model);
      Problems.Problem problem = problems.of(e, lang);
      response.setStatus(problem.status());
      return renderPlatforms(me, model, new HashMap<>(Map.of("platform", "TELEGRAM")),
          FormErrors.of(problem, PLATFORM_FIELDS, lang));
    }
  }

  private String renderPlatforms(PersonRecord me, Model model, Map<String, String> values, FormErrors errors) {
    TasksController.common(model, me, pages.currentSop(me.officeId()));
    model.addAttribute("accounts", accounts.list(me.officeId()));
    model.addAttribute("platformChoices", Arrays.asList(Platform.values()));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("key", UUID.randomUUID().toString());
    model.addAttribute("section", "platforms");
    return "admin-platforms";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Calendar

  /** A bad line of an upload. */
  record LineError(String line, String message) {}

  @GetMapping("/admin/kalender")
  String calendar(@RequestParam(required = false) String saved, Model model) {
    PersonRecord me = admin(pages, access);
    model.addAttribute("saved", saved != null);
    return renderCalendar(me, model, FormErrors.none(), List.of());
  }

  @PostMapping("/admin/kalender")
  String uploadCalendar(@RequestParam(required = false) MultipartFile file, Model model,
      HttpServletResponse response) {
    PersonRecord me = admin(pages, access);
    try {
      if (file == null || file.isEmpty()) {
        throw ServerException.badField("file", "NotNull", Text.of("pilih berkas CSV", "choose a CSV file"));
      }
      if (file.getSize() > MAX_CALENDAR_BYTES) {
        throw ServerException.badField("file", "Size", Text.of("berkas paling besar %s KB", "at most %s KB")
            .format(MAX_CALENDAR_BYTES / 1024));
      }
      byte[] bytes;
      try {
        bytes = file.getBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      calendar.replace(me.officeId(), bytes);
      return "redirect:/admin/kalender?saved";
    } catch (JdihException e) {
      Language lang = language(model);
      Problems.Problem problem = problems.of(e, lang);
      response.setStatus(problem.status());
      List<LineError> lines = new ArrayList<>();
      for (Map<String, String> err : problem.errors()) {
        String field = err.getOrDefault("field", "");
        String line = field.startsWith("line ") ? new Ui(lang).t("Baris ", "Line ") + field.substring(5) : "";
        if (!line.isEmpty()) {
          lines.add(new LineError(line, err.get("message")));
        }
      }
      model.addAttribute("saved", false);
      // The bad lines are listed next to the upload field; the alert on top says how many.
      Problems.Problem top = new Problems.Problem(problem.status(), problem.code(), problem.detail(),
          problem.errors().stream().filter(x -> !x.getOrDefault("field", "").startsWith("line ")).toList());
      return renderCalendar(me, model, FormErrors.of(top, List.of("file"), lang), lines);
    }
  }

  private String renderCalendar(PersonRecord me, Model model, FormErrors errors, List<LineError> lines) {
    TasksController.common(model, me, pages.currentSop(me.officeId()));
    model.addAttribute("days", days.list(me.officeId()));
    model.addAttribute("errors", errors);
    model.addAttribute("lineErrors", lines);
    model.addAttribute("maxKb", MAX_CALENDAR_BYTES / 1024);
    model.addAttribute("key", UUID.randomUUID().toString());
    model.addAttribute("section", "calendar");
    return "admin-calendar";
  }

  // ---------------------------------------------------------------------------------------------------------

  static Language language(Model model) {
    return ((Ui) model.getAttribute("ui")).language();
  }

  private static String bounded(String field, String value, int max) {
    if (value.length() > max) {
      throw ServerException.badField(field, "Size", Text.of("paling banyak %s karakter", "at most %s characters")
          .format(max));
    }
    return value;
  }
}
