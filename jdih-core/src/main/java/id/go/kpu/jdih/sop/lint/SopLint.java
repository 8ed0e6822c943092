package id.go.kpu.jdih.sop.lint;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Equipment;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consistency checks on a valid definition: things a reviewer of an SOP document would mark, which do not stop the
 * definition from being built. The reference SOP has exactly one finding: Scanner in activity 5 is not in the
 * Peralatan list.
 *
 * <p>Stateless and thread-safe.
 */
public final class SopLint {

  private SopLint() {}

  /** Every finding on {@code definition}, ordered by activity and rule. */
  public static ImmutableList<LintFinding> check(SopDefinition definition) {
    ImmutableList.Builder<LintFinding> out = ImmutableList.builder();
    List<Activity> activities = definition.activities();
    Set<String> equipmentIds = definition.equipment().stream().map(Equipment::id).collect(Collectors.toSet());
    Set<Integer> reachable = reachableFromStart(definition);
    Set<Integer> reachesEnd = reachingEnd(definition);

    for (int i = 0; i < activities.size(); i++) {
      Activity a = activities.get(i);
      String at = "activities[" + i + "]";
      OptionalInt n = OptionalInt.of(a.number());
      List<Requirement> reqs = a.quality().requirements();
      for (int r = 0; r < reqs.size(); r++) {
        if (reqs.get(r) instanceof Requirement.Tool tool && !equipmentIds.contains(tool.equipmentId())) {
          out.add(new LintFinding(LintRule.EQUIPMENT_NOT_LISTED, n, at + ".quality.requirements[" + r + "]",
              Text.of("Kegiatan %s memerlukan '%s', yang tidak ada dalam daftar Peralatan/Perlengkapan",
                  "Activity %s needs '%s', which is not in the Peralatan/Perlengkapan list")
                  .format(a.number(), tool.name())));
        }
        if (reqs.get(r) instanceof Requirement.Document doc
            && !producedBefore(definition, a.number(), doc.artifact())) {
          out.add(new LintFinding(LintRule.INPUT_NOT_PRODUCED, n, at + ".quality.requirements[" + r + "]",
              Text.of("Kegiatan %s memerlukan '%s', tetapi tidak ada kegiatan sebelumnya yang menghasilkannya",
                  "Activity %s needs '%s', but no earlier activity produces it").format(a.number(), doc.name())));
        }
      }
      if (a.quality().output().isEmpty() && a.kind() != ActivityKind.APPROVAL) {
        out.add(new LintFinding(LintRule.ACTIVITY_WITHOUT_OUTPUT, n, at + ".quality.output",
            Text.of("Kegiatan %s tidak menyebut output", "Activity %s names no output").format(a.number())));
      }
      if (a.quality().time().isEmpty()) {
        out.add(new LintFinding(LintRule.MISSING_TIME_STANDARD, n, at + ".quality.time",
            Text.of("Kegiatan %s tidak punya standar waktu", "Activity %s has no time standard")
                .format(a.number())));
      }
      if (!reachable.contains(a.number())) {
        out.add(new LintFinding(LintRule.UNREACHABLE_ACTIVITY, n, at,
            Text.of("Kegiatan %s tidak dapat dicapai dari Mulai", "Activity %s cannot be reached from the start")
                .format(a.number())));
      }
      if (definition.transitionAfter(a.number()) instanceof Transition.Decision d) {
        for (Outcome o : Outcome.values()) {
          if (d.branch(o).isEmpty()) {
            out.add(new LintFinding(LintRule.DECISION_MISSING_BRANCH, n, "flow.transitions[" + a.number() + "]",
                Text.of("Keputusan setelah kegiatan %s tidak punya cabang '%s'",
                    "The decision after activity %s has no '%s' branch")
                    .format(a.number(), o.label().id())));
          }
        }
      }
      if (!reachesEnd.contains(a.number())) {
        out.add(new LintFinding(LintRule.NO_PATH_TO_END, n, at,
            Text.of("Dari kegiatan %s tidak ada alur yang sampai ke Selesai",
                "No path from activity %s reaches the end").format(a.number())));
      }
    }

    Set<String> usedRoles = activities.stream().map(a -> a.executor().value()).collect(Collectors.toSet());
    List<Role> roles = definition.roles();
    for (int i = 0; i < roles.size(); i++) {
      if (!usedRoles.contains(roles.get(i).id().value())) {
        out.add(new LintFinding(LintRule.LANE_WITHOUT_ACTIVITIES, OptionalInt.empty(), "roles[" + i + "]",
            Text.of("Pelaksana '%s' tidak melaksanakan satu kegiatan pun", "Role '%s' performs no activity")
                .format(roles.get(i).name())));
      }
    }
    if (activities.stream().noneMatch(a -> a.kind() == ActivityKind.PUBLICATION)) {
      out.add(new LintFinding(LintRule.NO_PUBLICATION, OptionalInt.empty(), "activities",
          Text.of("Tidak ada kegiatan pengunggahan konten", "There is no activity that publishes the content")));
    }
    return out.build();
  }

  private static Set<Integer> reachableFromStart(SopDefinition d) {
    Set<Integer> seen = new HashSet<>();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(d.flow().start());
    while (!todo.isEmpty()) {
      int n = todo.poll();
      if (seen.add(n)) {
        for (Target t : d.transitionAfter(n).targets()) {
          if (t instanceof Target.ToActivity to) {
            todo.add(to.number());
          }
        }
      }
    }
    return seen;
  }

  private static Set<Integer> reachingEnd(SopDefinition d) {
    // Backwards fixpoint: an activity reaches the end if one of its targets is the end or reaches it.
    Set<Integer> reaches = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Activity a : d.activities()) {
        if (reaches.contains(a.number())) {
          continue;
        }
        for (Target t : d.transitionAfter(a.number()).targets()) {
          if (t instanceof Target.End || (t instanceof Target.ToActivity to && reaches.contains(to.number()))) {
            reaches.add(a.number());
            changed = true;
            break;
          }
        }
      }
    }
    return reaches;
  }

  // True if, on every path from the start to `number`, some activity before it produces `artifact`.
  private static boolean producedBefore(SopDefinition d, int number, Artifact artifact) {
    // Search from the start for a path to `number` that avoids every producer: if there is one, the input can be
    // missing when the activity runs.
    Map<Integer, Activity> byNumber = new HashMap<>();
    d.activities().forEach(a -> byNumber.put(a.number(), a));
    Set<Integer> seen = new HashSet<>();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(d.flow().start());
    while (!todo.isEmpty()) {
      int n = todo.poll();
      if (n == number) {
        return false;
      }
      if (!seen.add(n) || checkNotNull(byNumber.get(n), "a valid flow leads to known activities").kind().produces()
          .contains(artifact)) {
        continue;
      }
      for (Target t : d.transitionAfter(n).targets()) {
        if (t instanceof Target.ToActivity to) {
          todo.add(to.number());
        }
      }
    }
    return true;
  }
}
