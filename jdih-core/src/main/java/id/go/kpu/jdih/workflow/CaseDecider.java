package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Transition;
import id.go.kpu.jdih.validation.BeanValidation;
import id.go.kpu.jdih.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Decides what a command does to a case under one definition: either the events to record, or a
 * {@link CaseRuleViolation}. Pure: no I/O, no clock of its own (the time is passed in), no state.
 *
 * <p>The rules, checked in this order: the command is well formed; the case exists (only a proposal opens one) and
 * is not closed; the command performs the case's current activity; the actor holds the activity's executor role;
 * the activity's input documents exist and its equipment is confirmed; its output is valid (Jakarta Validation and
 * the target platforms' rules); a decision has the branch asked for. A command whose id was applied already
 * produces no new events.
 *
 * <p>Thread-safe: immutable.
 */
public final class CaseDecider {

  private final SopDefinition definition;
  private final OutputRules outputRules;
  // One OptionalInt per activity, shared by every event recorded in it: a retained event then costs no box of its own.
  private final ImmutableMap<Integer, OptionalInt> activityRefs;

  /** A decider for cases of {@code definition}, checking outputs with {@code outputRules}. */
  public CaseDecider(SopDefinition definition, OutputRules outputRules) {
    this.definition = checkNotNull(definition, "definition");
    this.outputRules = checkNotNull(outputRules, "outputRules");
    this.activityRefs = definition.activities().stream()
        .collect(ImmutableMap.toImmutableMap(Activity::number, a -> OptionalInt.of(a.number())));
  }

  /** The definition. */
  public SopDefinition definition() {
    return definition;
  }

  /**
   * The events {@code command} produces on {@code state} at {@code now}; empty if the command was applied already.
   *
   * @throws CaseRuleViolation if the command breaks a rule; nothing is produced
   */
  public ImmutableList<RecordedEvent> decide(ContentCase state, CaseCommand command, Instant now) {
    return decide(state, command, now, Optional.empty());
  }

