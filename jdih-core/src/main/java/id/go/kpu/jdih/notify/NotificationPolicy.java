package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.time.DeadlineEvent;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.ActivityRun;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.go.kpu.jdih.publish.PublicationNeedsConfirmation;

/**
 * Who is told what, driven by the definition a case runs under. Pure: it reads a history and the people
 * directory and returns notifications; {@link NotificationService} records and sends them.
 *
 * <table>
 *   <caption>Notifications and their recipients</caption>
 *   <tr><th>kind</th><th>when</th><th>recipients</th></tr>
 *   <tr><td>{@link NotificationKind#AVAILABLE}</td><td>an activity became available (and is still the case's
 *       open activity)</td><td>everyone holding the activity's executor role</td></tr>
 *   <tr><td>{@link NotificationKind#DUE_SOON}</td><td>the open activity entered its due-soon window (by default two
 *       working hours before its deadline)</td><td>its executors and everyone holding the escalation role</td></tr>
 *   <tr><td>{@link NotificationKind#OVERDUE}</td><td>the open activity passed its deadline</td><td>its executors and
 *       everyone holding the escalation role</td></tr>
 *   <tr><td>{@link NotificationKind#REJECTED}</td><td>a draft was not approved</td><td>the person who proposed it,
 *       with the reason</td></tr>
 *   <tr><td>{@link NotificationKind#PUBLISHED}</td><td>the case was published on every target platform</td><td>the
 *       escalation role</td></tr>
 *   <tr><td>{@link NotificationKind#NEEDS_CONFIRMATION}</td><td>the publishing outbox reported an intent whose
 *       outcome is unknown</td><td>the escalation role</td></tr>
 * </table>
 *
 * <p>The escalation role is the Kasubag Hukum ({@link ReferenceSop#KASUBAG_HUKUM}) unless configured otherwise.
 * A person who is both executor and escalation role is told once. Each notification's key is the event's stable
 * key and the recipient's NIP, so deriving the same event again gives the same keys. Events and crossings older
 * than the {@linkplain Builder#horizon horizon} give nothing, so that switching notifications on over an old store
 * does not flood people with stale news.
 *
 * <p>Immutable and thread-safe if the directory and templates are.
 */
