package id.go.kpu.jdih.compliance;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.time.TimeStatus;
import id.go.kpu.jdih.validation.BeanValidation;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a case's history against its SOP: for each activity, was it done by the executor role, with its output
 * and Kelengkapan, in order, within its time standard. Unlike the decider it never refuses: it reads any history
 * (imported, or written before a rule existed) and reports every departure as a {@link Finding}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ComplianceChecker {

  private final Function<id.go.kpu.jdih.sop.SopKey, SopDefinition> definitions;
  private final Deadlines deadlines;

  /**
   * A checker.
   *
   * @param definitions finds the definition a history names (e.g. {@code registry::get})
   * @param deadlines the time standards on the office's calendar
   */
  public ComplianceChecker(Function<id.go.kpu.jdih.sop.SopKey, SopDefinition> definitions, Deadlines deadlines) {
    this.definitions = checkNotNull(definitions, "definitions");
    this.deadlines = checkNotNull(deadlines, "deadlines");
  }

  /** The deadlines used. */
  public Deadlines deadlines() {
    return deadlines;
  }

  /**
   * Checks one case's history as of {@code asOf} (which decides whether an open activity is overdue).
   *
   * @param history the case's events, not empty
   */
  public CaseCompliance check(List<RecordedEvent> history, Instant asOf) {
    checkArgument(!history.isEmpty(), "a history has at least one event");
    RecordedEvent first = history.get(0);
    SopDefinition def = definitions.apply(first.sop());
    List<ActivityRecord> records = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    HashChain.verify(history).ifPresent(b -> findings.add(new Finding(Finding.Rule.BROKEN_CHAIN, OptionalInt.empty(),
        b.index() + 1L, Text.of("rantai hash rusak pada peristiwa ke-%s: %s", "hash chain broken at event %s: %s")
        .format(b.index() + 1, b.reason()))));

    int current = def.flow().start();
    Instant availableAt = first.at();
    CaseStatus status = CaseStatus.OPEN;
    Set<Artifact> artifacts = EnumSet.noneOf(Artifact.class);
    Set<Platform> targets = EnumSet.noneOf(Platform.class);
    Set<Platform> posted = EnumSet.noneOf(Platform.class);
    int revisions = 0;
    for (RecordedEvent e : history) {
      if (status.isClosed()) {
        findings.add(new Finding(Finding.Rule.OUT_OF_ORDER, e.activity(), e.sequence(),
            Text.of("peristiwa ke-%s setelah kasus ditutup", "event %s after the case was closed")
                .format(e.sequence())));
        continue;
      }
      if (e.payload() instanceof CaseEvent.Withdrawn) {
        status = CaseStatus.WITHDRAWN;
        continue;
      }
      Optional<Activity> maybe = e.activity().isPresent() ? def.activity(e.activity().getAsInt()) : Optional.empty();
      if (maybe.isEmpty()) {
        findings.add(new Finding(Finding.Rule.OUT_OF_ORDER, e.activity(), e.sequence(),
            Text.of("peristiwa ke-%s tidak untuk kegiatan SOP ini", "event %s is for no activity of this SOP")
                .format(e.sequence())));
        continue;
      }
      Activity a = maybe.get();
      OptionalInt n = OptionalInt.of(a.number());
      boolean inOrder = a.number() == current;
      if (!inOrder) {
        findings.add(new Finding(Finding.Rule.OUT_OF_ORDER, n, e.sequence(),
            Text.of("kegiatan %s dikerjakan saat kegiatan %s yang seharusnya berjalan",
                "activity %s was done while activity %s was due to be done").format(a.number(), current)));
      }
      boolean byExecutor = e.actor().holds(a.executor());
      if (!byExecutor) {
        findings.add(new Finding(Finding.Rule.WRONG_ROLE, n, e.sequence(),
            Text.of("kegiatan %s dikerjakan oleh %s yang tidak memegang peran %s",
                "activity %s was done by %s, who does not hold the role %s")
                .format(a.number(), e.actor(), def.role(a.executor()).map(r -> r.name()).orElse(a.executor().value()))));
      }
      boolean withInputs = true;
      for (Requirement r : a.quality().requirements()) {
        if (r instanceof Requirement.Document d && !artifacts.contains(d.artifact())) {
          withInputs = false;
          findings.add(new Finding(Finding.Rule.MISSING_INPUT, n, e.sequence(),
              Text.of("kegiatan %s dikerjakan tanpa '%s'", "activity %s was done without '%s'")
                  .format(a.number(), d.name())));
        }
      }
      boolean withOutput = hasOutput(a.kind(), e.payload());
      if (!withOutput) {
        findings.add(new Finding(Finding.Rule.MISSING_OUTPUT, n, e.sequence(),
            Text.of("kegiatan %s tidak menghasilkan output yang disyaratkan%s",
                "activity %s did not produce its required output%s")
                .format(a.number(), a.quality().output().map(o -> " (" + o + ")").orElse(""))));
      }
      if (e.payload() instanceof CaseEvent.Proposed p) {
        targets = p.proposal().platforms().isEmpty() ? EnumSet.noneOf(Platform.class)
            : EnumSet.copyOf(p.proposal().platforms());
      }
      if (e.payload() instanceof CaseEvent.PublicationRecorded p) {
        p.posts().forEach(post -> posted.add(post.platform()));
        if (!posted.containsAll(targets)) {
          current = a.number();
          continue; // the upload is done when every platform has its post
        }
      }
      Optional<Outcome> outcome = e.payload() instanceof CaseEvent.Rejected ? Optional.of(Outcome.REJECTED)
          : e.payload() instanceof CaseEvent.Approved ? Optional.of(Outcome.APPROVED) : Optional.empty();
      if (outcome.equals(Optional.of(Outcome.REJECTED))) {
        revisions++;
      }
      Optional<Instant> due = deadlines.due(a, availableAt);
      Duration worked = deadlines.calendar().workingTime(availableAt, e.at());
      ActivityRecord rec = new ActivityRecord(a.number(), a.executor(), e.actor(), availableAt, due, e.at(), worked,
          outcome, byExecutor, inOrder, withOutput, withInputs, deadlines.coverage(a, availableAt));
      records.add(rec);
      if (!rec.onTime()) {
        findings.add(new Finding(Finding.Rule.LATE, n, e.sequence(),
            Text.of(String.format("kegiatan %s selesai %s, melewati batas %s (%s)", a.number(), e.at(), due.get(),
                a.quality().time().get().label().id()), String.format("activity %s was done at %s, after its "
                + "deadline %s (%s)", a.number(), e.at(), due.get(), a.quality().time().get().label().en()))));
      }
      artifacts.addAll(a.kind().produces());
      Target next = nextTarget(def.transitionAfter(a.number()), outcome);
      availableAt = e.at();
      if (next instanceof Target.ToActivity to) {
        current = to.number();
      } else {
        status = CaseStatus.PUBLISHED;
      }
    }
    Optional<OpenActivity> open = Optional.empty();
    if (status == CaseStatus.OPEN) {
      Activity a = def.activity(current).orElseThrow();
      Optional<Instant> due = deadlines.due(a, availableAt);
      TimeStatus ts = due.isEmpty() ? TimeStatus.NO_STANDARD : asOf.isAfter(due.get()) ? TimeStatus.OVERDUE
          : TimeStatus.ON_TIME;
      open = Optional.of(new OpenActivity(current, availableAt, due, Optional.empty(), ts,
          deadlines.coverage(a, availableAt)));
      if (ts == TimeStatus.OVERDUE) {
        findings.add(new Finding(Finding.Rule.OPEN_OVERDUE, OptionalInt.of(current), 0,
            Text.of("kegiatan %s belum selesai dan sudah lewat batas %s", "activity %s is not done and is past its "
                + "deadline %s").format(current, due.get())));
      }
    }
    return new CaseCompliance(first.caseId(), first.sop(), status, ImmutableList.copyOf(records),
        ImmutableList.copyOf(findings), revisions, open);
  }

  private static Target nextTarget(Transition t, Optional<Outcome> outcome) {
    if (t instanceof Transition.Decision d) {
      return d.branch(outcome.orElse(Outcome.APPROVED)).or(() -> d.branch(Outcome.APPROVED))
          .map(b -> b.target()).orElse(Target.end());
    }
    return ((Transition.Sequence) t).next();
  }

  // Whether the payload is the output the activity's kind requires, present and valid.
  private static boolean hasOutput(ActivityKind kind, CaseEvent payload) {
    return switch (kind) {
      case PROPOSAL -> payload instanceof CaseEvent.Proposed p && p.proposal() != null
          && BeanValidation.validate(p.proposal()).isEmpty();
      case APPROVAL -> payload instanceof CaseEvent.Approved
          || (payload instanceof CaseEvent.Rejected r && r.reason() != null && !r.reason().isBlank());
      case MEETING -> payload instanceof CaseEvent.MeetingRecorded m && m.meeting() != null
          && BeanValidation.validate(m.meeting()).isEmpty();
      case SUMMARY -> payload instanceof CaseEvent.Summarized s && s.summary() != null && !s.summary().isBlank();
      case DESIGN -> payload instanceof CaseEvent.DesignAttached d && d.items() != null && !d.items().isEmpty()
          && d.items().stream().allMatch(i -> BeanValidation.validate(i).isEmpty());
      case CAPTION -> payload instanceof CaseEvent.CaptionWritten c && c.caption() != null
          && BeanValidation.validate(c.caption()).isEmpty();
      case PUBLICATION -> payload instanceof CaseEvent.PublicationRecorded p && !p.posts().isEmpty();
      case TASK -> payload instanceof CaseEvent.TaskCompleted t && t.result() != null && !t.result().isBlank();
    };
  }
}
