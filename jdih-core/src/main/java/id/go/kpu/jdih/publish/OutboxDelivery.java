package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.publish.PublicationConfirmationHook;
import id.go.kpu.jdih.publish.PublicationNeedsConfirmation;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.workflow.Actor;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
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
 * <p><b>Threads and time.</b> No threads of its own: the embedder calls {@link #deliverDue()} from its scheduler
 * ({@link #nextDueAt()} says when there is work). Time comes from the injected {@link Clock}, jitter from the
 * injected {@link RandomGenerator}. Thread-safe: several threads or processes may call {@link #deliverDue()} on one
 * store; the store's compare-and-set gives each intent to one of them.
 */
public final class OutboxDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final OutboxStore store;
  private final OutboxCases cases;
  private final ImmutableMap<Platform, PlatformClient> clients;
  private final Clock clock;
  private final RandomGenerator random;
  private final OutboxPolicy policy;
  private final PublicationConfirmationHook confirmationHook;
  private final Function<PublicationIntent, Optional<Actor>> recorder;
  private final MediaStore media;
  private final ConcurrentMap<Platform, Instant> blockedUntil = new ConcurrentHashMap<>();

  private OutboxDelivery(Builder b) {
    this.store = b.store;
    this.cases = b.cases;
    this.clients = ImmutableMap.copyOf(b.clients);
    this.clock = b.clock;
    this.random = b.random;
    this.policy = b.policy;
    this.confirmationHook = b.confirmationHook;
    this.recorder = b.recorder;
    this.media = b.media;
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
    for (Platform p : waiting) {
      if (!clients.containsKey(p)) {
        throw new OutboxException(OutboxException.Reason.NO_CLIENT, Text.of(
            "Tidak ada klien penerbit untuk %s; kasus %s tidak dapat diunggah",
            "No publishing client is configured for %s; case %s cannot be uploaded").format(p.displayName(), caseId));
      }
    }
    for (IntentState s : PublicationIntents.missing(c, store.forCase(caseId), actor, clock.instant())) {
      addOrFind(s);
      LOG.info("intent {} recorded by {}", s.id(), actor.name());
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
        LOG.error("intent {}: delivery failed unexpectedly; it is taken up again after its lease", s.id(), e);
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
          return recordOnCase(new Work(next));
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
        return Optional.of(recordOnCase(new Work(s)));
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
    Work w = new Work(claimed);
    try {
      process(w);
    } catch (LeaseLost e) {
      LOG.warn("intent {}: another worker took it over; leaving it to that worker", s.id());
      return store.find(s.id());
    }
    return Optional.of(w.state);
  }

  private void process(Work w) {
    PublicationIntent intent = w.state.intent();
    PlatformClient client = clients.get(intent.platform());
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
      publishedFromStoredId(w, client, postId.get());
      return;
    }
    Instant now = clock.instant();
    Instant blocked = blockedUntil.get(intent.platform());
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
      reconcile(w, client);
    } else {
      send(w, client);
    }
  }

  private void send(Work w, PlatformClient client) {
    Optional<Problem> unfit = preflight(w.state.intent());
    if (unfit.isPresent()) {
      fail(w, unfit.get(), null, b -> b.reconcileFirst = false);
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
      LOG.debug("intent {}: {} {} stored", w.state.id(), kind, value);
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
      onFailure(w, client, unexpected(e));
      return;
    }
    if (result instanceof PostResult.Published p) {
      published(w, p.post(), Text.of("Terbit di %s: %s", "Published on %s: %s")
          .format(client.platform().displayName(), p.post().url()));
    } else if (result instanceof PostResult.NotReady n) {
      notReady(w, n.reason());
    }
  }

  private void onFailure(Work w, PlatformClient client, PlatformCallException e) {
    Optional<String> postId = w.state.postId();
    if (postId.isPresent()) {
      publishedFromStoredId(w, client, postId.get());
      return;
    }
    Instant now = clock.instant();
    Problem problem = new Problem(e.kind(), e.platformCode(), e.text(), now);
    LOG.info("intent {}: {} ({})", w.state.id(), e.kind(), e.platformCode());
    switch (e.kind()) {
      case NOT_SENT -> {
        int failures = w.state.failures() + 1;
        if (failures >= policy.maxFailures()) {
          fail(w, problem, Text.of("Dihentikan setelah %d percobaan gagal; konten belum terbit. Terakhir: %s",
              "Stopped after %d failed attempts; the content is not published. Last: %s")
              .format(failures, e.text()), b -> b.failures = failures);
        } else {
          Instant at = now.plus(backoff(failures));
          schedule(w, at, problem, Text.of("Gagal, belum terbit (%s); dicoba lagi pada %s",
              "Failed, not published (%s); retrying at %s").format(e.platformCode(), at), b -> b.failures = failures);
        }
      }
      case RATE_LIMITED, QUOTA_REACHED -> deferForLimit(w, problem, e);
      case AUTH, REJECTED -> fail(w, problem, e.text(), b -> { });
      case CONTAINER_EXPIRED -> {
        int failures = w.state.failures() + 1;
        if (failures >= policy.maxFailures()) {
          fail(w, problem, e.text(), b -> b.failures = failures);
        } else {
          schedule(w, now, problem, Text.of("Kontainer kedaluwarsa tanpa terbit; dibuat kontainer baru",
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

  private void deferForLimit(Work w, Problem problem, PlatformCallException e) {
    Instant now = clock.instant();
    Duration fallback = e.kind() == FailureKind.QUOTA_REACHED ? policy.quotaWait() : policy.defaultRateLimitWait();
    Instant reset = e.retryAt().filter(t -> t.isAfter(now)).orElse(now.plus(fallback));
    Instant at = reset.plus(jitter(policy.rateLimitJitter()));
    Platform platform = w.state.intent().platform();
    blockedUntil.merge(platform, reset, (a, b) -> a.isAfter(b) ? a : b);
    int waits = w.state.rateLimitWaits() + 1;
    if (waits > policy.maxRateLimitWaits()) {
      fail(w, problem, Text.of("Dihentikan setelah %d kali ditahan batas laju/kuota; konten belum terbit: %s",
          "Stopped after %d rate-limit or quota deferrals; the content is not published: %s").format(waits - 1,
          e.text()), b -> b.rateLimitWaits = waits);
      return;
    }
    schedule(w, at, problem, Text.of("Ditahan batas %s (%s); dicoba lagi pada %s",
        "Held back by %s's limit (%s); retrying at %s").format(platform.displayName(), e.platformCode(), at),
        b -> b.rateLimitWaits = waits);
  }

  private void ambiguous(Work w, PlatformClient client, Problem problem, boolean duplicate) {
    if (client.reconciliation() == Reconciliation.NONE) {
      needsConfirmation(w, problem, Text.of(
          "Hasil pengiriman ke %s tidak dapat dipastikan (%s) dan %s tidak menyediakan cara memeriksanya. Periksa "
              + "akun: jika sudah terbit, konfirmasi alamatnya; jika belum, konfirmasi untuk mengirim ulang",
          "The outcome of the send to %s is unknown (%s) and %s offers no way to check it. Look at the account: if "
              + "it is published, confirm its address; if not, confirm to resend")
          .format(client.platform().displayName(), problem.code(), client.platform().displayName()));
      return;
    }
    Instant at = clock.instant().plus(policy.settleDelay());
    schedule(w, at, problem, duplicate
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

  private void reconcile(Work w, PlatformClient client) {
    switch (client.reconciliation()) {
      case CONTAINER_STATUS -> reconcileContainer(w, client);
      case RECENT_POSTS -> reconcileByLookup(w, client, false);
      case NONE -> needsConfirmation(w, w.state.problem().orElse(null), Text.of(
          "Hasil pengiriman ke %s tidak dapat dipastikan; periksa akun lalu konfirmasi",
          "The outcome of the send to %s is unknown; look at the account and confirm")
          .format(client.platform().displayName()));
      default -> throw new IllegalStateException("unknown reconciliation " + client.reconciliation());
    }
  }

  private void reconcileContainer(Work w, PlatformClient client) {
    Optional<String> container = w.state.liveIds().stream().filter(i -> i.kind() == PlatformId.Kind.CONTAINER)
        .map(PlatformId::value).reduce((a, b) -> b);
    if (container.isEmpty()) {
      // No publishing container was ever returned: nothing can have been published (an orphan container expires).
      w.save(b -> {
        b.reconcileFirst = false;
        b.note(Text.of("Belum ada kontainer yang dapat diterbitkan; dikirim", "No container to publish yet; sending"));
      });
      send(w, client);
      return;
    }
    ContainerCheck check;
    try {
      check = client.checkStatus(container.get());
    } catch (LeaseLost e) {
      throw e;
    } catch (PlatformCallException e) {
      reconcileFailed(w, e);
      return;
    } catch (RuntimeException e) {
      reconcileFailed(w, unexpected(e));
      return;
    }
    String detail = check.detail().map(d -> " (" + d + ")").orElse("");
    switch (check.status()) {
      case PUBLISHED -> reconcileByLookup(w, client, true);
      case FINISHED, IN_PROGRESS -> resendAfterCheck(w, client, Text.of(
          "Kontainer %s berstatus %s: belum terbit; dilanjutkan", "Container %s is %s: not published; continuing")
          .format(container.get(), check.status()));
      case ERROR -> fail(w, new Problem(FailureKind.REJECTED, "CONTAINER-ERROR", Text.of(
          "Kontainer %s gagal diproses platform%s; konten belum terbit. Periksa gambar dan keterangannya",
          "Container %s failed on the platform%s; not published. Check the image and the caption")
          .format(container.get(), detail), clock.instant()), null, b -> b.reconcileFirst = false);
      case EXPIRED -> {
        w.save(b -> {
          b.reconcileFirst = false;
          b.reconcileChecks = 0;
          b.dropLiveIds();
          b.note(Text.of("Kontainer %s kedaluwarsa tanpa terbit; dibuat kontainer baru",
              "Container %s expired unpublished; a new one is made").format(container.get()));
        });
        send(w, client);
      }
      default -> throw new IllegalStateException("unknown container status " + check.status());
    }
  }

  private void reconcileByLookup(Work w, PlatformClient client, boolean knownPublished) {
    PublicationIntent intent = w.state.intent();
    Instant since = w.state.firstSentAt().orElse(intent.requestedAt()).minus(policy.lookupSkew());
    ImmutableList<RemotePost> posts;
    try {
      posts = client.findRecentPosts(new PostLookup(intent, since));
    } catch (LeaseLost e) {
      throw e;
    } catch (PlatformCallException e) {
      reconcileFailed(w, e);
      return;
    } catch (RuntimeException e) {
      reconcileFailed(w, unexpected(e));
      return;
    }
    List<RemotePost> matches = posts.stream()
        .filter(p -> !p.createdAt().isBefore(since) && PostText.sameContent(intent.text(), p.text()))
        .sorted(Comparator.comparing(RemotePost::createdAt)).toList();
    if (!matches.isEmpty()) {
      RemotePost m = matches.get(0);
      String extra = matches.size() > 1 ? " — " + matches.size() + " unggahan cocok" : "";
      String extraEn = matches.size() > 1 ? " — " + matches.size() + " posts match" : "";
      published(w, new PublishedPost(intent.platform(), m.postId(), m.url(), m.createdAt()), Text.of(
          "Ditemukan sudah terbit saat diperiksa; tidak dikirim ulang: " + m.url() + extra,
          "Found published when checked; not resent: " + m.url() + extraEn));
      return;
    }
    String where = client.platform().displayName();
    if (knownPublished) {
      needsConfirmation(w, w.state.problem().orElse(null), Text.of(
          "Kontainer di %s sudah TERBIT tetapi unggahannya tidak ditemukan di daftar akun; konfirmasi alamatnya",
          "The container on %s is PUBLISHED but the post is not in the account's list; confirm its address")
          .format(where));
      return;
    }
    if (w.state.duplicateSignal()) {
      needsConfirmation(w, w.state.problem().orElse(null), Text.of(
          "%s menyebut konten ini duplikat, tetapi unggahan yang sama tidak ditemukan sejak %s. Periksa akun lalu "
              + "konfirmasi",
          "%s reports the content as a duplicate, but no matching post exists since %s. Look at the account and "
              + "confirm").format(where, since));
      return;
    }
    int misses = w.state.notFoundLookups() + 1;
    if (misses < policy.requiredNotFound()) {
      Instant at = clock.instant().plus(policy.settleDelay());
      schedule(w, at, w.state.problem().orElse(null), Text.of("Belum ditemukan di %s (%d); diperiksa lagi pada %s",
          "Not found on %s (%d); checking again at %s").format(where, misses, at), b -> b.notFoundLookups = misses);
      return;
    }
    resendAfterCheck(w, client, Text.of("Tidak ditemukan di %s pada %d pemeriksaan; dikirim ulang",
        "Not found on %s in %d checks; resending").format(where, misses));
  }

  /**
   * The platform showed that the ambiguous attempt did not publish: that attempt counts as a failure, and the intent
   * is sent again unless the failures are used up (then it is certainly not published: FAILED).
   */
  private void resendAfterCheck(Work w, PlatformClient client, Text note) {
    int failures = w.state.failures() + 1;
    if (failures >= policy.maxFailures()) {
      Problem last = w.state.problem().orElse(new Problem(FailureKind.AMBIGUOUS, "UNKNOWN", note, clock.instant()));
      fail(w, last, Text.of("Dihentikan setelah %d percobaan gagal; platform menunjukkan konten belum terbit",
          "Stopped after %d failed attempts; the platform shows the content is not published").format(failures),
          b -> {
            b.failures = failures;
            b.reconcileFirst = false;
          });
      return;
    }
    w.save(b -> {
      b.failures = failures;
      b.reconcileFirst = false;
      b.reconcileChecks = 0;
      b.notFoundLookups = 0;
      b.note(note);
    });
    send(w, client);
  }

  private void reconcileFailed(Work w, PlatformCallException e) {
    Instant now = clock.instant();
    Problem problem = new Problem(e.kind(), e.platformCode(), e.text(), now);
    int checks = w.state.reconcileChecks() + 1;
    if (checks >= policy.maxReconcileChecks() || e.kind() == FailureKind.AUTH) {
      needsConfirmation(w, problem, Text.of(
          "Tidak dapat dipastikan apakah sudah terbit: pemeriksaan di platform gagal (%s). Periksa akun lalu "
              + "konfirmasi",
          "Cannot tell whether it is published: checking with the platform failed (%s). Look at the account and "
              + "confirm").format(e.text()), b -> b.reconcileChecks = checks);
      return;
    }
    Instant at = e.retryAt().filter(t -> t.isAfter(now)).orElse(now.plus(backoff(checks)));
    schedule(w, at, problem, Text.of("Pemeriksaan di platform gagal (%s); diulang pada %s",
        "Checking with the platform failed (%s); again at %s").format(e.platformCode(), at),
        b -> b.reconcileChecks = checks);
  }

  private void notReady(Work w, Text reason) {
    int polls = w.state.polls() + 1;
    if (polls > policy.maxPolls()) {
      fail(w, new Problem(FailureKind.REJECTED, "CONTAINER-NOT-READY", Text.of(
          "Platform tidak selesai menyiapkan konten setelah %d kali ditunggu; konten belum terbit",
          "The platform did not finish preparing the content after %d waits; not published").format(polls - 1),
          clock.instant()), null, b -> b.polls = polls);
      return;
    }
    Instant at = clock.instant().plus(policy.pollInterval());
    schedule(w, at, w.state.problem().orElse(null), reason, b -> b.polls = polls);
  }

  /**
   * Why the intent must not be sent, if anything: the case's history does not verify, the case is no longer at its
   * upload activity (withdrawn, say), the intent's text or media are no longer the case's caption and design (the
   * outbox was changed outside the library), or a media file is missing from the media store or altered. Checked
   * before every send, so nothing tampered with or incomplete is ever published.
   */
  private Optional<Problem> preflight(PublicationIntent intent) {
    Instant now = clock.instant();
    ContentCase c;
    try {
      c = cases.get(intent.caseId());
    } catch (TamperedHistoryException e) {
      return Optional.of(new Problem(FailureKind.REJECTED, e.code(), e.text(), now));
    }
    if (!PublicationIntents.atUpload(cases.definitionOf(intent.caseId()), c)
        || !c.pendingPlatforms().contains(intent.platform())) {
      return Optional.of(new Problem(FailureKind.REJECTED, "NOT-AT-UPLOAD", Text.of(
          "Kasus %s tidak lagi menunggu unggahan ke %s (status %s); tidak dikirim",
          "Case %s no longer waits for its upload to %s (status %s); not sent").format(intent.caseId(),
          intent.platform().displayName(), c.status()), now));
    }
    boolean sameText = c.caption().map(cap -> cap.textFor(intent.platform()).equals(intent.text())).orElse(false);
    if (!sameText || !c.design().equals(intent.media())) {
      return Optional.of(new Problem(FailureKind.REJECTED, "INTENT-ALTERED", Text.of(
          "Isi niat terbit %s tidak lagi sama dengan keterangan dan desain kasus %s (diubah di luar aplikasi); tidak "
              + "dikirim",
          "Intent %s no longer matches the caption and design of case %s (changed outside the application); not "
              + "sent").format(intent.id(), intent.caseId()), now));
    }
    if (media != null) {
      for (int i = 0; i < intent.media().size(); i++) {
        Optional<Text> missing = MediaCheck.problem(media, intent.media().get(i));
        if (missing.isPresent()) {
          return Optional.of(new Problem(FailureKind.REJECTED, MediaCheck.CODE, Text.of(
              String.format(Locale.ROOT, "Berkas media ke-%d kasus %s %s; tidak dikirim. Pulihkan berkasnya lalu "
                  + "ulangi putaran", i + 1, intent.caseId(), missing.get().id()),
              String.format(Locale.ROOT, "Media file %d of case %s %s; not sent. Restore the file, then start a new "
                  + "round", i + 1, intent.caseId(), missing.get().en())), now));
        }
      }
    }
    return Optional.empty();
  }

  private void publishedFromStoredId(Work w, PlatformClient client, String postId) {
    Instant at = w.state.ids().stream().filter(i -> i.kind() == PlatformId.Kind.POST).map(PlatformId::at)
        .findFirst().orElse(clock.instant());
    URI url = client.postUrl(postId);
    published(w, new PublishedPost(client.platform(), postId, url, at), Text.of(
        "Platform sudah memberi id unggahan %s; dianggap terbit", "The platform had returned post id %s; published")
        .format(postId));
  }

  private void published(Work w, PublishedPost post, Text note) {
    Instant now = clock.instant();
    w.save(b -> {
      b.status(IntentStatus.PUBLISHED);
      b.post = Optional.of(post);
      b.nextAttemptAt = Optional.of(now);
      b.reconcileFirst = false;
      b.caseRecorded = false;
      b.note(note);
    });
    LOG.info("intent {}: published as {}", w.state.id(), post.postId());
    recordOnCase(w);
  }

  private IntentState recordOnCase(Work w) {
    IntentState s = w.state;
    PublicationIntent intent = s.intent();
    PublishedPost post = s.post().orElseThrow();
    PlatformPost pp = new PlatformPost(intent.platform(), post.postId(), post.url(), post.publishedAt());
    try {
      Actor actor = recorder.apply(intent).orElseGet(() -> Actor.trusted(intent.requestedBy()));
      cases.recordPublication(new CaseCommand.RecordPublication(CommandId.of("outbox:" + intent.id().value()),
          intent.caseId(), actor.person(), List.of(pp)), actor.principal());
      w.save(b -> {
        b.caseRecorded = true;
        b.note(Text.of("Dicatat pada kasus %s", "Recorded on case %s").format(intent.caseId()));
      });
    } catch (CaseRuleViolation v) {
      PlatformPost existing = cases.get(intent.caseId()).posts().get(intent.platform());
      if (existing != null) {
        boolean same = existing.postId().equals(post.postId());
        w.save(b -> {
          b.caseRecorded = true;
          b.note(same
              ? Text.of("Sudah tercatat pada kasus", "Already recorded on the case")
              : Text.of("Kasus sudah mencatat unggahan lain (%s) untuk %s; periksa",
                  "The case already records another post (%s) for %s; check").format(existing.postId(),
                  intent.platform().displayName()));
        });
      } else {
        // A performer without the upload role (no publishing account configured, or its role taken away) can be
        // fixed by a person: try again after the longest back-off. Any other refusal will not change by waiting.
        boolean fixable = v.rule() == CaseRuleViolation.Rule.NOT_EXECUTOR;
        Instant again = clock.instant().plus(policy.maxBackoff());
        w.save(b -> {
          b.nextAttemptAt = fixable ? Optional.of(again) : Optional.empty();
          b.problem = Optional.of(new Problem(FailureKind.REJECTED, v.code(), v.text(), clock.instant()));
          b.note(Text.of("Terbit, tetapi tidak dapat dicatat pada kasus: %s",
              "Published, but it cannot be recorded on the case: %s").format(v.text()));
        });
      }
    } catch (LeaseLost e) {
      throw e;
    } catch (RuntimeException e) {
      Instant at = clock.instant().plus(backoff(1));
      LOG.warn("intent {}: recording on case {} failed; again at {}", s.id(), intent.caseId(), at, e);
      w.save(b -> {
        b.nextAttemptAt = Optional.of(at);
        b.note(Text.of("Pencatatan pada kasus gagal; diulang pada %s", "Recording on the case failed; again at %s")
            .format(at));
      });
    }
    return w.state;
  }

  private void schedule(Work w, Instant at, Problem problem, Text note, Consumer<IntentState.Builder> more) {
    w.save(b -> {
      b.status(IntentStatus.RETRY_SCHEDULED);
      b.nextAttemptAt = Optional.of(at);
      b.problem = Optional.ofNullable(problem).or(() -> b.problem);
      more.accept(b);
      b.note(note);
    });
  }

  private void needsConfirmation(Work w, Problem problem, Text note) {
    needsConfirmation(w, problem, note, b -> { });
  }

  private void needsConfirmation(Work w, Problem problem, Text note, Consumer<IntentState.Builder> more) {
    w.save(b -> {
      b.status(IntentStatus.NEEDS_CONFIRMATION);
      b.problem = Optional.ofNullable(problem).or(() -> b.problem);
      more.accept(b);
      b.note(note);
    });
    LOG.warn("intent {}: needs confirmation: {}", w.state.id(), note.en());
    tell(w.state, note);
  }

  private void fail(Work w, Problem problem, Text note, Consumer<IntentState.Builder> more) {
    Text text = note == null ? problem.text() : note;
    w.save(b -> {
      b.status(IntentStatus.FAILED);
      b.problem = Optional.of(problem);
      more.accept(b);
      b.note(text);
    });
    LOG.warn("intent {}: failed: {}", w.state.id(), text.en());
  }

  // Failures stay visible in the intent's state and the log; a person is told when their confirmation is needed.
  private void tell(IntentState s, Text reason) {
    PublicationIntent intent = s.intent();
    try {
      confirmationHook.needsConfirmation(new PublicationNeedsConfirmation(intent.caseId(), intent.platform(),
          intent.id().toString(), reason, clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("intent {}: the confirmation notice failed", s.id(), e);
    }
  }

  private static PlatformCallException unexpected(RuntimeException e) {
    // The client broke its contract (an unclassified exception): the request may have gone out.
    return new PlatformCallException(FailureKind.AMBIGUOUS, "UNEXPECTED", Text.of(
        "Kesalahan tak terduga di adaptor: %s", "Unexpected error in the adapter: %s")
        .format(e.getClass().getSimpleName()), Optional.empty(), e);
  }

  private Duration backoff(int failures) {
    long initial = policy.initialBackoff().toMillis();
    long max = policy.maxBackoff().toMillis();
    long base = initial;
    for (int i = 1; i < failures && base < max; i++) {
      base = Math.min(max, base * 2);
    }
    base = Math.min(base, max);
    long half = base / 2;
    long extra;
    synchronized (random) {
      extra = half == 0 ? 0 : random.nextLong(half + 1);
    }
    return Duration.ofMillis(base - half + extra);
  }

  private Duration jitter(Duration max) {
    long ms = max.toMillis();
    if (ms <= 0) {
      return Duration.ZERO;
    }
    synchronized (random) {
      return Duration.ofMillis(random.nextLong(ms + 1));
    }
  }

  /** The intent a worker holds, saved with a compare-and-set at each step. */
  private final class Work {
    IntentState state;

    Work(IntentState state) {
      this.state = state;
    }

    void save(Consumer<IntentState.Builder> change) {
      IntentState.Builder b = state.next(clock.instant());
      change.accept(b);
      IntentState next = b.build();
      if (!store.replace(state, next)) {
        throw new LeaseLost();
      }
      state = next;
    }
  }

  /** Another worker changed the intent: this one must stop acting on it. */
  private static final class LeaseLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseLost() {
      super(null, null, false, false);
    }
  }

  /** Builds an {@link OutboxDelivery}. Not thread-safe. */
  public static final class Builder {
    private final OutboxStore store;
    private final OutboxCases cases;
    private final Map<Platform, PlatformClient> clients = new EnumMap<>(Platform.class);
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SplittableRandom();
    private OutboxPolicy policy = OutboxPolicy.defaults();
    private PublicationConfirmationHook confirmationHook = PublicationConfirmationHook.NONE;
    private Function<PublicationIntent, Optional<Actor>> recorder = i -> Optional.empty();
    private MediaStore media;

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
