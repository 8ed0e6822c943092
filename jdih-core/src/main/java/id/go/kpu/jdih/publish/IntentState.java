package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The progress of one {@link PublicationIntent}: what an {@link OutboxStore} keeps. Immutable; each change is a new
 * state with the next {@link #version()}, written with a compare-and-set so that two workers never both act on the
 * same version.
 *
 * @param intent what to publish
 * @param status where it stands
 * @param version 1 for a new intent, one more with each change
 * @param ids every platform id ever known for it, oldest first
 * @param liveIdsFrom the index in {@code ids} from which the ids are still usable (older ones belong to an expired
 *     container)
 * @param sendAttempts how many times publishing was attempted
 * @param failures how many attempts failed in a way that certainly did not publish
 * @param rateLimitWaits how many times a rate limit or quota deferred it
 * @param polls how many times a still-preparing container was waited for
 * @param reconcileFirst true after an ambiguous outcome: the platform is asked before anything is sent again
 * @param reconcileChecks how many checks with the platform failed or were inconclusive since the ambiguity
 * @param notFoundLookups how many look-ups in a row did not find the post
 * @param duplicateSignal true if the platform reported the content as a duplicate
 * @param firstSentAt when a publishing call was first made, if ever
 * @param nextAttemptAt when it is tried next, for {@link IntentStatus#RETRY_SCHEDULED} (and a published intent
 *     not yet recorded on its case)
 * @param leaseUntil until when the worker holding it may act, for {@link IntentStatus#IN_PROGRESS}
 * @param post the post, for {@link IntentStatus#PUBLISHED}
 * @param problem the latest problem, if any
 * @param caseRecorded true once the post is recorded on the case ({@code RecordPublication})
 * @param notes what happened, oldest first (at most {@value #MAX_NOTES})
 * @param updatedAt when this version was written
 */
public record IntentState(
    PublicationIntent intent,
    IntentStatus status,
    long version,
    ImmutableList<PlatformId> ids,
    int liveIdsFrom,
    int sendAttempts,
    int failures,
    int rateLimitWaits,
    int polls,
    boolean reconcileFirst,
    int reconcileChecks,
    int notFoundLookups,
    boolean duplicateSignal,
    Optional<Instant> firstSentAt,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> leaseUntil,
    Optional<PublishedPost> post,
    Optional<Problem> problem,
    boolean caseRecorded,
    ImmutableList<IntentNote> notes,
    Instant updatedAt) {

  /** How many notes a state keeps; older ones are dropped. */
  public static final int MAX_NOTES = 50;

  /** Checks the fields and that the status agrees with them. */
  public IntentState {
    checkNotNull(intent, "intent");
    checkNotNull(status, "status");
    checkArgument(version >= 1, "version must be >= 1: %s", version);
    checkNotNull(ids, "ids");
    checkArgument(liveIdsFrom >= 0 && liveIdsFrom <= ids.size(), "liveIdsFrom out of range: %s", liveIdsFrom);
    checkArgument(sendAttempts >= 0 && failures >= 0 && rateLimitWaits >= 0 && polls >= 0 && reconcileChecks >= 0
        && notFoundLookups >= 0, "counters must be >= 0");
    checkNotNull(firstSentAt, "firstSentAt");
    checkNotNull(nextAttemptAt, "nextAttemptAt");
    checkNotNull(leaseUntil, "leaseUntil");
    checkNotNull(post, "post");
    checkNotNull(problem, "problem");
    checkNotNull(notes, "notes");
    checkNotNull(updatedAt, "updatedAt");
    checkArgument((status == IntentStatus.PUBLISHED) == post.isPresent(), "a %s intent %s a post", status,
        post.isPresent() ? "cannot have" : "needs");
    checkArgument(status != IntentStatus.RETRY_SCHEDULED || nextAttemptAt.isPresent(),
        "a scheduled retry needs its time");
    checkArgument(status != IntentStatus.IN_PROGRESS || leaseUntil.isPresent(), "an intent in progress needs a lease");
  }

  /**
   * The first state of {@code intent}: {@link IntentStatus#PENDING}, version 1.
   *
   * @param intent the intent
   * @param now when it is recorded
   * @return the state
   */
  public static IntentState pending(PublicationIntent intent, Instant now) {
    return new IntentState(intent, IntentStatus.PENDING, 1, ImmutableList.of(), 0, 0, 0, 0, 0, false, 0, 0, false,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
        ImmutableList.of(new IntentNote(now, IntentStatus.PENDING, Text.of(
            "Niat terbit dicatat untuk " + intent.platform().displayName(),
            "Publication intent recorded for " + intent.platform().displayName()))), now);
  }

  /** The intent's id. */
  public IntentId id() {
    return intent.id();
  }

  /** The ids still usable by the next attempt (those after an expired container are dropped). */
  public ImmutableList<PlatformId> liveIds() {
    return ids.subList(liveIdsFrom, ids.size());
  }

  /** Every id of {@code kind} ever known, oldest first (including those of an expired container). */
  public ImmutableList<String> known(PlatformId.Kind kind) {
    return ids.stream().filter(i -> i.kind() == kind).map(PlatformId::value).collect(ImmutableList.toImmutableList());
  }

  /** The published post's id, if the post is known or its id was stored. */
  public Optional<String> postId() {
    if (post.isPresent()) {
      return Optional.of(post.get().postId());
    }
    return ids.stream().filter(i -> i.kind() == PlatformId.Kind.POST).map(PlatformId::value).findFirst();
  }

  /**
   * When the delivery should next act on it: now for a pending intent, the retry time, the end of an abandoned
   * lease (the worker stopped), or the time to record a published post on its case again; empty when it waits for
   * a person or is done.
   *
   * @return the instant, if any
   */
  public Optional<Instant> dueAt() {
    return switch (status) {
      case PENDING -> Optional.of(updatedAt);
      case RETRY_SCHEDULED -> nextAttemptAt;
      case IN_PROGRESS -> leaseUntil;
      case PUBLISHED -> caseRecorded ? Optional.empty() : nextAttemptAt;
      case NEEDS_CONFIRMATION, FAILED -> Optional.empty();
    };
  }

  /** True if {@link #dueAt()} is at or before {@code now}. */
  public boolean isDue(Instant now) {
    return dueAt().map(at -> !at.isAfter(now)).orElse(false);
  }

  /** A builder for the next version: every field copied, version plus one, written at {@code now}. */
  Builder next(Instant now) {
    return new Builder(this, now);
  }

  /** Builds the next version of a state; used by the delivery only. Not thread-safe. */
  static final class Builder {
    private final IntentState from;
    IntentStatus status;
    ImmutableList<PlatformId> ids;
    int liveIdsFrom;
    int sendAttempts;
    int failures;
    int rateLimitWaits;
    int polls;
    boolean reconcileFirst;
    int reconcileChecks;
    int notFoundLookups;
    boolean duplicateSignal;
    Optional<Instant> firstSentAt;
    Optional<Instant> nextAttemptAt;
    Optional<Instant> leaseUntil;
    Optional<PublishedPost> post;
    Optional<Problem> problem;
    boolean caseRecorded;
    private final List<IntentNote> notes;
    private final Instant now;

    private Builder(IntentState s, Instant now) {
      this.from = s;
      this.now = now;
      status = s.status;
      ids = s.ids;
      liveIdsFrom = s.liveIdsFrom;
      sendAttempts = s.sendAttempts;
      failures = s.failures;
      rateLimitWaits = s.rateLimitWaits;
      polls = s.polls;
      reconcileFirst = s.reconcileFirst;
      reconcileChecks = s.reconcileChecks;
      notFoundLookups = s.notFoundLookups;
      duplicateSignal = s.duplicateSignal;
      firstSentAt = s.firstSentAt;
      nextAttemptAt = s.nextAttemptAt;
      leaseUntil = s.leaseUntil;
      post = s.post;
      problem = s.problem;
      caseRecorded = s.caseRecorded;
      notes = new ArrayList<>(s.notes);
    }

    Builder status(IntentStatus value) {
      this.status = value;
      if (value != IntentStatus.IN_PROGRESS) {
        leaseUntil = Optional.empty();
      }
      if (value != IntentStatus.RETRY_SCHEDULED && value != IntentStatus.PUBLISHED) {
        nextAttemptAt = Optional.empty();
      }
      return this;
    }

    Builder addId(PlatformId id) {
      ids = ImmutableList.<PlatformId>builder().addAll(ids).add(id).build();
      return this;
    }

    Builder dropLiveIds() {
      liveIdsFrom = ids.size();
      return this;
    }

    Builder note(Text text) {
      notes.add(new IntentNote(now, status, text));
      return this;
    }

    IntentState build() {
      List<IntentNote> kept = notes.size() > MAX_NOTES ? notes.subList(notes.size() - MAX_NOTES, notes.size()) : notes;
      return new IntentState(from.intent, status, from.version + 1, ids, liveIdsFrom, sendAttempts, failures,
          rateLimitWaits, polls, reconcileFirst, reconcileChecks, notFoundLookups, duplicateSignal, firstSentAt,
          nextAttemptAt, leaseUntil, post, problem, caseRecorded, ImmutableList.copyOf(kept), now);
    }
  }
}
