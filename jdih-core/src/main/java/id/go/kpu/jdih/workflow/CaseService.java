package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.VersionConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application service: loads a case, decides, appends with the expected version, and on a version conflict
 * (another writer was first) reloads and decides again. New cases run under the definition given at construction;
 * an existing case always runs under the definition its history names.
 *
 * <p>To decide, a case's state is the fold of its history. The service keeps the states it produced in a small
 * bounded cache ({@value #DEFAULT_STATE_CACHE_SIZE} cases unless told otherwise) and uses a cached state only if the
 * history just loaded from the store ends at the same version and the same head hash, so a state is never older than
 * the store: another writer, another JVM or a restored backup simply make it miss and the history is folded again.
 *
 * <p>Thread-safe if the store is.
 */
public final class CaseService {

  private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

  /** How often a command is decided again after losing a race, before the conflict is reported. */
  public static final int MAX_ATTEMPTS = 8;

  /** How many case states the service keeps by default to avoid folding a history again before each command. */
  public static final int DEFAULT_STATE_CACHE_SIZE = 10_000;

  private final SopRegistry registry;
  private final SopKey forNewCases;
  private final CaseStore store;
  private final Clock clock;
  private final OutputRules outputRules;
  private final ConcurrentMap<SopKey, CaseDecider> deciders = new ConcurrentHashMap<>();
  private final ConcurrentMap<CaseId, ContentCase> states;

  /**
   * A service.
   *
   * @param registry the definitions cases may run under
   * @param forNewCases the key of the definition new cases run under; must be registered
   * @param store where histories are kept
   * @param clock the time of events
   * @param outputRules the platform rules for captions and designs
   */
  public CaseService(SopRegistry registry, SopKey forNewCases, CaseStore store, Clock clock,
      OutputRules outputRules) {
    this(registry, forNewCases, store, clock, outputRules, DEFAULT_STATE_CACHE_SIZE);
  }

  /**
   * A service that keeps at most {@code stateCacheSize} case states (0: none, every command folds the history).
   *
   * @param registry the definitions cases may run under
   * @param forNewCases the key of the definition new cases run under; must be registered
   * @param store where histories are kept
   * @param clock the time of events
   * @param outputRules the platform rules for captions and designs
   * @param stateCacheSize how many case states to keep; not negative
   */
  public CaseService(SopRegistry registry, SopKey forNewCases, CaseStore store, Clock clock,
      OutputRules outputRules, int stateCacheSize) {
    checkArgument(stateCacheSize >= 0, "stateCacheSize must not be negative but was %s", stateCacheSize);
    this.states = CacheBuilder.newBuilder().maximumSize(stateCacheSize).<CaseId, ContentCase>build().asMap();
    this.registry = checkNotNull(registry, "registry");
    this.forNewCases = checkNotNull(forNewCases, "forNewCases");
    checkArgument(registry.find(forNewCases).isPresent(), "definition %s is not registered", forNewCases);
    this.store = checkNotNull(store, "store");
    this.clock = checkNotNull(clock, "clock");
    this.outputRules = checkNotNull(outputRules, "outputRules");
  }

  /**
   * Handles {@code command}.
   *
   * @throws CaseRuleViolation if it breaks a rule; nothing is recorded
   * @throws VersionConflictException if it lost {@link #MAX_ATTEMPTS} races in a row
   */
  public CommandResult handle(CaseCommand command) {
    checkNotNull(command, "command");
    VersionConflictException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      ImmutableList<RecordedEvent> history = store.load(command.caseId());
      CaseDecider decider = deciderFor(history);
      ContentCase state = stateOf(command.caseId(), decider, history);
      if (command.commandId() != null && state.hasApplied(command.commandId())) {
        ImmutableList<RecordedEvent> before = history.stream()
            .filter(e -> e.commandId().equals(command.commandId())).collect(ImmutableList.toImmutableList());
        return new CommandResult(state, before, true);
      }
      ImmutableList<RecordedEvent> events = decider.decide(state, command, clock.instant());
      try {
        store.append(command.caseId(), state.version(), events);
      } catch (VersionConflictException e) {
        last = e;
        LOG.debug("case {}: lost a race at version {} (attempt {})", command.caseId(), state.version(), attempt);
        continue;
      }
      ContentCase after = state;
      for (RecordedEvent e : events) {
        after = after.apply(decider.definition(), e);
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

  /** The case's current state; {@link CaseStatus#NEW} if it has no events. */
  public ContentCase get(CaseId id) {
    ImmutableList<RecordedEvent> history = store.load(id);
    return stateOf(id, deciderFor(history), history);
  }

  /** The case, if it exists. */
  public Optional<ContentCase> find(CaseId id) {
    ContentCase c = get(id);
    return c.status() == CaseStatus.NEW ? Optional.empty() : Optional.of(c);
  }

  /** The case's history. */
  public ImmutableList<RecordedEvent> history(CaseId id) {
    return store.load(id);
  }

  /** The definition the case runs under (the one for new cases if it has no events). */
  public SopDefinition definitionOf(CaseId id) {
    return deciderFor(store.load(id)).definition();
  }

  // The cached state if it is exactly the state after this history (same version and head hash), else the fold.
  private ContentCase stateOf(CaseId id, CaseDecider decider, List<RecordedEvent> history) {
    ContentCase cached = states.get(id);
    if (cached != null && cached.version() == history.size() && cached.headHash().equals(HashChain.head(history))) {
      return cached;
    }
    return ContentCase.replay(id, decider.definition(), history);
  }

  private CaseDecider deciderFor(List<RecordedEvent> history) {
    SopKey key = history.isEmpty() ? forNewCases : history.get(0).sop();
    return deciders.computeIfAbsent(key, k -> new CaseDecider(registry.get(k), outputRules));
  }
}
