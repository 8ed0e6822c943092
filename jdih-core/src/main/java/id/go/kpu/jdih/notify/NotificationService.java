package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.time.Backoff;
import id.go.kpu.jdih.workflow.CaseHistory;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.go.kpu.jdih.publish.PublicationNeedsConfirmation;
import id.go.kpu.jdih.publish.PublicationConfirmationHook;

/**
 * Hand-offs and reminders without a thread of the library's own: the embedder calls {@link #tick(Instant)} from its
 * own scheduler (or after each command), and each tick
 * <ol>
 *   <li>derives notifications ({@link NotificationPolicy}) from each case's events since the last tick and from
 *       the deadlines its open activity crossed in {@code (last tick, now]};
 *   <li>records one delivery per notification and channel in the {@link NotificationLedger} under its stable key
 *       (a key already there is left alone, so nothing is sent twice for one event, even by a restarted service);
 *   <li>sends every delivery that is due through its channel's {@link Notifier};
 *   <li>reschedules each failure with exponential back-off ({@link #DEFAULT_BACKOFF} unless told otherwise) or the channel's retry-after,
 *       and keeps a permanent refusal as {@link DeliveryStatus#FAILED}.
 * </ol>
 * It also is the {@link PublicationConfirmationHook} the publishing outbox calls.
 *
 * <p>Thread-safe: ticks of one service run one at a time; the ledger's claims keep several services (or
 * processes) sharing one ledger from sending a delivery twice while its lease lasts. A process that dies between
 * sending and recording the send sends that delivery again after the lease: delivery is at least once.
 */
public final class NotificationService implements PublicationConfirmationHook {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  /** How many deliveries are claimed at once by default. */
  public static final int DEFAULT_BATCH_SIZE = 50;
  /**
   * The back-off of failed sends by default: one minute, doubling, at most an hour; a channel's own retry-after
   * wins. There is no limit on attempts: only a permanent refusal stops them.
   */
  public static final Backoff DEFAULT_BACKOFF = Backoff.of(Duration.ofMinutes(1), Duration.ofHours(1));

  /** How long a claimed delivery is reserved for its sender by default. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  private final SopRegistry registry;
  private final CaseStore store;
  private final NotificationPolicy policy;
  private final NotificationLedger ledger;
  private final ImmutableMap<String, Notifier> notifiers;
  private final Backoff retry;
  private final int batchSize;
  private final Duration lease;
  private final @Nullable Clock clock; // without one, a claim's lease starts at the tick's time
  private final ReentrantLock tickLock = new ReentrantLock();

  private NotificationService(Builder b) {
    this.registry = b.registry;
    this.store = b.store;
    this.policy = b.policy;
    this.ledger = b.ledger;
    this.notifiers = ImmutableMap.copyOf(b.notifiers);
    this.retry = b.retry;
    this.batchSize = b.batchSize;
    this.lease = b.lease;
    this.clock = b.clock;
  }

  /**
   * A builder.
   *
   * @param registry the definitions the cases run under
   * @param store the cases
   * @param policy who is told what
   */
  public static Builder builder(SopRegistry registry, CaseStore store, NotificationPolicy policy) {
    return new Builder(registry, store, policy);
  }

  /** The ledger. */
  public NotificationLedger ledger() {
    return ledger;
  }

  /** The policy. */
  public NotificationPolicy policy() {
    return policy;
  }

  /** The channels, in the order the notifiers were added. */
  public ImmutableList<String> channels() {
    return notifiers.keySet().asList();
  }

  /**
   * Derives, records and sends: see the class description. Cases are read in id order; a case that cannot be read
   * is logged and tried again at the next tick without holding up the others.
   *
   * @param now the time of the tick (from the embedder's clock)
   */
  public TickReport tick(Instant now) {
    checkNotNull(now, "now");
    tickLock.lock();
    try {
      Report report = new Report(now);
      List<CaseId> ids;
      try (Stream<CaseId> s = store.caseIds()) {
        ids = s.sorted().collect(Collectors.toList());
      }
      for (CaseId id : ids) {
        derive(id, now, report);
      }
      send(now, report);
      return report.build();
    } finally {
      tickLock.unlock();
    }
  }

