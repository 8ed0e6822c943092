package id.go.kpu.jdih.definition.json;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityPaths;
import id.go.kpu.jdih.sop.Approver;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.Equipment;
import id.go.kpu.jdih.sop.InvalidDefinitionException;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SignatureBlock;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.sop.Transition;
import id.go.kpu.jdih.validation.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * Translates the format's records into a core definition, collecting every problem instead of stopping at the
 * first.
 *
 * <p>Absent fields are handed to the core as {@code null} wherever the core type accepts one, so that the core's
 * {@code build()} names them all with its own rules ({@code NotNull}, {@code NotBlank}). Where the core cannot hold a
 * null (a list, a list element, an {@code int}, a {@code boolean}) this class reports the problem itself, in the
 * same words, and passes a neutral value. The core's violations are then translated back to JSON paths: list
 * indices are mapped back where null elements were left out or activities were reordered by number, and the core's
 * property names are replaced by the format's field names where they differ. A core violation at, inside or above a
 * path this class already reported is a consequence of that problem and is left out.
 *
 * <p>One instance reads one document; not thread-safe.
 */
final class FromDto {

  static final Text REQUIRED = Text.of("wajib diisi", "is required");

  private final List<Violation> violations = new ArrayList<>();
  // For each list the builder received: its path as the core reports it -> the JSON index of each element.
  private final Map<String, int[]> jsonIndex = new HashMap<>();

  private FromDto() {}


  /**
   * The definition {@code dto} describes.
   *
   * @throws InvalidDefinitionException listing every problem, with JSON paths
   */
  static SopDefinition definition(Dto.Definition dto) {
    return new FromDto().build(dto);
  }

  private SopDefinition build(Dto.Definition d) {
    SopDefinition.Builder b = SopDefinition.builder()
        .office(office(d.office()))
        .identity(identity(d.identity()))
        .title(d.title())
        .legalBasis(strings(d.legalBasis(), "legalBasis"))
        .executorQualifications(strings(d.executorQualifications(), "executorQualifications"))
        .relatedSops(strings(d.relatedSops(), "relatedSops"))
        .equipment(list(d.equipment(), "equipment", "equipment", (e, at) -> new Equipment(e.id(), e.name())))
        .warnings(strings(d.warnings(), "warnings"))
        .recordKeeping(d.recordKeeping())
        .roles(list(d.roles(), "roles", "roles", (r, at) -> new Role(roleId(r.id()), r.name())))
        .activities(activities(d.activities()))
        .flowchartTitle(d.flowchartTitle())
        .signature(signature(d.signature()));
    if (d.allowedPlatforms() != null) { // nullable: every platform
      b.allowedPlatforms(list(d.allowedPlatforms(), "allowedPlatforms", "allowedPlatforms", (p, at) -> p));
    }
    flow(d.flow(), b);

    SopDefinition built = null;
    List<Violation> fromCore = List.of();
    try {
      built = b.build();
    } catch (InvalidDefinitionException e) {
      fromCore = e.violations();
    }
    List<Violation> all = new ArrayList<>(violations);
    for (Violation v : fromCore) {
      Violation translated = new Violation(jsonPath(v.path()), v.rule(), v.message());
      if (violations.stream().noneMatch(mine -> related(mine.path(), translated.path()))) {
        all.add(translated);
      }
    }
    if (all.isEmpty()) {
      return built;
    }
    throw new InvalidDefinitionException(all.stream().map(v -> namingTheActivity(v, d.activities())).sorted()
        .distinct().collect(ImmutableList.toImmutableList()), null);
  }

  // "activities[6]" is the file's seventh entry, which need not be activity 7: the message names its number, as the
  // core's do (those name it already).
  private static Violation namingTheActivity(Violation v, List<Dto.Activity> rows) {
    return ActivityPaths.named(v, i -> rows != null && i < rows.size() && rows.get(i) != null
        && rows.get(i).number() != null ? OptionalInt.of(rows.get(i).number()) : OptionalInt.empty());
  }

  // ---- the parts ----

  private Office office(Dto.Office o) {
    if (o == null) {
      return null;
    }
    ZoneId zone = null;
    if (o.zone() != null) {
      try {
        zone = ZoneId.of(o.zone());
      } catch (DateTimeException e) {
        report("office.zone", "TimeZone", Text.of(
            "zona waktu '%s' tidak dikenal (mis. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
            "unknown time zone '%s' (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)").format(o.zone()));
      }
    }
    return new Office(o.id(), o.name(), o.unit(), zone);
  }

  private SopIdentity identity(Dto.Identity i) {
    if (i == null) {
      return null;
    }
    Dto.Approver a = i.approvedBy();
    return new SopIdentity(i.number(), required(i.revision(), "identity.revision", 0),
        date(i.createdOn(), "identity.createdOn"),
        Optional.ofNullable(date(i.revisedOn(), "identity.revisedOn")),
        date(i.approvedOn(), "identity.approvedOn"),
        a == null ? null : new Approver(a.position(), a.name(), a.nip() == null ? null : Nip.of(a.nip())));
  }

