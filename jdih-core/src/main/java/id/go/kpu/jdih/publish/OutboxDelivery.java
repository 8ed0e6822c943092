package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.workflow.Actor;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Person;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of activity 7 (upload): records one {@link PublicationIntent} per target platform when the upload is
 * requested, then publishes them through the {@link PlatformClient}s whenever the embedder calls
 * {@link #deliverDue()}, and records each post on the case ({@link CaseCommand.RecordPublication}) the moment it is
 * published. The case reaches "published" only when every target platform has its post.
 *
 * <p><b>Never twice.</b> An intent is sent again only when the platform certainly did not publish it:
 * <ul>
 *   <li>every platform id (container, upload, photo, post) is written to the {@link OutboxStore} the moment the
 *       platform returns it, and the next attempt resumes from those ids;</li>
 *   <li>after an {@link FailureKind#AMBIGUOUS ambiguous} failure (a time-out or a reset after the request left, a
 *       5xx on a publishing call) or a {@link FailureKind#DUPLICATE duplicate} signal, the platform is asked first
 *       ({@link Reconciliation}): Instagram and Threads by the container's status, Facebook and X by reading the
 *       account's recent posts and comparing texts ({@link PostText}), twice, {@link OutboxPolicy#settleDelay()}
 *       apart, before anything is resent;</li>
 *   <li>when the platform cannot tell (Telegram has no way to read a channel; the checks keep failing), the intent
 *       stops in {@link IntentStatus#NEEDS_CONFIRMATION} with what is known, for a person to
 *       {@link #confirmPublished confirm the post} or {@link #confirmNotPublished confirm it is not there};</li>
 *   <li>a worker that stops in the middle leaves its intent {@link IntentStatus#IN_PROGRESS}; when its
 *       {@link OutboxPolicy#lease() lease} ends, the next call takes it over and reconciles before sending.</li>
 * </ul>
 *
 * <p><b>Waiting.</b> Failures that certainly did not publish are retried with exponential back-off and equal
 * jitter; rate limits and quotas wait until the platform's reset time (X {@code x-rate-limit-reset}, Telegram
 * {@code retry_after}) or the policy's wait, and hold back every intent for that platform until then. Token and
 * permission errors, refused posts and too many failures stop the intent as {@link IntentStatus#FAILED} with the
 * adapter's actionable message.
 *
 * <p><b>Parts.</b> This class takes each due intent and sends it; {@code OutboxReconciler} asks the platform after
 * an ambiguous outcome; {@code OutboxRecorder} checks an intent before every send and records posts on their cases;
 * {@code IntentSteps} saves, schedules (with the policy's back-off) and stops intents for all three.
 *
 * <p><b>Threads and time.</b> No threads of its own: the embedder calls {@link #deliverDue()} from its scheduler
 * ({@link #nextDueAt()} says when there is work). Time comes from the injected {@link Clock}, jitter from the
 * injected {@link RandomGenerator}. Thread-safe: several threads or processes may call {@link #deliverDue()} on one
 * store; the store's compare-and-set gives each intent to one of them.
 */
public final class OutboxDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final OutboxStore store;
  private final OutboxCases cases;
  private final PlatformClients clients;
  private final Clock clock;
  private final RandomGenerator random;
  private final OutboxPolicy policy;
  private final IntentSteps steps;
  private final OutboxRecorder recorder;
  private final OutboxReconciler reconciler;
  // Per office and platform: a rate limit holds back one account, not every office's.
  private final ConcurrentMap<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  private OutboxDelivery(Builder b) {
    this.store = b.store;
    this.cases = b.cases;
    ImmutableMap<Platform, PlatformClient> fixed = ImmutableMap.copyOf(b.clients);
    this.clients = b.resolver != null ? b.resolver : (office, platform) -> Optional.ofNullable(fixed.get(platform));
    this.clock = b.clock;
    this.random = b.random;
    this.policy = b.policy;
    this.steps = new IntentSteps(store, clock, policy, random, b.confirmationHook);
    this.recorder = new OutboxRecorder(cases, b.recorder, b.media, steps);
    this.reconciler = new OutboxReconciler(this, recorder, steps);
  }

  /**
   * A builder for a delivery over {@code store} that records posts through {@code cases}.
   *
   * @param store where intents are kept
   * @param cases the cases the posts are recorded on (the runtime's {@code Cases})
   * @return a builder; add a {@link Builder#client client} per platform
   */
  public static Builder builder(OutboxStore store, OutboxCases cases) {
    return new Builder(checkNotNull(store, "store"), checkNotNull(cases, "cases"));
  }

  /** The policy in use. */
  public OutboxPolicy policy() {
    return policy;
  }

  /**
   * Performs activity 7 as far as the outbox goes: records one intent per target platform still waiting for its
   * post, with the caption for that platform and the design's media. Nothing is sent here. Repeating the request is
   * harmless: a platform that already has a live (not failed) intent keeps it.
   *
   * @param caseId the case, which must be open at its upload activity with a caption
   * @param actor the person performing the upload; must hold the activity's executor role
   * @return the intents of the waiting platforms, new or existing, in platform order
   * @throws OutboxException if the case is not at its upload activity, the person lacks the role, or a platform
   *     has no client; nothing is recorded then
   */
  public ImmutableList<IntentState> requestPublication(CaseId caseId, Person actor) {
    checkNotNull(caseId, "caseId");
    checkNotNull(actor, "actor");
    ContentCase c = checkAtUpload(caseId, actor);
    List<Platform> waiting = c.pendingPlatforms().stream().sorted().toList();
    String office = cases.definitionOf(caseId).office().id();
    for (Platform p : waiting) {
      if (clients.client(office, p).isEmpty()) {
        throw new OutboxException(OutboxException.Reason.NO_CLIENT, Text.of(
            "Tidak ada klien penerbit untuk %s; kasus %s tidak dapat diunggah",
            "No publishing client is configured for %s; case %s cannot be uploaded").format(p.displayName(), caseId));
      }
    }
    for (IntentState s : PublicationIntents.missing(c, store.forCase(caseId), actor, clock.instant())) {
      addOrFind(s);
      LOG.info("intent {} recorded by {}", LogSafe.of(s.id()), LogSafe.of(actor.name()));
    }
    return store.forCase(caseId).stream()
        .filter(s -> waiting.contains(s.intent().platform()) && s.status() != IntentStatus.FAILED)
        .sorted(Comparator.comparing((IntentState s) -> s.intent().platform()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Acts on every intent that is due (at most {@link OutboxPolicy#batchSize()}): sends, checks with the platform,
   * retries or stops each one as its state requires. Call it from the embedder's scheduler, e.g. at
   * {@link #nextDueAt()}.
   *
   * @return the intents it acted on, in their state afterwards
   */
  public DeliveryReport deliverDue() {
    Instant now = clock.instant();
    List<IntentState> handled = new ArrayList<>();
    for (IntentState s : store.due(now, policy.batchSize())) {
      try {
        deliver(s).ifPresent(handled::add);
      } catch (RuntimeException e) {
        // A bug or a store failure: the intent stays as it was (IN_PROGRESS until its lease ends, then reconciled).
        LOG.error("intent {}: delivery failed unexpectedly; it is taken up again after its lease", LogSafe.of(s.id()),
            e);
      }
    }
    return new DeliveryReport(now, ImmutableList.copyOf(handled));
  }

  /** When an intent next becomes due, or empty if none will without a person. */
  public Optional<Instant> nextDueAt() {
    return store.nextDueAt();
  }

  /** The intent with {@code id}, if any. */
  public Optional<IntentState> intent(IntentId id) {
    return store.find(checkNotNull(id, "id"));
  }

  /** Every intent of a case, ordered by id (platform, then round). */
  public ImmutableList<IntentState> intents(CaseId caseId) {
    return store.forCase(checkNotNull(caseId, "caseId"));
  }

  /**
   * A person confirms that the intent's content is on the platform (after looking at the account): the intent is
   * published with the given post and the post is recorded on the case.
   *
   * @param id the intent, in {@link IntentStatus#NEEDS_CONFIRMATION} or {@link IntentStatus#RETRY_SCHEDULED}
   * @param postId the platform's post id
   * @param url the post's public address
   * @param publishedAt when it was published
   * @param by who confirms
   * @return the intent's new state
   * @throws OutboxException if there is no such intent or it is in another status
   */
  public IntentState confirmPublished(IntentId id, String postId, URI url, Instant publishedAt, Person by) {
    checkNotNull(postId, "postId");
    checkArgument(!postId.isBlank(), "postId must not be blank");
    checkNotNull(url, "url");
    checkNotNull(publishedAt, "publishedAt");
    checkNotNull(by, "by");
    while (true) {
      IntentState s = existing(id);
      requireStatus(s, IntentStatus.NEEDS_CONFIRMATION, IntentStatus.RETRY_SCHEDULED);
      Instant now = clock.instant();
      IntentState.Builder b = s.next(now).status(IntentStatus.PUBLISHED);
      b.post = Optional.of(new PublishedPost(s.intent().platform(), postId, url, publishedAt));
      b.nextAttemptAt = Optional.of(now);
      b.reconcileFirst = false;
      b.caseRecorded = false;
      b.note(Text.of("Dikonfirmasi terbit oleh %s: %s", "Confirmed as published by %s: %s").format(by, url));
      IntentState next = b.build();
      if (store.replace(s, next)) {
        try {
          return recorder.recordOnCase(steps.work(next));
        } catch (LeaseLost e) {
          return store.find(id).orElseThrow(); // a worker recorded it meanwhile
        }
      }
    }
  }

  /**
   * A person confirms that the intent's content is not on the platform: it is sent again at once, without another
   * check (a container the platform still holds is reused).
   *
   * @param id the intent, in {@link IntentStatus#NEEDS_CONFIRMATION}
   * @param by who confirms
   * @return the intent's new state ({@link IntentStatus#RETRY_SCHEDULED}, due now)
   * @throws OutboxException if there is no such intent or it is in another status
   */
  public IntentState confirmNotPublished(IntentId id, Person by) {
    checkNotNull(by, "by");
    while (true) {
      IntentState s = existing(id);
      requireStatus(s, IntentStatus.NEEDS_CONFIRMATION);
      Instant now = clock.instant();
      IntentState.Builder b = s.next(now).status(IntentStatus.RETRY_SCHEDULED);
      b.nextAttemptAt = Optional.of(now);
      b.reconcileFirst = false;
      b.reconcileChecks = 0;
      b.notFoundLookups = 0;
      b.duplicateSignal = false;
      b.failures = 0;
      b.note(Text.of("Dikonfirmasi belum terbit oleh %s; dikirim ulang", "Confirmed as not published by %s; resending")
          .format(by));
      IntentState next = b.build();
      if (store.replace(s, next)) {
        return next;
      }
    }
  }

  /**
   * Starts a new round for a {@link IntentStatus#FAILED} intent (after a person fixed the cause, e.g. renewed the
   * token): a new intent with the same content and the next round number. The failed one stays as history.
   *
   * @param id the failed intent; it must be the latest round of its case and platform
   * @param by the person performing the upload; must hold the upload activity's role
   * @return the new intent's state
   * @throws OutboxException if the intent is unknown, not failed, not the latest round, or the case or person
   *     does not allow an upload
   */
  public IntentState retryFailed(IntentId id, Person by) {
    checkNotNull(by, "by");
    IntentState s = existing(id);
    requireStatus(s, IntentStatus.FAILED);
    PublicationIntent old = s.intent();
    checkAtUpload(old.caseId(), by);
    boolean newer = store.forCase(old.caseId()).stream()
        .anyMatch(o -> o.intent().platform() == old.platform() && o.intent().round() > old.round());
    if (newer) {
      throw new OutboxException(OutboxException.Reason.WRONG_STATUS, Text.of(
          "Niat terbit %s sudah punya putaran yang lebih baru", "Intent %s already has a newer round").format(id));
    }
    Instant now = clock.instant();
    int round = old.round() + 1;
    PublicationIntent intent = new PublicationIntent(IntentId.of(old.caseId(), old.platform(), round), old.caseId(),
        old.platform(), round, old.text(), old.media(), by, now);
    return addOrFind(IntentState.pending(intent, now));
  }

  // ---------------------------------------------------------------------------------------------------------------

  private ContentCase checkAtUpload(CaseId caseId, Person actor) {
    ContentCase c = cases.get(caseId);
    Optional<Activity> current = c.status() == CaseStatus.OPEN && c.currentActivity().isPresent()
        ? cases.definitionOf(caseId).activity(c.currentActivity().getAsInt()) : Optional.empty();
    if (current.isEmpty() || current.get().kind() != ActivityKind.PUBLICATION || c.caption().isEmpty()) {
      throw new OutboxException(OutboxException.Reason.NOT_AT_UPLOAD, Text.of(
          "Kasus %s belum (atau tidak lagi) pada kegiatan unggah konten dengan keterangan yang siap",
          "Case %s is not at its upload activity with a caption ready").format(caseId));
    }
    if (!actor.holds(current.get().executor())) {
      throw new OutboxException(OutboxException.Reason.NOT_EXECUTOR, Text.of(
          "%s tidak memegang peran pelaksana kegiatan unggah (%s) pada kasus %s",
          "%s does not hold the upload activity's executor role (%s) in case %s")
          .format(actor, current.get().executor().value(), caseId));
    }
    return c;
  }

  private IntentState addOrFind(IntentState state) {
    if (store.add(state)) {
      return state;
    }
    return store.find(state.id()).orElseThrow();
  }

  private IntentState existing(IntentId id) {
    checkNotNull(id, "id");
    return store.find(id).orElseThrow(() -> new OutboxException(OutboxException.Reason.UNKNOWN_INTENT,
        Text.of("Niat terbit %s tidak ada", "There is no intent %s").format(id)));
  }

  private static void requireStatus(IntentState s, IntentStatus... allowed) {
    for (IntentStatus a : allowed) {
      if (s.status() == a) {
        return;
      }
    }
    throw new OutboxException(OutboxException.Reason.WRONG_STATUS, Text.of(
        "Niat terbit %s berstatus %s; permintaan ini tidak berlaku", "Intent %s is %s; this request does not apply")
        .format(s.id(), s.status()));
  }

  private Optional<IntentState> deliver(IntentState s) {
    Instant now = clock.instant();
    if (!s.isDue(now)) {
      return Optional.empty();
    }
    if (s.status() == IntentStatus.PUBLISHED) {
      try {
        return Optional.of(recorder.recordOnCase(steps.work(s)));
      } catch (LeaseLost e) {
        return store.find(s.id()); // another worker recorded it
      }
    }
    IntentState.Builder b = s.next(now);
    boolean abandoned = s.status() == IntentStatus.IN_PROGRESS;
    b.status(IntentStatus.IN_PROGRESS);
    b.leaseUntil = Optional.of(now.plus(policy.lease()));
    if (abandoned && s.firstSentAt().isPresent()) {
      b.reconcileFirst = true;
      b.note(Text.of("Pekerja sebelumnya berhenti di tengah pengiriman; diperiksa di platform sebelum apa pun",
          "The previous worker stopped in the middle of a send; checking with the platform before anything else"));
    }
    IntentState claimed = b.build();
    if (!store.replace(s, claimed)) {
      return Optional.empty(); // another worker was first
    }
    IntentWork w = steps.work(claimed);
    try {
      process(w);
    } catch (LeaseLost e) {
      LOG.warn("intent {}: another worker took it over; leaving it to that worker", LogSafe.of(s.id()));
      return store.find(s.id());
    }
    return Optional.of(w.state);
  }

  private void process(IntentWork w) {
    PublicationIntent intent = w.state.intent();
    String office = cases.definitionOf(intent.caseId()).office().id();
    PlatformClient client = clients.client(office, intent.platform()).orElse(null);
    if (client == null) {
      Instant at = clock.instant().plus(policy.maxBackoff());
      w.save(b -> {
        b.status(IntentStatus.RETRY_SCHEDULED);
        b.nextAttemptAt = Optional.of(at);
        b.note(Text.of("Tidak ada klien penerbit untuk %s pada proses ini; ditunda",
            "No publishing client for %s in this process; deferred").format(intent.platform().displayName()));
      });
      return;
    }
    Optional<String> postId = w.state.postId();
    if (postId.isPresent()) {
      recorder.publishedFromStoredId(w, client, postId.get());
      return;
    }
    Instant now = clock.instant();
    Instant blocked = blockedUntil.get(office + "/" + intent.platform());
    if (blocked != null && blocked.isAfter(now)) {
      w.save(b -> {
        b.status(IntentStatus.RETRY_SCHEDULED);
        b.nextAttemptAt = Optional.of(blocked);
        b.note(Text.of("%s membatasi laju sampai %s; ditunda", "%s is rate-limited until %s; deferred")
            .format(intent.platform().displayName(), blocked));
      });
      return;
    }
    if (w.state.reconcileFirst()) {
      reconciler.reconcile(w, client);
    } else {
      send(w, client);
    }
  }

  void send(IntentWork w, PlatformClient client) {
    Optional<Problem> unfit = recorder.preflight(w.state.intent());
    if (unfit.isPresent()) {
      steps.fail(w, unfit.get(), null, b -> b.reconcileFirst = false);
      return;
    }
    Instant now = clock.instant();
    w.save(b -> {
      b.sendAttempts++;
      if (b.firstSentAt.isEmpty()) {
        b.firstSentAt = Optional.of(now);
      }
    });
    PostAttempt attempt = new PostAttempt(w.state.intent(), w.state.liveIds(), w.state.sendAttempts());
    IdSink sink = (kind, value) -> {
      PlatformId id = new PlatformId(kind, value, clock.instant());
      w.save(b -> b.addId(id));
      LOG.debug("intent {}: {} {} stored", LogSafe.of(w.state.id()), LogSafe.of(kind), LogSafe.of(value));
    };
    PostResult result;
    try {
      result = client.createPost(attempt, sink);
    } catch (LeaseLost e) {
      throw e;
    } catch (PlatformCallException e) {
      onFailure(w, client, e);
      return;
    } catch (RuntimeException e) {
      onFailure(w, client, IntentSteps.unexpected(e));
      return;
    }
    if (result instanceof PostResult.Published p) {
      recorder.published(w, p.post(), Text.of("Terbit di %s: %s", "Published on %s: %s")
          .format(client.platform().displayName(), p.post().url()));
    } else if (result instanceof PostResult.NotReady n) {
      notReady(w, n.reason());
    }
  }

  private void onFailure(IntentWork w, PlatformClient client, PlatformCallException e) {
    Optional<String> postId = w.state.postId();
    if (postId.isPresent()) {
      recorder.publishedFromStoredId(w, client, postId.get());
      return;
    }
    Instant now = clock.instant();
    Problem problem = new Problem(e.kind(), e.platformCode(), e.text(), now);
    LOG.info("intent {}: {} ({})", LogSafe.of(w.state.id()), e.kind(), LogSafe.of(e.platformCode()));
    switch (e.kind()) {
      case NOT_SENT -> {
        int failures = w.state.failures() + 1;
        if (failures >= policy.maxFailures()) {
          steps.fail(w, problem, Text.of("Dihentikan setelah %d percobaan gagal; konten belum terbit. Terakhir: %s",
              "Stopped after %d failed attempts; the content is not published. Last: %s")
              .format(failures, e.text()), b -> b.failures = failures);
        } else {
          Instant at = now.plus(steps.backoff(failures));
          steps.schedule(w, at, problem, Text.of("Gagal, belum terbit (%s); dicoba lagi pada %s",
              "Failed, not published (%s); retrying at %s").format(e.platformCode(), at), b -> b.failures = failures);
        }
      }
      case RATE_LIMITED, QUOTA_REACHED -> deferForLimit(w, problem, e);
      case AUTH, REJECTED -> steps.fail(w, problem, e.text(), b -> { });
      case CONTAINER_EXPIRED -> {
        int failures = w.state.failures() + 1;
        if (failures >= policy.maxFailures()) {
          steps.fail(w, problem, e.text(), b -> b.failures = failures);
        } else {
          steps.schedule(w, now, problem, Text.of("Kontainer kedaluwarsa tanpa terbit; dibuat kontainer baru",
              "The container expired unpublished; a new one is made"), b -> {
                b.failures = failures;
                b.dropLiveIds();
              });
        }
      }
      case AMBIGUOUS, DUPLICATE -> ambiguous(w, client, problem, e.kind() == FailureKind.DUPLICATE);
      default -> throw new IllegalStateException("unknown failure kind " + e.kind());
    }
  }

  private void deferForLimit(IntentWork w, Problem problem, PlatformCallException e) {
    Instant now = clock.instant();
    Duration fallback = e.kind() == FailureKind.QUOTA_REACHED ? policy.quotaWait() : policy.defaultRateLimitWait();
    Instant reset = e.retryAt().filter(t -> t.isAfter(now)).orElse(now.plus(fallback));
    Instant at = reset.plus(steps.jitter(policy.rateLimitJitter()));
    Platform platform = w.state.intent().platform();
    String office = cases.definitionOf(w.state.intent().caseId()).office().id();
    blockedUntil.merge(office + "/" + platform, reset, (a, b) -> a.isAfter(b) ? a : b);
    int waits = w.state.rateLimitWaits() + 1;
    if (waits > policy.maxRateLimitWaits()) {
      steps.fail(w, problem, Text.of("Dihentikan setelah %d kali ditahan batas laju/kuota; konten belum terbit: %s",
          "Stopped after %d rate-limit or quota deferrals; the content is not published: %s").format(waits - 1,
          e.text()), b -> b.rateLimitWaits = waits);
      return;
    }
    steps.schedule(w, at, problem, Text.of("Ditahan batas %s (%s); dicoba lagi pada %s",
        "Held back by %s's limit (%s); retrying at %s").format(platform.displayName(), e.platformCode(), at),
        b -> b.rateLimitWaits = waits);
  }

  private void ambiguous(IntentWork w, PlatformClient client, Problem problem, boolean duplicate) {
    if (client.reconciliation() == Reconciliation.NONE) {
      steps.needsConfirmation(w, problem, Text.of(
          "Hasil pengiriman ke %s tidak dapat dipastikan (%s) dan %s tidak menyediakan cara memeriksanya. Periksa "
              + "akun: jika sudah terbit, konfirmasi alamatnya; jika belum, konfirmasi untuk mengirim ulang",
          "The outcome of the send to %s is unknown (%s) and %s offers no way to check it. Look at the account: if "
              + "it is published, confirm its address; if not, confirm to resend")
          .format(client.platform().displayName(), problem.code(), client.platform().displayName()));
      return;
    }
    Instant at = clock.instant().plus(policy.settleDelay());
    steps.schedule(w, at, problem, duplicate
        ? Text.of("%s menyebut konten ini duplikat; dicari unggahannya pada %s",
            "%s reports the content as a duplicate; looking for the post at %s")
            .format(client.platform().displayName(), at)
        : Text.of("Hasil tidak pasti (%s); diperiksa di platform pada %s sebelum mengirim ulang",
            "Outcome unknown (%s); checking with the platform at %s before any resend").format(problem.code(), at),
        b -> {
          b.reconcileFirst = true;
          b.reconcileChecks = 0;
          b.notFoundLookups = 0;
          b.duplicateSignal = b.duplicateSignal || duplicate;
        });
  }


  private void notReady(IntentWork w, Text reason) {
    int polls = w.state.polls() + 1;
    if (polls > policy.maxPolls()) {
      steps.fail(w, new Problem(FailureKind.REJECTED, "CONTAINER-NOT-READY", Text.of(
          "Platform tidak selesai menyiapkan konten setelah %d kali ditunggu; konten belum terbit",
          "The platform did not finish preparing the content after %d waits; not published").format(polls - 1),
          clock.instant()), null, b -> b.polls = polls);
      return;
    }
    Instant at = clock.instant().plus(policy.pollInterval());
    steps.schedule(w, at, w.state.problem().orElse(null), reason, b -> b.polls = polls);
  }



  /** Builds an {@link OutboxDelivery}. Not thread-safe. */
  public static final class Builder {
    private final OutboxStore store;
    private final OutboxCases cases;
    private final Map<Platform, PlatformClient> clients = new EnumMap<>(Platform.class);
    private @Nullable PlatformClients resolver;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SplittableRandom();
    private OutboxPolicy policy = OutboxPolicy.defaults();
    private PublicationConfirmationHook confirmationHook = PublicationConfirmationHook.NONE;
    private Function<PublicationIntent, Optional<Actor>> recorder = i -> Optional.empty();
    private @Nullable MediaStore media;

    private Builder(OutboxStore store, OutboxCases cases) {
      this.store = store;
      this.cases = cases;
    }

    /** Publishes to {@code client}'s platform through it (one client per platform; a later one replaces). */
    public Builder client(PlatformClient client) {
      checkNotNull(client, "client");
      clients.put(client.platform(), client);
      return this;
    }

    /**
     * The clients of each office's accounts (a server hosting several offices); replaces the clients given with
     * {@link #client} and {@link #clients(Iterable)}.
     */
    public Builder clients(PlatformClients value) {
      this.resolver = checkNotNull(value, "clients");
      return this;
    }

    /** Adds every client of {@code all}. */
    public Builder clients(Iterable<? extends PlatformClient> all) {
      all.forEach(this::client);
      return this;
    }

    /** The clock for every time the outbox records or waits for (default: UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = checkNotNull(value, "clock");
      return this;
    }

    /** The source of jitter (default: an unseeded {@link SplittableRandom}); seed it in tests. */
    public Builder random(RandomGenerator value) {
      this.random = checkNotNull(value, "random");
      return this;
    }

    /** The patience (default {@link OutboxPolicy#defaults()}). */
    public Builder policy(OutboxPolicy value) {
      this.policy = checkNotNull(value, "policy");
      return this;
    }

    /**
     * Told when an intent needs a person's confirmation, e.g. the notification service (default: nobody).
     */
    public Builder confirmationHook(PublicationConfirmationHook value) {
      this.confirmationHook = checkNotNull(value, "confirmationHook");
      return this;
    }

    /**
     * Who a published post is recorded on its case as (the upload activity's performer): the runtime resolves its
     * publishing principal through its directory here. Default, and whenever this gives nothing: the person who
     * requested the intent, as the intent names them.
     */
    public Builder recordAs(Function<PublicationIntent, Optional<Actor>> value) {
      this.recorder = checkNotNull(value, "recordAs");
      return this;
    }

    /**
     * The media store the design's files are in: before each send, every file must be there with its hash, or the
     * intent stops as {@link IntentStatus#FAILED} and nothing is sent (default: not checked).
     */
    public Builder media(MediaStore value) {
      this.media = checkNotNull(value, "media");
      return this;
    }

    /** The delivery. */
    public OutboxDelivery build() {
      return new OutboxDelivery(this);
    }
  }
}