  /**
   * Like {@link #tick(Instant)} for one case only (e.g. right after a command on it), then sends every due
   * delivery.
   */
  public TickReport tick(Instant now, CaseId caseId) {
    checkNotNull(now, "now");
    checkNotNull(caseId, "caseId");
    tickLock.lock();
    try {
      Report report = new Report(now);
      derive(caseId, now, report);
      send(now, report);
      return report.build();
    } finally {
      tickLock.unlock();
    }
  }

  /** Sends every delivery due at {@code now} (retries included) without deriving new notifications. */
  public TickReport sendDue(Instant now) {
    checkNotNull(now, "now");
    tickLock.lock();
    try {
      Report report = new Report(now);
      send(now, report);
      return report.build();
    } finally {
      tickLock.unlock();
    }
  }

  /**
   * Records a {@link NotificationKind#NEEDS_CONFIRMATION} notice for everyone holding the escalation role; it is
   * sent at the next tick. Idempotent per intent key.
   *
   * @throws IllegalArgumentException if the case does not exist
   */
  @Override
  public void needsConfirmation(PublicationNeedsConfirmation event) {
    checkNotNull(event, "event");
    CaseHistory h = CaseHistory.of(store.load(event.caseId()), registry::find).orElseThrow(
        () -> new IllegalArgumentException("unknown case " + event.caseId()));
    SopDefinition definition = h.definition();
    ContentCase c = h.replay();
    Report report = new Report(event.at());
    record(definition, policy.onNeedsConfirmation(definition, c, event), event.at(), report);
    LOG.info("case {}: publication on {} needs confirmation; {} notice(s) recorded", LogSafe.of(event.caseId()),
        event.platform(), report.recorded);
  }

  private void derive(CaseId id, Instant now, Report report) {
    try {
      Optional<CaseProgress> progress = ledger.progress(id);
      if (progress.isPresent() && progress.get().closed()) {
        return;
      }
      Optional<CaseHistory> loaded = CaseHistory.of(store.load(id), registry::find);
      if (loaded.isEmpty()) {
        return;
      }
      ImmutableList<RecordedEvent> history = loaded.get().events();
      SopDefinition definition = loaded.get().definition();
      ContentCase state = loaded.get().replay();
      long seen = progress.map(CaseProgress::version).orElse(0L);
      List<Notification> notices = new ArrayList<>(policy.onEvents(definition, history, seen, now));
      Instant from = progress.map(CaseProgress::checkedUntil).orElseGet(() -> state.openedAt().orElseThrow());
      if (state.status() == CaseStatus.OPEN) {
        notices.addAll(policy.onDeadlines(definition, state, from, now));
      }
      record(definition, notices, now, report);
      ledger.saveProgress(id, new CaseProgress(history.size(), now.isAfter(from) ? now : from,
          state.status().isClosed()));
    } catch (RuntimeException e) {
      LOG.error("case {}: notifications not derived, tried again at the next tick: {}", LogSafe.of(id),
          LogSafe.of(e.toString()));
    }
  }

  private void record(SopDefinition definition, List<Notification> notices, Instant at, Report report) {
    for (Notification n : notices) {
      report.derived++;
      Instant notBefore = policy.sendableFrom(definition, n.kind(), at);
      if (notBefore.isAfter(at)) {
        LOG.info("{} held until the office opens at {}", LogSafe.of(n.key()), notBefore);
      }
      boolean reached = false;
      for (Notifier notifier : notifiers.values()) {
        if (!notifier.canReach(n.recipient())) {
          continue;
        }
        reached = true;
        if (ledger.record(Delivery.pending(n, notifier.channel(), at, notBefore))) {
          report.recorded++;
          LOG.debug("recorded {} via {}", LogSafe.of(n.key()), LogSafe.of(notifier.channel()));
        }
      }
      if (!reached) {
        report.unreachable.add(n);
        LOG.warn("{} cannot be reached through {}; {} is not sent", LogSafe.of(n.recipient()), notifiers.keySet(),
            LogSafe.of(n.key()));
      }
    }
  }