  /**
   * The events {@code command} produces on {@code state} at {@code now}, recording {@code principal} as the
   * authenticated principal that acted; empty if the command was applied already.
   *
   * @throws CaseRuleViolation if the command breaks a rule; nothing is produced
   */
  public ImmutableList<RecordedEvent> decide(ContentCase state, CaseCommand command, Instant now,
      Optional<Principal> principal) {
    checkNotNull(principal, "principal");
    checkNotNull(state, "state");
    checkNotNull(command, "command");
    checkNotNull(now, "now");
    CaseId caseId = state.id();
    List<Violation> all = BeanValidation.validate(command);
    List<Violation> envelope = all.stream()
        .filter(v -> v.path().startsWith("actor") || v.path().equals("commandId") || v.path().equals("caseId"))
        .toList();
    if (!envelope.isEmpty()) {
      throw new CaseRuleViolation(CaseRuleViolation.Rule.INVALID_COMMAND, caseId, OptionalInt.empty(),
          Text.of("perintah tidak lengkap atau tidak sah", "the command is incomplete or invalid"),
          ImmutableList.copyOf(envelope));
    }
    if (!command.caseId().equals(caseId)) {
      throw new IllegalArgumentException("command for case " + command.caseId() + " decided on case " + caseId);
    }
    if (state.hasApplied(command.commandId())) {
      return ImmutableList.of();
    }
    if (state.status().isClosed()) {
      throw new CaseRuleViolation(CaseRuleViolation.Rule.CASE_CLOSED, caseId, OptionalInt.empty(),
          Text.of("kasus sudah " + state.status().label().id() + " dan tidak menerima perintah lagi",
              "the case is " + state.status().label().en() + " and accepts nothing more"));
    }
    if (state.status() == CaseStatus.NEW && !(command instanceof CaseCommand.Propose)) {
      throw new CaseRuleViolation(CaseRuleViolation.Rule.UNKNOWN_CASE, caseId, OptionalInt.empty(),
          Text.of("kasus tidak ditemukan; kasus baru dibuka dengan pengusulan materi",
              "no such case; a new case is opened by a proposal"));
    }
    int number = state.status() == CaseStatus.NEW ? definition.flow().start() : state.currentActivity().orElseThrow();
    Activity activity = definition.activity(number).orElseThrow();
    OptionalInt at = checkNotNull(activityRefs.get(number), "every activity has a reference");

    if (command instanceof CaseCommand.Withdraw w) {
      RoleId role = definition.flow().withdrawalRole().orElseThrow(() -> new CaseRuleViolation(
          CaseRuleViolation.Rule.NOT_ALLOWED, caseId, OptionalInt.empty(),
          Text.of("SOP ini tidak mengenal pembatalan kasus", "this SOP allows no withdrawal")));
      if (!w.actor().holds(role)) {
        throw new CaseRuleViolation(CaseRuleViolation.Rule.NOT_ALLOWED, caseId, OptionalInt.empty(),
            Text.of("%s tidak memegang peran %s yang berwenang membatalkan kasus",
                "%s does not hold the role %s that may withdraw a case")
                .format(w.actor(), roleName(role)));
      }
      requireValid(all, caseId, OptionalInt.empty());
      return ImmutableList.of(event(state, command, now, principal, OptionalInt.empty(),
          new CaseEvent.Withdrawn(w.reason())));
    }

    ActivityKind wanted = command.kind().orElseThrow();
    if (activity.kind() != wanted) {
      throw new CaseRuleViolation(CaseRuleViolation.Rule.OUT_OF_ORDER, caseId, at,
          Text.of("kegiatan yang sedang berjalan adalah kegiatan %s (%s); perintah ini untuk kegiatan jenis %s",
              "the current activity is activity %s (%s); this command is for an activity of kind %s")
              .format(number, activity.kind(), wanted));
    }
    if (!command.actor().holds(activity.executor())) {
      throw new CaseRuleViolation(CaseRuleViolation.Rule.NOT_EXECUTOR, caseId, at,
          Text.of("%s tidak memegang peran %s, pelaksana kegiatan ini", "%s does not hold the role %s that performs "
              + "this activity").format(command.actor(), roleName(activity.executor())));
    }
    checkInputs(state, command, activity, at);

    List<Violation> output = new ArrayList<>(all);
    Set<Platform> targets = state.proposal().map(p -> (Set<Platform>) p.platforms())
        .orElse(EnumSet.noneOf(Platform.class));
    CaseEvent payload;
    if (command instanceof CaseCommand.Propose p) {
      if (p.proposal() != null) {
        p.proposal().platforms().stream().filter(pl -> !definition.allowedPlatforms().contains(pl)).sorted()
            .forEach(pl -> output.add(new Violation("proposal.platforms", "AllowedPlatform", Text.of(
                "%s bukan platform kantor ini (yang boleh: %s)", "%s is not a platform of this office (allowed: %s)")
                .format(pl.displayName(), definition.allowedPlatforms().stream().map(Platform::displayName)
                    .collect(java.util.stream.Collectors.joining(", "))))));
      }
      payload = new CaseEvent.Proposed(p.proposal());
    } else if (command instanceof CaseCommand.Approve a) {
      payload = new CaseEvent.Approved(a.note());
    } else if (command instanceof CaseCommand.Reject r) {
      Transition.Decision d = (Transition.Decision) definition.transitionAfter(number);
      if (d.branch(Outcome.REJECTED).isEmpty()) {
        throw new CaseRuleViolation(CaseRuleViolation.Rule.NO_BRANCH, caseId, at,
            Text.of("keputusan ini tidak punya cabang 'Tidak'", "this decision has no 'no' branch"));
      }
      payload = new CaseEvent.Rejected(r.reason());
    } else if (command instanceof CaseCommand.RecordMeeting m) {
      payload = new CaseEvent.MeetingRecorded(m.meeting());
    } else if (command instanceof CaseCommand.Summarize s) {
      payload = new CaseEvent.Summarized(s.summary());
    } else if (command instanceof CaseCommand.AttachDesign d) {
      if (d.items() != null && output.isEmpty()) {
        for (Platform p : targets) {
          output.addAll(outputRules.checkMedia(p, d.items(), "items"));
        }
      }
      payload = new CaseEvent.DesignAttached(d.items());
    } else if (command instanceof CaseCommand.WriteCaption c) {
      if (output.isEmpty()) {
        c.caption().perPlatform().keySet().stream().filter(p -> !targets.contains(p)).forEach(p -> output.add(
            new Violation("caption.perPlatform[" + p + "]", "TargetPlatform",
                Text.of("%s bukan platform tujuan kasus ini", "%s is not a target platform of this case")
                    .format(p.displayName()))));
        for (Platform p : targets) {
          String path = c.caption().perPlatform().containsKey(p) ? "caption.perPlatform[" + p + "]" : "caption.text";
          output.addAll(outputRules.checkCaption(p, c.caption().textFor(p), path));
        }
      }
      payload = new CaseEvent.CaptionWritten(c.caption());
    } else if (command instanceof CaseCommand.RecordPublication r) {
      if (output.isEmpty()) {
        Set<Platform> seen = EnumSet.noneOf(Platform.class);
        for (int i = 0; i < r.posts().size(); i++) {
          Platform p = r.posts().get(i).platform();
          if (!targets.contains(p)) {
            output.add(new Violation("posts[" + i + "].platform", "TargetPlatform",
                Text.of("%s bukan platform tujuan kasus ini", "%s is not a target platform of this case")
                    .format(p.displayName())));
          } else if (state.posts().containsKey(p) || !seen.add(p)) {
            output.add(new Violation("posts[" + i + "].platform", "AlreadyPublished",
                Text.of("konten sudah tercatat terbit di %s", "the content is already recorded as published on %s")
                    .format(p.displayName())));
          }
        }
      }
      payload = new CaseEvent.PublicationRecorded(r.posts());
    } else if (command instanceof CaseCommand.CompleteTask t) {
      payload = new CaseEvent.TaskCompleted(t.result());
    } else {
      throw new IllegalStateException("unhandled command " + command.getClass().getSimpleName());
    }
    requireValid(output, caseId, at);
    return ImmutableList.of(event(state, command, now, principal, at, payload));
  }