  private SignatureBlock signature(Dto.Signature s) {
    return s == null ? null : new SignatureBlock(s.organisation(), s.position(), s.name());
  }

  // An activity with the JSON index of each of its requirements. Never compared: the array's identity equals is moot.
  @SuppressWarnings("ArrayRecordComponent")
  private record Row(Activity activity, int jsonIndex, int[] requirementIndex) {}

  private List<Activity> activities(List<Dto.Activity> items) {
    if (items == null) {
      report("activities", "NotNull", REQUIRED);
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Dto.Activity a = items.get(i);
      String at = "activities[" + i + "]";
      if (a == null) {
        nullElement(at);
        continue;
      }
      int[] requirementIndex = new int[0];
      QualityStandard quality = null;
      if (a.quality() != null) {
        Dto.Quality q = a.quality();
        Mapped<Requirement> requirements = mapped(q.requirements(), at + ".quality.requirements", this::requirement);
        requirementIndex = requirements.jsonIndex();
        Optional<TimeStandard> time = Optional.ofNullable(q.time()).map(t -> new TimeStandard(
            required(t.amount(), at + ".quality.time.amount", 0), t.unit()));
        quality = new QualityStandard(requirements.items(), time, Optional.ofNullable(q.output()));
      }
      Activity activity = new Activity(required(a.number(), at + ".number", 0), a.description(),
          roleId(a.executor()), a.kind(), quality, Optional.ofNullable(a.remarks()));
      rows.add(new Row(activity, i, requirementIndex));
    }
    // The core orders activities by number and reports them at their index in that order; sorting them here
    // (stably, as the core does) makes the builder's order the same, so one map translates every index back.
    rows.sort(Comparator.comparingInt(r -> r.activity().number()));
    int[] index = new int[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      index[k] = rows.get(k).jsonIndex();
      jsonIndex.put("activities[" + k + "].quality.requirements", rows.get(k).requirementIndex());
    }
    jsonIndex.put("activities", index);
    return rows.stream().map(Row::activity).toList();
  }

  private Requirement requirement(Dto.Requirement r, String at) {
    if (r.type() == null) {
      report(at + ".type", "NotNull", REQUIRED);
      return null;
    }
    switch (r.type()) {
      case Dto.TOOL -> {
        notAllowed(r.artifact(), at + ".artifact", Dto.TOOL);
        return new Requirement.Tool(r.name(), r.equipmentId());
      }
      case Dto.DOCUMENT -> {
        notAllowed(r.equipmentId(), at + ".equipmentId", Dto.DOCUMENT);
        return new Requirement.Document(r.name(), r.artifact());
      }
      default -> {
        unknownValue(at + ".type", r.type(), Dto.TOOL + ", " + Dto.DOCUMENT);
        return null;
      }
    }
  }

  private void flow(Dto.Flow f, SopDefinition.Builder b) {
    if (f == null) {
      report("flow", "NotNull", REQUIRED);
      return;
    }
    b.start(required(f.start(), "flow.start", 0));
    b.withdrawalRole(Optional.ofNullable(f.withdrawalRole()).map(RoleId::of));
    if (f.transitions() == null) {
      report("flow.transitions", "NotNull", REQUIRED);
      return;
    }
    f.transitions().forEach((key, t) -> {
      String at = "flow.transitions[" + key + "]";
      Integer number = activityNumber(key);
      if (number == null) {
        report(at, "Type", Text.of("kunci harus nomor kegiatan, mis. \"1\"",
            "the key must be an activity number, e.g. \"1\""));
      } else if (t == null) {
        nullElement(at);
      } else {
        Transition transition = transition(t, at);
        if (transition != null) {
          b.transition(number, transition);
        }
      }
    });
  }

  private Transition transition(Dto.Transition t, String at) {
    if (t.type() == null) {
      report(at + ".type", "NotNull", REQUIRED);
      return null;
    }
    switch (t.type()) {
      case Dto.SEQUENCE -> {
        notAllowed(t.branches(), at + ".branches", Dto.SEQUENCE);
        return Transition.to(target(t.next(), at + ".next"));
      }
      case Dto.DECISION -> {
        notAllowed(t.next(), at + ".next", Dto.DECISION);
        String branches = at + ".branches";
        return new Transition.Decision(list(t.branches(), branches, branches, (br, bat) -> new Branch(
            br.outcome(), target(br.target(), bat + ".target"),
            required(br.additionToSeed(), bat + ".additionToSeed", false))));
      }
      default -> {
        unknownValue(at + ".type", t.type(), Dto.SEQUENCE + ", " + Dto.DECISION);
        return null;
      }
    }
  }