  private void send(Instant now, Report report) {
    // The definitions of the cases whose reminders this send looks at: each case is read once per send, not once per
    // reminder (a case's reminders go to several people through several channels).
    Map<CaseId, Optional<SopDefinition>> definitions = new HashMap<>();
    int guard = 0;
    while (guard++ < 10_000) {
      // A lease runs from the moment of the claim, not from the tick's start: deriving and earlier batches may have
      // taken a while, and a lease counted from the tick would end early and let another instance send it too.
      Instant claimedAt = claimTime(now);
      ImmutableList<Delivery> batch = ledger.claimDue(claimedAt, batchSize, lease);
      if (batch.isEmpty()) {
        return;
      }
      for (Delivery d : batch) {
        Instant at = claimTime(now);
        // Never send on a lease that is running out: another instance may claim the delivery when it ends and send
        // it too. What is left is sent by whoever claims it next (this instance included), after the lease.
        if (at.plus(lease.dividedBy(2)).isAfter(d.nextAttemptAt())) {
          LOG.debug("{}: its lease runs out at {}; left for the next claim", LogSafe.of(d.key()), d.nextAttemptAt());
          continue;
        }
        attempt(d, at, report, definitions);
      }
    }
    LOG.warn("tick {}: stopped sending after 10000 batches; the rest is sent at the next tick", now);
  }

  private void attempt(Delivery d, Instant now, Report report, Map<CaseId, Optional<SopDefinition>> definitions) {
    // A reminder claimed while the office is closed (its tick came late, or a retry fell after hours) goes back to
    // the ledger until the opening: held, never lost, never sent at night.
    Optional<Instant> opening = heldUntil(d.notification(), now, definitions);
    if (opening.isPresent()) {
      ledger.release(d.key(), opening.get());
      LOG.info("{} held until the office opens at {}", LogSafe.of(d.key()), opening.get());
      return;
    }
    Notifier notifier = notifiers.get(d.channel());
    if (notifier == null) {
      Instant next = now.plus(atLeast(retry.delayAfter(d.attempts())));
      ledger.markFailed(d.key(), now, "no notifier for channel " + d.channel(), Optional.of(next));
      LOG.warn("{}: no notifier for channel {} in this service; tried again at {}", LogSafe.of(d.key()),
          LogSafe.of(d.channel()), next);
      report.retrying.add(current(d));
      return;
    }
    try {
      notifier.send(d.notification());
      ledger.markSent(d.key(), now);
      LOG.info("sent {} ({}) via {} to {}", LogSafe.of(d.notification().key()), d.notification().kind(),
          LogSafe.of(d.channel()),
          LogSafe.of(d.notification().recipient()));
      report.sent.add(current(d));
    } catch (NotificationException e) {
      if (e.permanent()) {
        ledger.markFailed(d.key(), now, e.getMessage(), Optional.empty());
        LOG.error("{} via {} refused for good after {} attempt(s): {}", LogSafe.of(d.notification().key()),
            LogSafe.of(d.channel()),
            d.attempts(), LogSafe.of(e.getMessage()));
        report.failed.add(current(d));
      } else {
        Instant next = now.plus(atLeast(e.retryAfter().orElseGet(() -> retry.delayAfter(d.attempts()))));
        ledger.markFailed(d.key(), now, e.getMessage(), Optional.of(next));
        LOG.warn("{} via {} failed (attempt {}), tried again at {}: {}", LogSafe.of(d.notification().key()),
            LogSafe.of(d.channel()),
            d.attempts(), next, LogSafe.of(e.getMessage()));
        report.retrying.add(current(d));
      }
    } catch (RuntimeException e) {
      // Not a NotificationException: a defect of the notifier. Its message may hold anything, so only its class.
      Instant next = now.plus(atLeast(retry.delayAfter(d.attempts())));
      ledger.markFailed(d.key(), now, e.getClass().getName(), Optional.of(next));
      LOG.warn("{} via {} failed with {} (attempt {}), tried again at {}", LogSafe.of(d.notification().key()),
          LogSafe.of(d.channel()),
          e.getClass().getName(), d.attempts(), next);
      report.retrying.add(current(d));
    }
  }

