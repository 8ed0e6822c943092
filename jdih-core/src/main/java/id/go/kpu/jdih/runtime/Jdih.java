package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.anchor.DigestVerifier;
import id.go.kpu.jdih.anchor.HeadDigest;
import id.go.kpu.jdih.anchor.HeadSeal;
import id.go.kpu.jdih.anchor.HeadSealException;
import id.go.kpu.jdih.anchor.HeadSeals;
import id.go.kpu.jdih.anchor.HeadSigner;
import id.go.kpu.jdih.anchor.SealStore;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.InMemoryMediaStore;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.notify.DryRunNotifier;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.notify.NotificationPolicy;
import id.go.kpu.jdih.notify.NotificationService;
import id.go.kpu.jdih.notify.Notifier;
import id.go.kpu.jdih.notify.PersonDirectory;
import id.go.kpu.jdih.notify.TickReport;
import id.go.kpu.jdih.publish.DeliveryReport;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.OutboxDelivery;
import id.go.kpu.jdih.publish.OutboxPolicy;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformClients;
import id.go.kpu.jdih.publish.PlatformOutputRules;
import id.go.kpu.jdih.publish.PublicationIntents;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.time.Backoff;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Actor;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jdih runtime: one entry point that wires the SOP definitions, the storage (cases, outbox, notification
 * ledger), the media store, the directory of people and roles, the clock and calendar, the platform clients and
 * the notifiers. Build it once and share it:
 *
 * <pre>{@code
 * Jdih jdih = Jdih.builder()
 *     .actors(directory)                       // who a principal is and which roles they hold now
 *     .storage(JdbcStorage.open(dataSource, ...)) // or FileStorage, or the in-memory default
 *     .platform(instagramClient)
 *     .notifier(emailNotifier)
 *     .publishAs(Principal.of("jdih-outbox"))  // the account the uploads are recorded as
 *     .build();
 * jdih.cases().as(principal).approve(CommandId.random(), caseId, Optional.empty());
 * jdih.start(scheduler);                       // or call jdih.runDue(now) from your own scheduler
 * }</pre>
 *
 * <p>What it does for the embedder: commands take an authenticated principal and the roles come from the
 * {@link ActorDirectory} ({@link Cases}); every history is verified before it is acted on; when a case reaches its
 * upload activity the publication intents are recorded in the same atomic step as the event ({@link Storage}); one
 * {@link #runDue} pass delivers what is due and sends the reminders; several runtimes (threads, processes, servers)
 * may share one storage, each intent and notification being leased to one of them at a time.
 *
 * <p>No thread of its own: {@link #runDue} runs on the caller's thread, and {@link #start} schedules it on the
 * caller's executor. Thread-safe.
 */
public final class Jdih implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Jdih.class);

  /** How often {@link #start} runs {@link #runDue} unless told otherwise. */
  public static final Duration DEFAULT_RUN_EVERY = Duration.ofSeconds(30);

  private final SopRegistry registry;
  private final Storage storage;
  private final MediaStore media;
  private final Clock clock;
  private final Cases cases;
  private final Outbox outbox;
  private final NotificationService notifications;
  private final Duration runEvery;
  private final CaseService service;
  private final @Nullable HeadSeals seals;
  private final Object lifecycle = new Object();
  private boolean recovered;
  private @Nullable ScheduledFuture<?> running;
  private boolean closed;

  private Jdih(Builder b) { // build() has set every part that has a default
    this.registry = b.registry;
    this.storage = checkNotNull(b.storage, "storage");
    this.media = checkNotNull(b.media, "media");
    ActorDirectory actors = checkNotNull(b.actors, "actors");
    this.clock = b.clock;
    this.runEvery = b.runEvery;
    OutputRules rules = b.outputRules;
    EventAppender appender = (definition, before, after, events) -> {
      List<IntentState> intents = List.of();
      if (PublicationIntents.reachedUpload(definition, before, after)) {
        RecordedEvent ready = events.get(events.size() - 1);
        intents = PublicationIntents.missing(after, storage.outbox().forCase(after.id()), ready.actor(), ready.at());
      }
      storage.append(before.id(), before.version(), events, intents);
    };
    this.seals = b.seals;
    CaseService service = new CaseService(registry, b.newCasesUnder, storage.cases(), clock, rules,
        b.stateCacheSize, appender, seals);
    this.service = service;
    this.cases = new Cases(service, actors, media);
    PersonDirectory people = checkNotNull(b.people, "people");
    NotificationPolicy.Builder policy = NotificationPolicy.builder(people);
    if (b.calendar != null) {
      policy.deadlines(new Deadlines(b.calendar));
    }
    if (b.calendars != null) {
      Function<String, Optional<WorkingCalendar>> calendars = b.calendars;
      policy.deadlinesPerOffice(office -> calendars.apply(office).map(Deadlines::new));
    }
    policy.remindersInOfficeHours(b.remindersInOfficeHours);
    NotificationService.Builder notify = NotificationService.builder(registry, storage.cases(), policy.build())
        .ledger(storage.notifications()).retry(b.retry).lease(b.notificationLease).clock(clock);
    if (b.notifiers.isEmpty()) {
      notify.notifier(new DryRunNotifier(DryRunNotifier.CHANNEL, line -> LOG.info("notification: {}", LogSafe.of(line)),
          false));
    } else {
      b.notifiers.forEach(notify::notifier);
    }
    this.notifications = notify.build();
    Function<String, Optional<Principal>> publisher = b.publishAs;
    OutboxDelivery.Builder delivery = OutboxDelivery.builder(storage.outbox(), cases).clock(clock)
        .random(b.random).policy(b.outboxPolicy).confirmationHook(notifications).media(media)
        .recordAs(intent -> publisher.apply(cases.definitionOf(intent.caseId()).office().id())
            .flatMap(p -> actors.resolve(p).map(person -> Actor.of(p, person))));
    b.platforms.forEach(delivery::client);
    if (b.platformClients != null) {
      delivery.clients(b.platformClients);
    }
    this.outbox = new Outbox(delivery.build(), storage.outbox(), cases, storage.cases(), clock);
  }

  /** A builder; only {@link Builder#actors} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cases: commands on behalf of a principal, and views. */
  public Cases cases() {
    return cases;
  }

  /** The publishing outbox. */
  public Outbox outbox() {
    return outbox;
  }

  /** The hand-offs and reminders. */
  public NotificationService notifications() {
    return notifications;
  }

  /** The definitions cases run under. */
  public SopRegistry definitions() {
    return registry;
  }

  /** The storage. */
  public Storage storage() {
    return storage;
  }

  /** The media store. */
  public MediaStore media() {
    return media;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * Seals the current head of {@code caseId} after verifying its hash chain, without asking for an earlier seal:
   * for each existing case when sealing is turned on for a database that has cases, or for a history a person
   * restored from a trusted copy (an archive, a backup checked against an exported {@link HeadDigest}). Whoever
   * may call this can bless a rewritten history: keep it to an administrator's tool.
   *
   * @return the seal; empty if the case has no events
   * @throws IllegalStateException if the runtime was built without {@link Builder#sealWith}
   * @throws TamperedHistoryException if the case's chain does not verify
   */
  public Optional<HeadSeal> sealCurrentHead(CaseId caseId) {
    checkNotNull(caseId, "caseId");
    return service.sealCurrentHead(caseId);
  }

  /**
   * A digest of the heads of every case at {@code at}, signed with the seal key, to export through a
   * {@link id.go.kpu.jdih.anchor.DigestSink} (e.g. every night). Only cases whose history verifies and whose head
   * is sealed are in it; each other case is logged and given to {@code refused}, so that the caller can raise an
   * alarm: a digest never vouches for a history the runtime itself refuses.
   *
   * @param at the moment to record (usually {@code clock().instant()})
   * @param refused told of each case left out ({@link TamperedHistoryException} or {@link HeadSealException})
   * @throws IllegalStateException if the runtime was built without {@link Builder#sealWith}
   */
  public HeadDigest headDigest(Instant at, Consumer<? super JdihException> refused) {
    checkNotNull(at, "at");
    checkNotNull(refused, "refused");
    checkState(seals != null, "sealing is not configured: Jdih.builder().sealWith(...)");
    List<HeadDigest.Head> heads = new ArrayList<>();
    try (Stream<CaseId> ids = storage.cases().caseIds()) {
      ids.forEach(id -> {
        ImmutableList<RecordedEvent> history = storage.cases().load(id);
        if (history.isEmpty()) {
          return;
        }
        try {
          HashChain.verify(history).ifPresent(b -> {
            throw new TamperedHistoryException(id, b.index() + 1, b.reason());
          });
          seals.check(id, history);
        } catch (TamperedHistoryException | HeadSealException e) {
          LOG.warn("case {} is left out of the head digest: {}", LogSafe.of(id), e.code());
          refused.accept(e);
          return;
        }
        heads.add(new HeadDigest.Head(id, history.size(), HashChain.head(history)));
      });
    }
    return HeadDigest.of(seals.signer(), at, heads);
  }

  /**
   * Checks the stored histories against {@code digest}, exported earlier, with the seal key (see
   * {@link DigestVerifier}).
   *
   * @return the findings; empty if every case the digest covers is intact
   * @throws IllegalStateException if the runtime was built without {@link Builder#sealWith}
   */
  public ImmutableList<DigestVerifier.Finding> verifyDigest(HeadDigest digest) {
    checkNotNull(digest, "digest");
    checkState(seals != null, "sealing is not configured: Jdih.builder().sealWith(...)");
    return DigestVerifier.verify(digest, seals.signer(), storage.cases()::load);
  }

  /**
   * One pass, on the caller's thread: at the first pass of this runtime, records the intents of cases found at
   * their upload activity without them (written by an older version); then delivers every publication intent that
   * is due (one batch) and derives, records and sends the notifications due at {@code now}. A failing step does not
   * keep the other from running; its exception is thrown after both ran.
   *
   * @param now the time of the pass, from the runtime's clock ({@code jdih.clock().instant()})
   * @return what the pass did
   */
  public RunReport runDue(Instant now) {
    checkNotNull(now, "now");
    @Nullable RuntimeException failure = null;
    int recoveredNow = 0;
    synchronized (lifecycle) {
      checkState(!closed, "the runtime is closed");
      if (!recovered) {
        recovered = true;
        try {
          recoveredNow = outbox.recoverAll();
        } catch (RuntimeException e) {
          recovered = false;
          failure = e;
        }
      }
    }
    DeliveryReport delivered = new DeliveryReport(now, ImmutableList.of());
    try {
      delivered = outbox.deliverDue();
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    @Nullable TickReport ticked = null;
    try {
      ticked = notifications.tick(now);
    } catch (RuntimeException e) {
      failure = add(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
    return new RunReport(now, recoveredNow, delivered, checkNotNull(ticked, "ticked")); // or failure was thrown
  }

  /**
   * Runs {@link #runDue} on {@code executor} now and then every {@link Builder#runEvery} (after the previous pass
   * ended), until {@link #close}. A failing pass is logged and the next one runs as planned. The executor stays the
   * caller's: the runtime never shuts it down.
   *
   * @throws IllegalStateException if it was started already or is closed
   */
  public void start(ScheduledExecutorService executor) {
    checkNotNull(executor, "executor");
    synchronized (lifecycle) {
      checkState(!closed, "the runtime is closed");
      checkState(running == null, "the runtime is started already");
      running = executor.scheduleWithFixedDelay(() -> {
        try {
          RunReport r = runDue(clock.instant());
          LOG.debug("{}", LogSafe.of(r));
        } catch (RuntimeException e) {
          LOG.error("jdih run failed; the next one runs in {}", runEvery, e);
        }
      }, 0, runEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the schedule of {@link #start} (a pass in progress ends first) and closes the storage. Idempotent. */
  @Override
  public void close() {
    ScheduledFuture<?> r;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      r = running;
      running = null;
    }
    if (r != null) {
      r.cancel(false);
    }
    storage.close();
  }

  private static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /**
   * Configures a {@link Jdih}. Every part has a default except the directory of actors. Not thread-safe.
   */
  public static final class Builder {
    private SopRegistry registry = SopRegistry.withReference();
    private SopKey newCasesUnder = ReferenceSop.definition().key();
    private @Nullable Storage storage;
    private @Nullable MediaStore media;
    private @Nullable ActorDirectory actors;
    private @Nullable PersonDirectory people;
    private Clock clock = Clock.systemUTC();
    private @Nullable WorkingCalendar calendar;
    private @Nullable Function<String, Optional<WorkingCalendar>> calendars;
    private @Nullable PlatformClients platformClients;
    private final List<PlatformClient> platforms = new ArrayList<>();
    private final List<Notifier> notifiers = new ArrayList<>();
    private Function<String, Optional<Principal>> publishAs = office -> Optional.empty();
    private OutboxPolicy outboxPolicy = OutboxPolicy.defaults();
    private Backoff retry = NotificationService.DEFAULT_BACKOFF;
    private Duration notificationLease = NotificationService.DEFAULT_LEASE;
    private boolean remindersInOfficeHours = true;
    private OutputRules outputRules = PlatformOutputRules.defaults();
    private RandomGenerator random = new SplittableRandom();
    private Duration runEvery = DEFAULT_RUN_EVERY;
    private int stateCacheSize = CaseService.DEFAULT_STATE_CACHE_SIZE;
    private @Nullable HeadSeals seals;

    private Builder() {}

    /** The definitions cases may run under (default: {@link SopRegistry#withReference()}). */
    public Builder definitions(SopRegistry value) {
      this.registry = checkNotNull(value, "definitions");
      return this;
    }

    /** The key of the definition new cases run under (default: the reference SOP); must be registered. */
    public Builder newCasesUnder(SopKey value) {
      this.newCasesUnder = checkNotNull(value, "newCasesUnder");
      return this;
    }

    /** Where cases, intents and notifications are kept (default: {@link InMemoryStorage}, lost with the JVM). */
    public Builder storage(Storage value) {
      this.storage = checkNotNull(value, "storage");
      return this;
    }

    /** Where designs and minutes are kept (default: {@link InMemoryMediaStore}, lost with the JVM). */
    public Builder media(MediaStore value) {
      this.media = checkNotNull(value, "media");
      return this;
    }

    /**
     * Who a principal is and which roles they hold now (required). If it is also a {@link PersonDirectory}, it is
     * the notifications' directory too unless {@link #people} says otherwise.
     */
    public Builder actors(ActorDirectory value) {
      this.actors = checkNotNull(value, "actors");
      return this;
    }

    /** Whom the notifications reach, and how (default: the {@link #actors} directory, if it is one). */
    public Builder people(PersonDirectory value) {
      this.people = checkNotNull(value, "people");
      return this;
    }

    /** The time of events, deliveries and reminders (default: the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = checkNotNull(value, "clock");
      return this;
    }

    /** The working calendar of the deadlines (default: each office's zone with the bundled days off). */
    public Builder calendar(WorkingCalendar value) {
      this.calendar = checkNotNull(value, "calendar");
      return this;
    }

    /**
     * Each office's working calendar (its zone and amended days off), for a server hosting several offices; an
     * office it gives nothing for gets {@link #calendar} or the default of its zone.
     */
    public Builder calendars(Function<String, Optional<WorkingCalendar>> value) {
      this.calendars = checkNotNull(value, "calendars");
      return this;
    }

    /**
     * Each office's platform clients (its own accounts), for a server hosting several offices; replaces the clients
     * given with {@link #platform}.
     */
    public Builder platforms(PlatformClients value) {
      this.platformClients = checkNotNull(value, "platforms");
      return this;
    }

    /** Publishes to {@code client}'s platform through it (one per platform; a later one replaces). */
    public Builder platform(PlatformClient value) {
      checkNotNull(value, "platform");
      platforms.removeIf(c -> c.platform() == value.platform());
      platforms.add(value);
      return this;
    }

    /** Adds a notification channel (default: none, and notifications are only logged). */
    public Builder notifier(Notifier value) {
      notifiers.add(checkNotNull(value, "notifier"));
      return this;
    }

    /**
     * The principal the runtime records the uploads it makes as (the upload activity's performer, e.g. the office's
     * Staf account); resolved in the directory each time, so it must hold the upload activity's role. Default:
     * none, and a post is recorded as the person whose command made the case ready, which the SOP refuses unless
     * that person also holds the upload role (the intent then waits, published, until this is configured).
     */
    public Builder publishAs(Principal value) {
      Optional<Principal> account = Optional.of(checkNotNull(value, "publishAs"));
      this.publishAs = office -> account;
      return this;
    }

    /**
     * Each office's publishing principal, for a server hosting several offices (see {@link #publishAs(Principal)});
     * an office it gives nothing for records its posts as the person who made the case ready.
     */
    public Builder publishAsPerOffice(Function<String, Optional<Principal>> value) {
      this.publishAs = checkNotNull(value, "publishAsPerOffice");
      return this;
    }

    /** The outbox's patience (default {@link OutboxPolicy#defaults()}). */
    public Builder outboxPolicy(OutboxPolicy value) {
      this.outboxPolicy = checkNotNull(value, "outboxPolicy");
      return this;
    }

    /** The notifications' back-off (default {@link NotificationService#DEFAULT_BACKOFF}). */
    public Builder notificationRetry(Backoff value) {
      this.retry = checkNotNull(value, "notificationRetry");
      return this;
    }

    /**
     * How long a notification being sent is reserved for the instance sending it (default five minutes): another
     * instance sends it again only after that, so it must be longer than any send takes.
     */
    public Builder notificationLease(Duration value) {
      checkNotNull(value, "notificationLease");
      checkArgument(!value.isNegative() && !value.isZero(), "notificationLease must be positive");
      this.notificationLease = value;
      return this;
    }

    /**
     * Whether due-soon and overdue reminders found outside the office's hours wait for its next opening (default
     * {@code true}); held ones are recorded at once and sent at the opening, never lost.
     */
    public Builder remindersInOfficeHours(boolean value) {
      this.remindersInOfficeHours = value;
      return this;
    }

    /** The platform rules for captions and designs (default {@link PlatformOutputRules#defaults()}). */
    public Builder outputRules(OutputRules value) {
      this.outputRules = checkNotNull(value, "outputRules");
      return this;
    }

    /** The outbox's source of jitter (default: an unseeded {@link SplittableRandom}); seed it in tests. */
    public Builder random(RandomGenerator value) {
      this.random = checkNotNull(value, "random");
      return this;
    }

    /**
     * How many case states the runtime keeps to avoid folding a history again before each command (default
     * 10,000; 0 keeps none). A kept state is used only if the stored history continues it.
     */
    public Builder stateCacheSize(int value) {
      checkArgument(value >= 0, "stateCacheSize must not be negative but was %s", value);
      this.stateCacheSize = value;
      return this;
    }

    /**
     * Anchors every case's head with {@code signer}'s key (default: none). The seal of the head a command's events
     * make is put in {@code seals} before the events are appended, and every command and view then refuses a history
     * whose head has no seal of the key ({@link HeadSealException}, {@code JDIH-CASE-011}), even if its hash chain
     * verifies: a history rewritten by someone who can write the database but does not hold the key. Keep the key
     * outside the database (a key file readable by the application's account only, a KMS). Existing cases need
     * {@link Jdih#sealCurrentHead} once. See {@code docs/anchoring.md}.
     */
    public Builder sealWith(HeadSigner signer, SealStore seals) {
      this.seals = new HeadSeals(checkNotNull(signer, "signer"), checkNotNull(seals, "seals"));
      return this;
    }

    /** How long {@link Jdih#start} waits between passes (default 30 seconds). */
    public Builder runEvery(Duration value) {
      checkNotNull(value, "runEvery");
      checkArgument(!value.isNegative() && !value.isZero(), "runEvery must be positive");
      this.runEvery = value;
      return this;
    }

    /**
     * The runtime.
     *
     * @throws IllegalStateException if no directory of actors was given
     * @throws IllegalArgumentException if the definition for new cases is not registered
     */
    public Jdih build() {
      checkState(actors != null, "a directory of actors is required: Jdih.builder().actors(...)");
      checkArgument(registry.find(newCasesUnder).isPresent(), "the definition for new cases %s is not registered",
          newCasesUnder);
      if (people == null) {
        if (actors instanceof PersonDirectory p) {
          people = p;
        } else {
          LOG.warn("no people directory for notifications: nobody will be notified (Jdih.Builder.people)");
          people = new InMemoryPersonDirectory();
        }
      }
      if (storage == null) {
        storage = new InMemoryStorage();
      }
      if (media == null) {
        media = new InMemoryMediaStore();
      }
      return new Jdih(this);
    }
  }
}
