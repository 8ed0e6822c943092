package id.go.kpu.jdih.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.ContentCase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Time standards applied: when each activity is due, whether an open activity is on time, due soon or overdue,
 * and which deadlines were crossed between two instants (for reminders, without a thread of the library's own:
 * the embedder calls {@link #crossed} from its own tick).
 *
 * <p>Immutable and thread-safe.
 */
public final class Deadlines {

  /** The default due-soon window: two working hours before the deadline. */
  public static final Duration DEFAULT_DUE_SOON = Duration.ofHours(2);

  private final WorkingCalendar calendar;
  private final Duration dueSoon;

  /** Deadlines on {@code calendar}, due soon {@code dueSoon} working time before the deadline. */
  public Deadlines(WorkingCalendar calendar, Duration dueSoon) {
    this.calendar = checkNotNull(calendar, "calendar");
    this.dueSoon = checkNotNull(dueSoon, "dueSoon");
    checkArgument(!dueSoon.isNegative(), "dueSoon must not be negative");
  }

  /** Deadlines on {@code calendar} with the default due-soon window. */
  public Deadlines(WorkingCalendar calendar) {
    this(calendar, DEFAULT_DUE_SOON);
  }

  /** The calendar. */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /** When {@code activity}, available at {@code availableAt}, is due; empty without a time standard. */
  public Optional<Instant> due(Activity activity, Instant availableAt) {
    return activity.quality().time().map(t -> calendar.due(availableAt, t));
  }

  /**
   * Whether the deadline of {@code activity}, available at {@code availableAt}, was counted over known days off;
   * covered without a time standard. {@link #due} stays as it was; this says when to distrust it.
   */
  public Coverage coverage(Activity activity, Instant availableAt) {
    return activity.quality().time().map(t -> calendar.coverage(availableAt, t)).orElse(Coverage.covered());
  }

  /** The case's open activity at {@code now}; empty if the case is new or closed. */
  public Optional<OpenActivity> open(ContentCase c, SopDefinition definition, Instant now) {
    if (c.currentActivity().isEmpty() || c.availableSince().isEmpty()) {
      return Optional.empty();
    }
    int number = c.currentActivity().getAsInt();
    Activity activity = definition.activity(number).orElseThrow();
    Instant available = c.availableSince().get();
    Optional<Instant> due = due(activity, available);
    Optional<Instant> soon = due.map(d -> soonAt(available, d));
    TimeStatus status;
    if (due.isEmpty()) {
      status = TimeStatus.NO_STANDARD;
    } else if (now.isAfter(due.get())) {
      status = TimeStatus.OVERDUE;
    } else if (!now.isBefore(soon.get())) {
      status = TimeStatus.DUE_SOON;
    } else {
      status = TimeStatus.ON_TIME;
    }
    return Optional.of(new OpenActivity(number, available, due, soon, status, coverage(activity, available)));
  }

  /**
   * The deadlines the case's open activity crossed in {@code (from, to]}: due soon, overdue, or both, in order.
   * Calling it for consecutive windows reports each crossing exactly once.
   */
  public ImmutableList<DeadlineEvent> crossed(ContentCase c, SopDefinition definition, Instant from, Instant to) {
    Optional<OpenActivity> open = open(c, definition, to);
    if (open.isEmpty() || open.get().due().isEmpty()) {
      return ImmutableList.of();
    }
    OpenActivity o = open.get();
    ImmutableList.Builder<DeadlineEvent> out = ImmutableList.builder();
    Instant soon = o.dueSoonAt().orElseThrow();
    Instant due = o.due().orElseThrow();
    if (soon.isAfter(from) && !soon.isAfter(to) && soon.isBefore(due)) {
      out.add(new DeadlineEvent(c.id(), o.activity(), DeadlineEvent.Kind.DUE_SOON, soon, due));
    }
    // Overdue means "now is after the deadline", so the crossing belongs to the window [from, to): consecutive
    // windows (a, b], (b, c] still see it once.
    if (!due.isBefore(from) && due.isBefore(to)) {
      out.add(new DeadlineEvent(c.id(), o.activity(), DeadlineEvent.Kind.OVERDUE, due, due));
    }
    return out.build();
  }

  // Due soon never precedes availability: a short standard is due soon from the start.
  private Instant soonAt(Instant available, Instant due) {
    Instant soon = calendar.minusWorkingTime(due, dueSoon);
    return soon.isBefore(available) ? available : soon;
  }
}