  /** The opening a reminder waits for, if the office of its case is closed at {@code now}. */
  private Optional<Instant> heldUntil(Notification n, Instant now,
      Map<CaseId, Optional<SopDefinition>> definitions) {
    if (!policy.remindersInOfficeHours()
        || (n.kind() != NotificationKind.DUE_SOON && n.kind() != NotificationKind.OVERDUE)) {
      return Optional.empty();
    }
    Optional<SopDefinition> definition = definitions.computeIfAbsent(n.caseId(), id -> {
      try {
        return CaseHistory.of(store.load(id), registry::find).map(CaseHistory::definition);
      } catch (RuntimeException e) {
        // The case cannot be read now: send as before rather than hold it on a guess.
        LOG.warn("{}: office hours not checked, the case cannot be read: {}", LogSafe.of(n.key()),
            LogSafe.of(e.toString()));
        return Optional.empty();
      }
    });
    return definition.map(d -> policy.sendableFrom(d, n.kind(), now)).filter(t -> t.isAfter(now));
  }

  private Instant claimTime(Instant tick) {
    if (clock == null) {
      return tick;
    }
    Instant now = clock.instant();
    return tick.isAfter(now) ? tick : now;
  }

  private Delivery current(Delivery d) {
    return ledger.find(d.key()).orElse(d);
  }

  private static Duration atLeast(Duration wait) {
    return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
  }

  private static final class Report {
    final Instant at;
    int derived;
    int recorded;
    final List<Notification> unreachable = new ArrayList<>();
    final List<Delivery> sent = new ArrayList<>();
    final List<Delivery> retrying = new ArrayList<>();
    final List<Delivery> failed = new ArrayList<>();

    Report(Instant at) {
      this.at = at;
    }

    TickReport build() {
      return new TickReport(at, derived, recorded, ImmutableList.copyOf(unreachable), ImmutableList.copyOf(sent),
          ImmutableList.copyOf(retrying), ImmutableList.copyOf(failed));
    }
  }

  /** Configures a {@link NotificationService}. */
  public static final class Builder {
    private final SopRegistry registry;
    private final CaseStore store;
    private final NotificationPolicy policy;
    private NotificationLedger ledger = new InMemoryNotificationLedger();
    private final Map<String, Notifier> notifiers = new LinkedHashMap<>();
    private Backoff retry = DEFAULT_BACKOFF;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration lease = DEFAULT_LEASE;
    private @Nullable Clock clock;

    private Builder(SopRegistry registry, CaseStore store, NotificationPolicy policy) {
      this.registry = checkNotNull(registry, "registry");
      this.store = checkNotNull(store, "store");
      this.policy = checkNotNull(policy, "policy");
    }

    /** The ledger (default: a new {@link InMemoryNotificationLedger}). */
    public Builder ledger(NotificationLedger value) {
      this.ledger = checkNotNull(value, "ledger");
      return this;
    }

    /**
     * Adds a channel.
     *
     * @throws IllegalArgumentException if a notifier with the same channel was added
     */
    public Builder notifier(Notifier value) {
      checkNotNull(value, "notifier");
      String channel = checkNotNull(value.channel(), "channel");
      checkArgument(!notifiers.containsKey(channel), "channel %s added twice", channel);
      notifiers.put(channel, value);
      return this;
    }

    /** The back-off of failed sends (default {@link NotificationService#DEFAULT_BACKOFF}). */
    public Builder retry(Backoff value) {
      this.retry = checkNotNull(value, "retry");
      return this;
    }

    /** How many deliveries are claimed at once (default {@value NotificationService#DEFAULT_BATCH_SIZE}). */
    public Builder batchSize(int value) {
      checkArgument(value > 0, "batchSize must be > 0");
      this.batchSize = value;
      return this;
    }

    /**
     * The clock a claim's lease starts from: a tick's deliveries are due by the tick's time, but each batch is then
     * leased from the moment it is claimed (the later of the two). Without it, leases start at the tick's time,
     * which suits one instance; give it whenever several instances share the ledger.
     */
    public Builder clock(Clock value) {
      this.clock = checkNotNull(value, "clock");
      return this;
    }

    /** How long a claimed delivery is reserved for its sender (default five minutes; longer than a send). */
    public Builder lease(Duration value) {
      checkNotNull(value, "lease");
      checkArgument(!value.isNegative() && !value.isZero(), "lease must be positive");
      this.lease = value;
      return this;
    }

    /**
     * The service.
     *
     * @throws IllegalStateException if no notifier was added
     */
    public NotificationService build() {
      checkState(!notifiers.isEmpty(), "add at least one notifier (e.g. a DryRunNotifier)");
      return new NotificationService(this);
    }
  }
}
