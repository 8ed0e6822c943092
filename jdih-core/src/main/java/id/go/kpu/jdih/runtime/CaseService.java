package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.anchor.HeadSeal;
import id.go.kpu.jdih.anchor.HeadSealException;
import id.go.kpu.jdih.anchor.HeadSeals;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.VersionConflictException;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseDecider;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandResult;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.OutputRules;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application service: loads a case, verifies its history, decides, appends with the expected version, and on
 * a version conflict (another writer was first) reloads and decides again. New cases run under the definition
 * given at construction; an existing case always runs under the definition its history names.
 *
 * <p><b>Verified histories.</b> No command is decided, and no state is returned, on a history whose hash chain
 * does not verify: {@link TamperedHistoryException} names the case and the first bad event. A history is verified
 * in full the first time the service sees the case; after that only what is new since the state it verified last
 * (the events after that state's version, which must continue its head hash). An alteration of events this
 * service verified already is found by the next full verification: in a new process, once the case's state left
 * the cache, or by {@link HashChain#verify} in the archive and the compliance report.
 *
 * <p><b>Sealed heads.</b> With {@link HeadSeals} (the runtime's {@code sealWith}), the seal of the head a command's
 * events make is stored before they are appended, and every verification above also requires a seal of the key for
 * the verified head ({@link HeadSealException}, {@code JDIH-CASE-011}, if none): a history rewritten, or extended,
 * by someone who can write the database but does not hold the key is refused even though its chain verifies.
 *
 * <p>To decide, a case's state is the fold of its history. The service keeps the states it produced in a small
 * bounded cache ({@value #DEFAULT_STATE_CACHE_SIZE} cases unless told otherwise) and uses a cached state only if the
 * history just loaded from the store continues it (the same event at the cached version, by hash), so a state is
 * never older than the store: another writer, another JVM or a restored backup simply make it fold the new events
 * or the whole history again.
 *
 * <p>Internal to the runtime: applications take commands through {@link Cases}. Thread-safe if the store is.
 */
final class CaseService {

  private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

  /** How often a command is decided again after losing a race, before the conflict is reported. */
  static final int MAX_ATTEMPTS = 8;

  /** How many case states the service keeps by default to avoid folding a history again before each command. */
  static final int DEFAULT_STATE_CACHE_SIZE = 10_000;

  private final SopRegistry registry;
  private final SopKey forNewCases;
  private final CaseStore store;
  private final Clock clock;
  private final OutputRules outputRules;
  private final EventAppender appender;
  private final @Nullable HeadSeals seals;
  private final ConcurrentMap<SopKey, CaseDecider> deciders = new ConcurrentHashMap<>();
  private final ConcurrentMap<CaseId, ContentCase> states;

  /**
   * A service that stores events through {@code appender} (the runtime's, which records outbox entries in the
   * same atomic step) instead of appending them to {@code store} directly; {@code store} is still read.
   *
   * @param registry the definitions cases may run under
   * @param forNewCases the key of the definition new cases run under; must be registered
   * @param store where histories are read from
   * @param clock the time of events
   * @param outputRules the platform rules for captions and designs
   * @param stateCacheSize how many case states to keep; not negative
   * @param appender how events are stored; {@code null} for {@code store.append}
   * @param seals how heads are sealed and checked; {@code null} for no sealing
   */
  CaseService(SopRegistry registry, SopKey forNewCases, CaseStore store, Clock clock,
      OutputRules outputRules, int stateCacheSize, EventAppender appender, @Nullable HeadSeals seals) {
    checkArgument(stateCacheSize >= 0, "stateCacheSize must not be negative but was %s", stateCacheSize);
    this.states = CacheBuilder.newBuilder().maximumSize(stateCacheSize).<CaseId, ContentCase>build().asMap();
    this.registry = checkNotNull(registry, "registry");
    this.forNewCases = checkNotNull(forNewCases, "forNewCases");
    checkArgument(registry.find(forNewCases).isPresent(), "definition %s is not registered", forNewCases);
    this.store = checkNotNull(store, "store");
    this.clock = checkNotNull(clock, "clock");
    this.outputRules = checkNotNull(outputRules, "outputRules");
    this.appender = appender != null ? appender
        : (definition, before, after, events) -> store.append(before.id(), before.version(), events);
    this.seals = seals;
  }

  /**
   * Handles {@code command} as given: the person and roles in it are taken on trust, and the events record no
   * principal. This is the low-level path for tests, imports and the library's own outbox; an application takes
   * commands through the runtime, which looks the roles up in its directory.
   *
   * @throws CaseRuleViolation if it breaks a rule; nothing is recorded
   * @throws TamperedHistoryException if the case's history does not verify; nothing is recorded
   * @throws VersionConflictException if it lost {@link #MAX_ATTEMPTS} races in a row
   */
  CommandResult handle(CaseCommand command) {
    return handle(command, Optional.empty());
  }

  /**
   * Handles {@code command} on behalf of {@code principal}, whose person and roles the caller looked up in its
   * directory and put in the command; the events record the principal.
   *
   * @throws CaseRuleViolation if it breaks a rule; nothing is recorded
   * @throws TamperedHistoryException if the case's history does not verify; nothing is recorded
   * @throws VersionConflictException if it lost {@link #MAX_ATTEMPTS} races in a row
   */
  CommandResult handle(CaseCommand command, Optional<Principal> principal) {
    return handle(command, principal, () -> { });
  }

  /**
   * Like {@link #handle(CaseCommand, Optional)}, running {@code beforeAppend} once the command is accepted and
   * before its events are stored (at every attempt after a lost race): the runtime stores uploaded files there, so
   * that a refused command leaves no file behind. If it throws, nothing is recorded.
   */
  CommandResult handle(CaseCommand command, Optional<Principal> principal, Runnable beforeAppend) {
    return handle(command, principal, beforeAppend, forNewCases);
  }

  /**
   * Like {@link #handle(CaseCommand, Optional, Runnable)}; a new case runs under {@code newCaseUnder} (an office's
   * current definition on a server of several offices) instead of the service's default.
   */
  CommandResult handle(CaseCommand command, Optional<Principal> principal, Runnable beforeAppend,
      SopKey newCaseUnder) {
    checkNotNull(newCaseUnder, "newCaseUnder");
    checkArgument(registry.find(newCaseUnder).isPresent(), "definition %s is not registered", newCaseUnder);
    checkNotNull(command, "command");
    checkNotNull(principal, "principal");
    checkNotNull(beforeAppend, "beforeAppend");
    VersionConflictException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      ImmutableList<RecordedEvent> history = store.load(command.caseId());
      CaseDecider decider = deciderFor(history, newCaseUnder);
      ContentCase state = stateOf(command.caseId(), decider, history);
      if (command.commandId() != null && state.hasApplied(command.commandId())) {
        ImmutableList<RecordedEvent> before = history.stream()
            .filter(e -> e.commandId().equals(command.commandId())).collect(ImmutableList.toImmutableList());
        return new CommandResult(state, before, true);
      }
      ImmutableList<RecordedEvent> events = decider.decide(state, command, clock.instant(), principal);
      ContentCase after = state;
      for (RecordedEvent e : events) {
        after = after.apply(decider.definition(), e);
      }
      if (!events.isEmpty()) {
        beforeAppend.run();
        if (seals != null) {
          // Before the append, never after: no crash can leave stored events without the seal of their head.
          seals.sealBeforeAppend(command.caseId(), state.version(), events);
        }
      }
      try {
        appender.append(decider.definition(), state, after, events);
      } catch (VersionConflictException e) {
        last = e;
        LOG.debug("case {}: lost a race at version {} (attempt {})", LogSafe.of(command.caseId()), state.version(),
            attempt);
        continue;
      }
      // Not atomic on purpose (Guava's compute is slow): two threads finishing on one case in the opposite order of
      // their appends may leave the older state cached, and stateOf then finds it stale and folds the history.
      ContentCase cached = states.get(command.caseId());
      if (cached == null || cached.version() <= after.version()) {
        states.put(command.caseId(), after);
      }
      return new CommandResult(after, events, false);
    }
    throw last;
  }

  /**
   * The case's current state; {@link CaseStatus#NEW} if it has no events.
   *
   * @throws TamperedHistoryException if the case's history does not verify
   * @throws HeadSealException if sealing is on and the history's head is not sealed
   */
  ContentCase get(CaseId id) {
    ImmutableList<RecordedEvent> history = store.load(id);
    return stateOf(id, deciderFor(history), history);
  }

  /**
   * The case, if it exists.
   *
   * @throws TamperedHistoryException if the case's history does not verify
   */
  Optional<ContentCase> find(CaseId id) {
    ContentCase c = get(id);
    return c.status() == CaseStatus.NEW ? Optional.empty() : Optional.of(c);
  }

  /**
   * The cases of {@code ids} that exist, in the order of {@code ids}, each verified and folded as {@link #find}
   * does, their histories read with one {@link CaseStore#loadAll} call.
   *
   * @throws TamperedHistoryException if a case's history does not verify
   */
  ImmutableMap<CaseId, ContentCase> findAll(Collection<CaseId> ids) {
    ImmutableMap<CaseId, ImmutableList<RecordedEvent>> histories = store.loadAll(ids);
    ImmutableMap.Builder<CaseId, ContentCase> out = ImmutableMap.builderWithExpectedSize(histories.size());
    histories.forEach((id, history) -> {
      ContentCase c = stateOf(id, deciderFor(history), history);
      if (c.status() != CaseStatus.NEW) {
        out.put(id, c);
      }
    });
    return out.buildOrThrow();
  }

  /** The definition {@code c} runs under (the one for new cases if it is new), without reading the store. */
  SopDefinition definitionOf(ContentCase c) {
    return decider(c.sop().orElse(forNewCases)).definition();
  }

  /** The case's history as stored (not verified here: see {@link HashChain#verify}). */
  ImmutableList<RecordedEvent> history(CaseId id) {
    return store.load(id);
  }

  /** The definition the case runs under (the one for new cases if it has no events). */
  SopDefinition definitionOf(CaseId id) {
    return deciderFor(store.load(id)).definition();
  }

  /**
   * Seals the current head of the case after verifying its chain, without asking for a seal: for an existing case
   * when sealing is turned on, or a history a person restored from a trusted copy.
   *
   * @throws TamperedHistoryException if the chain does not verify
   * @throws IllegalStateException if sealing is off
   */
  Optional<HeadSeal> sealCurrentHead(CaseId id) {
    if (seals == null) {
      throw new IllegalStateException("sealing is not configured: Jdih.builder().sealWith(...)");
    }
    ImmutableList<RecordedEvent> history = store.load(id);
    HashChain.verify(history).ifPresent(b -> {
      throw new TamperedHistoryException(id, b.index() + 1, b.reason());
    });
    states.remove(id);
    return seals.sealHead(id, history);
  }

  /** The key of the definition new cases run under. */
  SopKey definitionForNewCases() {
    return forNewCases;
  }

  // The state after this history, verified: from the cached state when the history continues it (only the newer
  // events are verified and folded), else from the whole history.
  private ContentCase stateOf(CaseId id, CaseDecider decider, List<RecordedEvent> history) {
    ContentCase cached = states.get(id);
    int from = 0;
    ContentCase state = ContentCase.empty(id);
    if (cached != null && cached.version() > 0 && cached.version() <= history.size()
        && history.get((int) cached.version() - 1).hash().equals(cached.headHash())) {
      if (cached.version() == history.size()) {
        return cached;
      }
      from = (int) cached.version();
      state = cached;
    }
    Optional<HashChain.Break> broken = HashChain.verifyFrom(history, from, state.headHash());
    if (broken.isPresent()) {
      states.remove(id);
      int at = broken.get().index();
      LOG.warn("case {}: the history does not verify at event {} ({})", LogSafe.of(id), at + 1, broken.get().reason());
      throw new TamperedHistoryException(id, at + 1, broken.get().reason());
    }
    if (seals != null) {
      try {
        seals.check(id, history);
      } catch (HeadSealException e) {
        states.remove(id);
        LOG.warn("case {}: the history verifies but its head at event {} is not sealed ({})", LogSafe.of(id),
            history.size(), e.problem());
        throw e;
      }
    }
    for (int i = from; i < history.size(); i++) {
      state = state.apply(decider.definition(), history.get(i));
    }
    return state;
  }

  private CaseDecider deciderFor(List<RecordedEvent> history) {
    return deciderFor(history, forNewCases);
  }

  private CaseDecider deciderFor(List<RecordedEvent> history, SopKey newCaseUnder) {
    return decider(history.isEmpty() ? newCaseUnder : history.get(0).sop());
  }

  private CaseDecider decider(SopKey key) {
    return deciders.computeIfAbsent(key, k -> new CaseDecider(registry.get(k), outputRules));
  }
}