public final class NotificationPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationPolicy.class);

  /** The default horizon: events and crossings older than seven days give no notification. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(7);

  private final PersonDirectory directory;
  private final NotificationTemplates templates;
  private final RoleId escalationRole;
  private final @Nullable Deadlines fixedDeadlines;
  private final Function<String, Optional<Deadlines>> officeDeadlines;
  private final Duration dueSoon;
  private final Duration horizon;
  private final boolean remindersInOfficeHours;
  private final ConcurrentMap<ZoneId, Deadlines> byZone = new ConcurrentHashMap<>();

  private NotificationPolicy(Builder b) {
    this.directory = b.directory;
    this.templates = b.templates;
    this.escalationRole = b.escalationRole;
    this.fixedDeadlines = b.deadlines;
    this.officeDeadlines = b.officeDeadlines;
    this.dueSoon = b.dueSoon;
    this.horizon = b.horizon;
    this.remindersInOfficeHours = b.remindersInOfficeHours;
  }

  /** A builder over {@code directory}. */
  public static Builder builder(PersonDirectory directory) {
    return new Builder(directory);
  }

  /** The default policy over {@code directory}. */
  public static NotificationPolicy defaults(PersonDirectory directory) {
    return builder(directory).build();
  }

  /** The people directory. */
  public PersonDirectory directory() {
    return directory;
  }

  /** The role told about late work, publications and publications needing confirmation. */
  public RoleId escalationRole() {
    return escalationRole;
  }

  /** How old an event or crossing may be and still give a notification. */
  public Duration horizon() {
    return horizon;
  }

  /** True if due-soon and overdue reminders wait for the office's hours (the default). */
  public boolean remindersInOfficeHours() {
    return remindersInOfficeHours;
  }

  /**
   * The earliest instant a notification of {@code kind} about a case under {@code definition} may be sent, if it
   * would be sent at {@code at}: a reminder ({@link NotificationKind#DUE_SOON due soon}, {@link
   * NotificationKind#OVERDUE overdue}) outside the office's hours waits for its next opening on the case's working
   * calendar (the one its deadlines count on: weekends, holidays and cuti bersama are closed days), unless
   * {@link Builder#remindersInOfficeHours} is off; everything else may go at once.
   */
  public Instant sendableFrom(SopDefinition definition, NotificationKind kind, Instant at) {
    checkNotNull(definition, "definition");
    checkNotNull(kind, "kind");
    checkNotNull(at, "at");
    if (!remindersInOfficeHours || (kind != NotificationKind.DUE_SOON && kind != NotificationKind.OVERDUE)) {
      return at;
    }
    Instant opening = deadlines(definition).calendar().countsFrom(at).toInstant();
    return opening.isAfter(at) ? opening : at;
  }

  /** The deadlines of cases running under {@code definition}. */
  public Deadlines deadlines(SopDefinition definition) {
    if (fixedDeadlines != null) {
      return fixedDeadlines;
    }
    Optional<Deadlines> office = officeDeadlines.apply(definition.office().id());
    if (office.isPresent()) {
      return office.get();
    }
    return byZone.computeIfAbsent(definition.office().zone(),
        z -> new Deadlines(WorkingCalendar.defaults(z), dueSoon));
  }

  /**
   * The notifications of the events of {@code history} after {@code seenVersion}: a rejection notice per
   * rejection, a publication notice when the case became published, and an availability notice for the activity
   * the case is waiting on if one of these events made it available (an activity made available and done within
   * the same events is not announced: the work is no longer anyone's).
   *
   * @param definition the definition the case runs under
   * @param history the case's whole history
   * @param seenVersion events up to this version were handled before
   * @param now the time of the tick; events older than the horizon before it give nothing
   */
  public ImmutableList<Notification> onEvents(SopDefinition definition, List<RecordedEvent> history,
      long seenVersion, Instant now) {
    checkNotNull(definition, "definition");
    checkNotNull(history, "history");
    checkNotNull(now, "now");
    if (history.isEmpty() || history.size() <= seenVersion) {
      return ImmutableList.of();
    }
    Instant cutoff = now.minus(horizon);
    ContentCase state = ContentCase.empty(history.get(0).caseId());
    List<Notification> out = new ArrayList<>();
    RecordedEvent madeAvailable = null;
    for (RecordedEvent e : history) {
      ContentCase before = state;
      state = state.apply(definition, e);
      if (e.sequence() <= seenVersion) {
        continue;
      }
      boolean fresh = !e.at().isBefore(cutoff);
      if (e.payload() instanceof CaseEvent.Rejected r && fresh) {
        out.addAll(rejected(definition, before, state, e, r, history));
      }
      if (state.status() == CaseStatus.PUBLISHED && before.status() != CaseStatus.PUBLISHED && fresh) {
        out.addAll(published(definition, state, e));
      }
      if (!before.currentActivity().equals(state.currentActivity())
          || !before.availableSince().equals(state.availableSince())) {
        madeAvailable = state.currentActivity().isPresent() ? e : null;
      }
    }
    if (madeAvailable != null && state.status() == CaseStatus.OPEN && !madeAvailable.at().isBefore(cutoff)) {
      out.addAll(available(definition, state, madeAvailable));
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The due-soon and overdue notifications of the deadlines the case's open activity crossed in {@code (from, to]}
   * (see {@link Deadlines#crossed}); calling it for consecutive windows reports each crossing once.
   */
  public ImmutableList<Notification> onDeadlines(SopDefinition definition, ContentCase c, Instant from,
      Instant to) {
    checkNotNull(definition, "definition");
    checkNotNull(c, "case");
    if (!to.isAfter(from)) {
      return ImmutableList.of();
    }
    Instant cutoff = to.minus(horizon);
    List<Notification> out = new ArrayList<>();
    for (DeadlineEvent d : deadlines(definition).crossed(c, definition, from, to)) {
      if (d.at().isBefore(cutoff)) {
        continue;
      }
      Activity activity = definition.activity(d.activity()).orElseThrow();
      NotificationKind kind = d.kind() == DeadlineEvent.Kind.DUE_SOON ? NotificationKind.DUE_SOON
          : NotificationKind.OVERDUE;
      List<Contact> recipients = new ArrayList<>(holders(definition, activity.executor(), d.key()));
      recipients.addAll(holders(definition, escalationRole, d.key()));
      for (Contact contact : distinct(recipients)) {
        out.add(notification(d.key(), kind, definition, c, OptionalInt.of(d.activity()), Optional.of(d.due()),
            Optional.empty(), Optional.empty(), Optional.empty(), contact));
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The notices to the escalation role that a publication intent of case {@code c} needs confirmation. The
   * activity is the case's open one, or else the definition's first publication activity.
   */
  public ImmutableList<Notification> onNeedsConfirmation(SopDefinition definition, ContentCase c,
      PublicationNeedsConfirmation event) {
    checkNotNull(definition, "definition");
    checkNotNull(c, "case");
    checkNotNull(event, "event");
    checkArgument(event.caseId().equals(c.id()), "event of case %s for case %s", event.caseId(), c.id());
    OptionalInt activity = c.currentActivity().isPresent() ? c.currentActivity()
        : definition.activities().stream().filter(a -> a.kind() == ActivityKind.PUBLICATION)
            .mapToInt(Activity::number).findFirst();
    String key = c.id() + "/needs-confirmation/" + event.platform().name().toLowerCase(Locale.ROOT) + "/"
        + event.intentKey();
    List<Notification> out = new ArrayList<>();
    for (Contact contact : holders(definition, escalationRole, key)) {
      out.add(notification(key, NotificationKind.NEEDS_CONFIRMATION, definition, c, activity, Optional.empty(),
          Optional.of(event.reason()), Optional.of(event.platform().displayName()), Optional.empty(), contact));
    }
    return ImmutableList.copyOf(out);
  }

  private List<Notification> available(SopDefinition definition, ContentCase state, RecordedEvent e) {
    int number = state.currentActivity().getAsInt();
    Activity activity = definition.activity(number).orElseThrow();
    Optional<Instant> due = deadlines(definition).due(activity, state.availableSince().orElseThrow());
    String key = state.id() + "/available/" + number + "/" + e.sequence();
    List<Notification> out = new ArrayList<>();
    for (Contact contact : holders(definition, activity.executor(), key)) {
      out.add(notification(key, NotificationKind.AVAILABLE, definition, state, OptionalInt.of(number), due,
          Optional.empty(), Optional.empty(), Optional.empty(), contact));
    }
    return out;
  }

  private List<Notification> rejected(SopDefinition definition, ContentCase before, ContentCase after,
      RecordedEvent e, CaseEvent.Rejected r, List<RecordedEvent> history) {
    Person proposer = proposer(before).orElse(history.get(0).actor());
    Contact contact = directory.find(proposer.nip()).orElseGet(() -> Contact.of(proposer));
    int number = e.activity().orElseThrow();
    String key = after.id() + "/rejected/" + number + "/" + e.sequence();
    return List.of(notification(key, NotificationKind.REJECTED, definition, after, OptionalInt.of(number),
        Optional.empty(), Optional.of(Text.of(r.reason(), r.reason())), Optional.empty(), Optional.empty(),
        contact));
  }

  private List<Notification> published(SopDefinition definition, ContentCase state, RecordedEvent e) {
    List<PlatformPost> posts = state.posts().values().stream()
        .sorted(Comparator.comparing(PlatformPost::platform)).toList();
    String platforms = posts.stream().map(p -> p.platform().displayName()).collect(Collectors.joining(", "));
    String links = posts.stream().map(p -> p.platform().displayName() + ": " + p.url())
        .collect(Collectors.joining("\n"));
    String key = state.id() + "/published";
    List<Notification> out = new ArrayList<>();
    for (Contact contact : holders(definition, escalationRole, key)) {
      out.add(notification(key, NotificationKind.PUBLISHED, definition, state, e.activity(), Optional.empty(),
          Optional.empty(), Optional.of(platforms), Optional.of(links), contact));
    }
    return out;
  }

  /**
   * Everyone holding {@code role} in the definition's office; a warning if nobody does, for then nobody learns of
   * {@code eventKey}.
   */
  private List<Contact> holders(SopDefinition definition, RoleId role, String eventKey) {
    List<Contact> holders = directory.holding(definition.office().id(), role);
    if (holders.isEmpty()) {
      LOG.warn("{}: nobody in the people directory holds role {}, so nobody of that role is told",
          LogSafe.of(eventKey), LogSafe.of(role));
    }
    return holders;
  }

  private static Optional<Person> proposer(ContentCase c) {
    ImmutableList<ActivityRun> runs = c.runs();
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).kind() == ActivityKind.PROPOSAL) {
        return Optional.of(runs.get(i).actor());
      }
    }
    return Optional.empty();
  }

  private Notification notification(String eventKey, NotificationKind kind, SopDefinition definition, ContentCase c,
      OptionalInt activity, Optional<Instant> due, Optional<Text> reason, Optional<String> platforms,
      Optional<String> links, Contact contact) {
    Optional<Activity> a = activity.isPresent() ? definition.activity(activity.getAsInt()) : Optional.empty();
    MessageContext ctx = new MessageContext(kind, c.id(), c.proposal().map(ContentProposal::title).orElse("-"),
        activity, a.map(Activity::description),
        a.flatMap(x -> definition.role(x.executor())).map(Role::name), due, definition.office().zone(), reason,
        platforms, links, definition.office().name(), contact.person());
    Message m = templates.render(ctx);
    return new Notification(eventKey + "/to/" + contact.nip().value(), kind, c.id(), activity, contact,
        m.subject(), m.body());
  }

  private static List<Contact> distinct(List<Contact> contacts) {
    Map<String, Contact> byNip = new LinkedHashMap<>();
    contacts.forEach(c -> byNip.putIfAbsent(c.nip().value(), c));
    return List.copyOf(byNip.values());
  }

  /** Configures a {@link NotificationPolicy}. */
  public static final class Builder {
    private final PersonDirectory directory;
    private NotificationTemplates templates = NotificationTemplates.defaults();
    private RoleId escalationRole = ReferenceSop.KASUBAG_HUKUM;
    private @Nullable Deadlines deadlines;
    private Function<String, Optional<Deadlines>> officeDeadlines = office -> Optional.empty();
    private Duration dueSoon = Deadlines.DEFAULT_DUE_SOON;
    private boolean dueSoonSet;
    private Duration horizon = DEFAULT_HORIZON;
    private boolean remindersInOfficeHours = true;

    private Builder(PersonDirectory directory) {
      this.directory = checkNotNull(directory, "directory");
    }

    /** The templates (default {@link NotificationTemplates#defaults()}). */
    public Builder templates(NotificationTemplates value) {
      this.templates = checkNotNull(value, "templates");
      return this;
    }

    /** The role told about late work and publications (default {@link ReferenceSop#KASUBAG_HUKUM}). */
    public Builder escalationRole(RoleId value) {
      this.escalationRole = checkNotNull(value, "escalationRole");
      return this;
    }

    /**
     * The deadlines of every case, e.g. on a calendar amended from a file. Without it, each definition's office
     * zone gets {@link WorkingCalendar#defaults} with the {@linkplain #dueSoon due-soon window}.
     */
    public Builder deadlines(Deadlines value) {
      this.deadlines = checkNotNull(value, "deadlines");
      return this;
    }

    /**
     * The deadlines of each office's cases (its zone and its amended calendar), by office id; an office it gives
     * nothing for gets the default of {@link #deadlines(Deadlines)}'s absence.
     */
    public Builder deadlinesPerOffice(Function<String, Optional<Deadlines>> value) {
      this.officeDeadlines = checkNotNull(value, "deadlinesPerOffice");
      return this;
    }

    /** The due-soon window in working time (default two hours), when no {@link #deadlines} are given. */
    public Builder dueSoon(Duration value) {
      checkNotNull(value, "dueSoon");
      checkArgument(!value.isNegative(), "dueSoon must not be negative");
      this.dueSoon = value;
      this.dueSoonSet = true;
      return this;
    }

    /** How old an event or crossing may be and still give a notification (default seven days). */
    public Builder horizon(Duration value) {
      checkNotNull(value, "horizon");
      checkArgument(!value.isNegative(), "horizon must not be negative");
      this.horizon = value;
      return this;
    }

    /**
     * Whether due-soon and overdue reminders found outside the office's hours are held until it opens (default
     * {@code true}); held ones are recorded at once and sent at the opening, so none is lost.
     */
    public Builder remindersInOfficeHours(boolean value) {
      this.remindersInOfficeHours = value;
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalStateException if both {@link #deadlines} and {@link #dueSoon} were set
     */
    public NotificationPolicy build() {
      checkState(deadlines == null || !dueSoonSet,
          "set the due-soon window on the Deadlines given, not on the builder");
      return new NotificationPolicy(this);
    }
  }
}
