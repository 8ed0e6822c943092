package id.go.kpu.jdih.definition.json;

import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.QualityStandard;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Translates a (valid) core definition into the format's records. */
final class ToDto {

  private ToDto() {}

  static Dto.Definition definition(SopDefinition d) {
    SopIdentity id = d.identity();
    return new Dto.Definition(
        SopDefinitionJson.FORMAT,
        new Dto.Office(d.office().id(), d.office().name(), d.office().unit(), d.office().zone().getId()),
        new Dto.Identity(id.number(), id.revision(), date(id.createdOn()),
            id.revisedOn().map(ToDto::date).orElse(null), date(id.approvedOn()),
            new Dto.Approver(id.approvedBy().position(), id.approvedBy().name(), id.approvedBy().nip().formatted())),
        d.title(),
        d.legalBasis(),
        d.executorQualifications(),
        d.relatedSops(),
        d.equipment().stream().map(e -> new Dto.Equipment(e.id(), e.name())).toList(),
        d.warnings(),
        d.recordKeeping(),
        d.roles().stream().map(r -> new Dto.Role(r.id().value(), r.name())).toList(),
        d.activities().stream().map(ToDto::activity).toList(),
        new Dto.Flow(d.flow().start(), transitions(d.flow().transitions()),
            d.flow().withdrawalRole().map(RoleId::value).orElse(null)),
        d.flowchartTitle(),
        new Dto.Signature(d.signature().organisation(), d.signature().position(), d.signature().name()),
        d.allowedPlatforms().asList());
  }

  private static Dto.Activity activity(Activity a) {
    QualityStandard q = a.quality();
    return new Dto.Activity(a.number(), a.description(), a.executor().value(), a.kind(),
        new Dto.Quality(q.requirements().stream().map(ToDto::requirement).toList(),
            q.time().map(t -> new Dto.Time(t.amount(), t.unit())).orElse(null),
            q.output().orElse(null)),
        a.remarks().orElse(null));
  }

  private static Dto.Requirement requirement(Requirement r) {
    if (r instanceof Requirement.Tool t) {
      return new Dto.Requirement(Dto.TOOL, t.name(), t.equipmentId(), null);
    }
    Requirement.Document doc = (Requirement.Document) r;
    return new Dto.Requirement(Dto.DOCUMENT, doc.name(), null, doc.artifact());
  }

  // Sorted by activity number, not in the map's insertion order: a variant's structural edits append transitions
  // out of order, and the written file must not depend on how the definition was built.
  private static Map<String, Dto.Transition> transitions(Map<Integer, Transition> transitions) {
    Map<String, Dto.Transition> out = new LinkedHashMap<>();
    new TreeMap<>(transitions).forEach((number, t) -> out.put(String.valueOf(number), transition(t)));
    return out;
  }

  private static Dto.Transition transition(Transition t) {
    if (t instanceof Transition.Sequence s) {
      return new Dto.Transition(Dto.SEQUENCE, target(s.next()), null);
    }
    List<Dto.Branch> branches = ((Transition.Decision) t).branches().stream()
        .map((Branch b) -> new Dto.Branch(b.outcome(), target(b.target()), b.additionToSeed()))
        .toList();
    return new Dto.Transition(Dto.DECISION, null, branches);
  }

  private static Dto.Target target(Target t) {
    return t instanceof Target.ToActivity to ? new Dto.Target(to.number(), null) : new Dto.Target(null, true);
  }

  private static String date(LocalDate date) {
    return date.toString(); // ISO-8601 uuuu-MM-dd, as LocalDate.parse reads it back
  }
}