  private void checkInputs(ContentCase state, CaseCommand command, Activity activity, OptionalInt at) {
    for (Requirement r : activity.quality().requirements()) {
      if (r instanceof Requirement.Document doc && !state.artifacts().contains(doc.artifact())) {
        throw new CaseRuleViolation(CaseRuleViolation.Rule.MISSING_INPUT, state.id(), at,
            Text.of("kelengkapan '%s' belum ada", "the required input '%s' does not exist yet").format(doc.name()));
      }
      if (r instanceof Requirement.Tool tool && command instanceof CaseCommand.RecordMeeting m
          && m.meeting() != null && m.meeting().equipmentConfirmed() != null
          && !m.meeting().equipmentConfirmed().contains(tool.equipmentId())) {
        throw new CaseRuleViolation(CaseRuleViolation.Rule.MISSING_INPUT, state.id(), at,
            Text.of("kelengkapan '%s' belum dikonfirmasi tersedia", "the required equipment '%s' is not confirmed")
                .format(tool.name()));
      }
    }
  }

  private static void requireValid(List<Violation> violations, CaseId caseId, OptionalInt at) {
    if (!violations.isEmpty()) {
      throw new CaseRuleViolation(CaseRuleViolation.Rule.INVALID_OUTPUT, caseId, at,
          Text.of("output kegiatan tidak lengkap atau tidak sah", "the activity's output is missing or invalid"),
          violations.stream().sorted().distinct().collect(ImmutableList.toImmutableList()));
    }
  }

  private String roleName(RoleId role) {
    return definition.role(role).map(r -> r.name()).orElse(role.value());
  }

  private RecordedEvent event(ContentCase state, CaseCommand command, Instant now, Optional<Principal> principal,
      OptionalInt activity, CaseEvent payload) {
    return RecordedEvent.create(state.id(), state.version() + 1, definition.key(), command.commandId(), principal,
        command.actor(), now, activity, payload, state.headHash());
  }
}
