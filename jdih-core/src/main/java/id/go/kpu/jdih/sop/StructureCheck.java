package id.go.kpu.jdih.sop;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The structural (cross-field) rules of a definition; field-level rules are Jakarta Validation's. */
final class StructureCheck {

  private StructureCheck() {}

  static List<Violation> check(SopDefinition.Builder b) {
    List<Violation> out = new ArrayList<>();

    Set<RoleId> roleIds = new HashSet<>();
    for (int i = 0; i < b.roles().size(); i++) {
      RoleId id = b.roles().get(i).id();
      if (id != null && !roleIds.add(id)) {
        out.add(new Violation("roles[" + i + "].id", "Unique",
            Text.of("id peran '%s' dipakai lebih dari sekali", "role id '%s' is used more than once").format(id)));
      }
    }

    Set<String> equipmentIds = new HashSet<>();
    for (int i = 0; i < b.equipment().size(); i++) {
      String id = b.equipment().get(i).id();
      if (id != null && !equipmentIds.add(id)) {
        out.add(new Violation("equipment[" + i + "].id", "Unique",
            Text.of("id peralatan '%s' dipakai lebih dari sekali", "equipment id '%s' is used more than once")
                .format(id)));
      }
    }

    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < b.activities().size(); i++) {
      Activity a = b.activities().get(i);
      String at = "activities[" + i + "]";
      if (!numbers.add(a.number())) {
        out.add(new Violation(at + ".number", "Unique",
            Text.of("nomor kegiatan %s dipakai lebih dari sekali", "activity number %s is used more than once")
                .format(a.number())));
      }
      if (a.executor() != null && a.executor().value() != null && !roleIds.contains(a.executor())) {
        out.add(new Violation(at + ".executor", "KnownRole",
            Text.of("pelaksana '%s' tidak ada dalam daftar pelaksana", "executor '%s' is not one of the roles")
                .format(a.executor())));
      }
      Transition t = b.transitions().get(a.number());
      if (t == null) {
        out.add(new Violation("flow.transitions[" + a.number() + "]", "NotNull",
            Text.of("kegiatan %s tidak punya alur lanjutan", "activity %s has no outgoing transition")
                .format(a.number())));
      } else if (a.kind() == ActivityKind.APPROVAL && !(t instanceof Transition.Decision)) {
        out.add(new Violation("flow.transitions[" + a.number() + "]", "DecisionAfterApproval",
            Text.of("kegiatan persetujuan %s harus diikuti keputusan (Ya/Tidak)",
                "approval activity %s must be followed by a decision (yes/no)").format(a.number())));
      } else if (a.kind() != null && a.kind() != ActivityKind.APPROVAL && t instanceof Transition.Decision) {
        out.add(new Violation("flow.transitions[" + a.number() + "]", "DecisionAfterApproval",
            Text.of("keputusan hanya boleh mengikuti kegiatan persetujuan, bukan kegiatan %s",
                "a decision may only follow an approval activity, not activity %s").format(a.number())));
      }
    }

    if (!b.activities().isEmpty() && !numbers.contains(b.start())) {
      out.add(new Violation("flow.start", "KnownActivity",
          Text.of("alur dimulai dari kegiatan %s yang tidak ada", "the flow starts at activity %s, which does not exist")
              .format(b.start())));
    }

    for (Map.Entry<Integer, Transition> e : b.transitions().entrySet()) {
      String at = "flow.transitions[" + e.getKey() + "]";
      if (!numbers.contains(e.getKey())) {
        out.add(new Violation(at, "KnownActivity",
            Text.of("alur untuk kegiatan %s yang tidak ada", "transition for activity %s, which does not exist")
                .format(e.getKey())));
      }
      if (e.getValue() instanceof Transition.Sequence s) {
        checkTarget(s.next(), at + ".next", numbers, out);
      } else if (e.getValue() instanceof Transition.Decision d && d.branches() != null) {
        Set<Outcome> outcomes = new HashSet<>();
        for (int i = 0; i < d.branches().size(); i++) {
          Branch br = d.branches().get(i);
          if (br == null) {
            continue; // reported by Jakarta Validation
          }
          if (br.outcome() != null && !outcomes.add(br.outcome())) {
            out.add(new Violation(at + ".branches[" + i + "].outcome", "Unique",
                Text.of("keputusan punya lebih dari satu cabang '%s'", "the decision has more than one '%s' branch")
                    .format(br.outcome())));
          }
          checkTarget(br.target(), at + ".branches[" + i + "].target", numbers, out);
        }
      }
    }

    b.withdrawalRole().ifPresent(r -> {
      if (!roleIds.contains(r)) {
        out.add(new Violation("flow.withdrawalRole", "KnownRole",
            Text.of("peran pembatalan '%s' tidak ada dalam daftar pelaksana",
                "withdrawal role '%s' is not one of the roles").format(r)));
      }
    });

    SopIdentity id = b.identity();
    if (id != null && id.revisedOn() != null) {
      if (id.revision() > 0 && id.revisedOn().isEmpty()) {
        out.add(new Violation("identity.revisedOn", "RevisionDate",
            Text.of("revisi ke-%s wajib punya tanggal revisi", "revision %s needs a revision date")
                .format(id.revision())));
      } else if (id.revision() == 0 && id.revisedOn().isPresent()) {
        out.add(new Violation("identity.revision", "RevisionDate",
            Text.of("ada tanggal revisi, maka nomor revisi harus 1 atau lebih",
                "a revision date is set, so the revision number must be 1 or more")));
      }
    }
    return out;
  }

  private static void checkTarget(Target t, String at, Set<Integer> numbers, List<Violation> out) {
    if (t instanceof Target.ToActivity to && !numbers.contains(to.number())) {
      out.add(new Violation(at, "KnownActivity",
          Text.of("panah menuju kegiatan %s yang tidak ada", "arrow to activity %s, which does not exist")
              .format(to.number())));
    }
  }
}