  // null leaves the core to report the missing target (NotNull) at the same path.
  private Target target(Dto.Target t, String at) {
    if (t == null) {
      return null;
    }
    if ((t.activity() == null) == (t.end() == null)) {
      report(at, "OneOf", Text.of("isi tepat salah satu dari \"activity\" (nomor kegiatan) atau \"end\": true",
          "give exactly one of \"activity\" (an activity number) or \"end\": true"));
      return null;
    }
    if (t.end() != null) {
      if (!t.end()) {
        report(at + ".end", "AssertTrue", Text.of("hanya boleh true; untuk menuju kegiatan pakai \"activity\"",
            "may only be true; use \"activity\" to point to an activity"));
        return null;
      }
      return Target.end();
    }
    return Target.activity(t.activity());
  }

  // ---- helpers ----

  @SuppressWarnings("ArrayRecordComponent") // never compared: the array's identity equals is moot
  private record Mapped<T>(List<T> items, int[] jsonIndex) {}

  private List<String> strings(List<String> items, String path) {
    return list(items, path, path, (s, at) -> s);
  }

  private <D, T> List<T> list(List<D> items, String jsonPath, String corePath, BiFunction<D, String, T> map) {
    Mapped<T> m = mapped(items, jsonPath, map);
    jsonIndex.put(corePath, m.jsonIndex());
    return m.items();
  }

  // Maps the non-null elements whose mapping succeeds; a missing list reads as empty, after reporting it.
  private <D, T> Mapped<T> mapped(List<D> items, String jsonPath, BiFunction<D, String, T> map) {
    if (items == null) {
      report(jsonPath, "NotNull", REQUIRED);
      return new Mapped<>(List.of(), new int[0]);
    }
    List<T> out = new ArrayList<>();
    int[] index = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      String at = jsonPath + "[" + i + "]";
      if (items.get(i) == null) {
        nullElement(at);
        continue;
      }
      T mappedItem = map.apply(items.get(i), at);
      if (mappedItem != null) {
        index[out.size()] = i;
        out.add(mappedItem);
      }
    }
    return new Mapped<>(out, Arrays.copyOf(index, out.size()));
  }

  private <T> T required(T value, String path, T neutral) {
    if (value == null) {
      report(path, "NotNull", REQUIRED);
      return neutral;
    }
    return value;
  }

  private static RoleId roleId(String id) {
    return id == null ? null : RoleId.of(id);
  }

  private LocalDate date(String text, String path) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text); // ISO_LOCAL_DATE, strict: 2023-02-30 is refused
    } catch (DateTimeParseException e) {
      report(path, "Date", Text.of("'%s' bukan tanggal yang sah; tulis TTTT-BB-HH, mis. 2023-03-06",
          "'%s' is not a valid date; write YYYY-MM-DD, e.g. 2023-03-06").format(text));
      return null;
    }
  }

  private static Integer activityNumber(String key) {
    try {
      int n = Integer.parseInt(key);
      return String.valueOf(n).equals(key) ? n : null; // "01" or "+1" would let two keys name one activity
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void nullElement(String path) {
    report(path, "NotNull", Text.of("tidak boleh null", "must not be null"));
  }

  private void notAllowed(Object value, String path, String type) {
    if (value != null) {
      report(path, "UnknownField", Text.of("kolom ini tidak berlaku untuk type \"%s\"",
          "this field does not apply to type \"%s\"").format(type));
    }
  }

  private void unknownValue(String path, String value, String allowed) {
    report(path, "UnknownValue", Text.of("nilai '%s' tidak dikenal; pilihan: %s",
        "unknown value '%s'; allowed: %s").format(value, allowed));
  }

  private void report(String path, String rule, Text message) {
    violations.add(new Violation(path, rule, message));
  }

  // ---- translating the core's paths ----

  // The JSON path of a path the core reports.
  private String jsonPath(String corePath) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    for (int open = corePath.indexOf('[', pos); open >= 0; open = corePath.indexOf('[', pos)) {
      int close = corePath.indexOf(']', open);
      if (close < 0) {
        break;
      }
      String inside = corePath.substring(open + 1, close);
      int[] index = jsonIndex.get(corePath.substring(0, open));
      out.append(corePath, pos, open + 1);
      if (index != null && inside.matches("\\d{1,9}") && Integer.parseInt(inside) < index.length) {
        out.append(index[Integer.parseInt(inside)]);
      } else {
        out.append(inside);
      }
      out.append(']');
      pos = close + 1;
    }
    String path = out.append(corePath.substring(pos)).toString();
    // Where the core's property names differ from the format's field names: a RoleId's or a Nip's "value" is the
    // JSON string itself, and an arrow's activity number is written as "activity".
    if (path.endsWith(".value")) {
      path = path.substring(0, path.length() - ".value".length());
    }
    if (path.endsWith(".next.number") || path.endsWith(".target.number")) {
      path = path.substring(0, path.length() - ".number".length()) + ".activity";
    }
    return path;
  }

  // True if one path is the other, or inside it.
  private static boolean related(String a, String b) {
    return a.equals(b) || inside(a, b) || inside(b, a);
  }

  private static boolean inside(String inner, String outer) {
    return inner.startsWith(outer) && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
  }
}
