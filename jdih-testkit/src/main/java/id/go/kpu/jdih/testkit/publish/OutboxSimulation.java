package id.go.kpu.jdih.testkit.publish;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.ContainerCheck;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.InMemoryOutboxStore;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.OutboxDelivery;
import id.go.kpu.jdih.publish.OutboxPolicy;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostLookup;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PostText;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.testkit.MutableClock;
import id.go.kpu.jdih.testkit.property.Rand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.PlatformPost;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the outbox against emulated platforms under one random fault schedule and judges the result against the
 * platforms' ground truth. A schedule is: one or two cases with random target platforms and image counts; for each
 * platform a random list of {@link NetFault}s for its next requests; sometimes a simulated crash of the worker
 * process right after the platform accepted a post (before its id was stored); and a person who, when the outbox
 * has nothing left to do, looks at the accounts and answers the intents that need confirmation (truthfully) and
 * restarts intents that failed on a token (as after renewing it).
 *
 * <p>Judged per case and platform: a <b>duplicate</b> is any post beyond the first with the case's text; a
 * <b>silent loss</b> is an intent left pending, scheduled or in progress at the end, an intent shown published
 * without its post on the platform (or with another post's id), a published intent missing from its case, or a
 * case whose status disagrees with its intents; a <b>false failure</b> is a FAILED intent whose post exists.
 */
public final class OutboxSimulation {

  private OutboxSimulation() {}

  /** A crash of the worker process, thrown through the outbox (an {@link Error}, so nothing catches it). */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  /** How schedules are drawn. */
  public record Options(int maxFaultsPerPlatform, int maxTimeoutsPerPlatform, double faultRate, double crashRate,
      int maxSteps) {}

  /** The judgement of one schedule. */
  public record Outcome(long seed, int intents, int duplicates, int silentLosses, int falseFailures, int crashes,
      Map<IntentStatus, Integer> finals, List<String> problems) {}

  /** Totals over many schedules. */
  public static final class Totals {
    private int schedules;
    private int intents;
    private int duplicates;
    private int silentLosses;
    private int falseFailures;
    private int crashes;
    private final Map<IntentStatus, Integer> finals = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Adds one schedule's outcome. */
    public void add(Outcome o) {
      schedules++;
      intents += o.intents();
      duplicates += o.duplicates();
      silentLosses += o.silentLosses();
      falseFailures += o.falseFailures();
      crashes += o.crashes();
      o.finals().forEach((k, v) -> finals.merge(k, v, Integer::sum));
      if (problems.size() < 20) {
        o.problems().forEach(p -> problems.add("seed " + o.seed() + ": " + p));
      }
    }

    /** Schedules run. */
    public int schedules() {
      return schedules;
    }

    /** Duplicate posts found. */
    public int duplicates() {
      return duplicates;
    }

    /** Silent losses found. */
    public int silentLosses() {
      return silentLosses;
    }

    /** FAILED intents whose post exists. */
    public int falseFailures() {
      return falseFailures;
    }

    /** The final statuses of the latest intents. */
    public Map<IntentStatus, Integer> finals() {
      return finals;
    }

    /** The first problems found, with their seeds. */
    public List<String> problems() {
      return problems;
    }

    /** A one-paragraph summary. */
    public String summary(String name, long seed) {
      return name + ": seed " + seed + ", " + schedules + " fault schedules, " + intents + " intents, " + crashes
          + " simulated crashes; final states " + finals + "; duplicates = " + duplicates + ", silent losses = "
          + silentLosses + ", false failures = " + falseFailures;
    }
  }

  /**
   * Runs one schedule.
   *
   * @param seed the schedule's seed
   * @param worlds the emulated platforms (each used as one account)
   * @param clock the clock the outbox, the cases and the emulators share
   * @param policy the outbox policy
   * @param options how to draw the schedule
   * @return the judgement
   */
  public static Outcome run(long seed, List<? extends EmulatedPlatform> worlds, MutableClock clock,
      OutboxPolicy policy, Options options) {
    Rand rnd = new Rand(seed);
    Cases cases = OutboxFixtures.caseService(clock);
    InMemoryOutboxStore store = new InMemoryOutboxStore();
    Map<Platform, EmulatedPlatform> byPlatform = new EnumMap<>(Platform.class);
    worlds.forEach(w -> byPlatform.put(w.platform(), w));
    for (EmulatedPlatform w : worlds) {
      w.reset(faults(rnd, w.faults(), options));
    }
    AtomicInteger crashAt = new AtomicInteger(rnd.nextDouble() < options.crashRate() ? rnd.nextInt(1, 3) : -1);
    List<PlatformClient> clients = worlds.stream().map(w -> (PlatformClient) new Crashing(w.client(), crashAt))
        .toList();
    long jitterSeed = rnd.nextLong();
    OutboxDelivery delivery = delivery(store, cases, clients, clock, policy, jitterSeed);

    Map<CaseId, Set<Platform>> targets = new TreeMap<>();
    Map<CaseId, String> texts = new TreeMap<>();
    int caseCount = rnd.nextInt(1, 2);
    List<Platform> available = new ArrayList<>(byPlatform.keySet());
    for (int i = 0; i < caseCount; i++) {
      Set<Platform> set = new LinkedHashSet<>();
      for (Platform p : available) {
        if (rnd.nextBoolean()) {
          set.add(p);
        }
      }
      if (set.isEmpty()) {
        set.add(available.get(rnd.nextIndex(available.size())));
      }
      int media = rnd.nextInt(1, 4);
      CaseId id = CaseId.of("sim-" + Long.toHexString(seed & 0xffffffL) + "-" + i);
      String text = "Tahukah kamu? Kasus " + id.value() + " nomor " + rnd.nextInt(1, 99_999)
          + " #JDIH https://jdih.kpu.go.id/c/" + i;
      OutboxFixtures.caseAtUpload(cases, id, set, media, text);
      delivery.requestPublication(id, Fixtures.STAF);
      targets.put(id, set);
      texts.put(id, text);
    }

    int crashes = 0;
    int personRounds = 0;
    for (int step = 0; step < options.maxSteps(); step++) {
      try {
        delivery.deliverDue();
      } catch (SimulatedCrash e) {
        crashes++;
        delivery = delivery(store, cases, clients, clock, policy, jitterSeed + crashes); // a new process
      }
      Optional<Instant> next = store.nextDueAt();
      if (next.isEmpty()) {
        if (personRounds >= 3 || !actAsPerson(store, delivery, byPlatform, texts, clock, rnd)) {
          break;
        }
        personRounds++;
        continue;
      }
      if (next.get().isAfter(clock.instant())) {
        clock.set(next.get());
      }
    }
    return judge(seed, store, cases, byPlatform, targets, texts, crashes);
  }

  private static OutboxDelivery delivery(InMemoryOutboxStore store, Cases cases,
      List<PlatformClient> clients, MutableClock clock, OutboxPolicy policy, long seed) {
    return OutboxDelivery.builder(store, cases).clients(clients).clock(clock).random(new SplittableRandom(seed))
        .policy(policy).build();
  }

  private static List<NetFault> faults(Rand rnd, ImmutableSet<NetFault> allowed, Options o) {
    List<NetFault> choices = allowed.stream().filter(f -> f != NetFault.NONE).toList();
    List<NetFault> out = new ArrayList<>();
    int timeouts = 0;
    int n = rnd.nextInt(0, o.maxFaultsPerPlatform());
    for (int i = 0; i < n; i++) {
      NetFault f = rnd.nextDouble() < o.faultRate() ? choices.get(rnd.nextIndex(choices.size())) : NetFault.NONE;
      if (f.isTimeout() && ++timeouts > o.maxTimeoutsPerPlatform()) {
        f = NetFault.NONE;
      }
      out.add(f);
    }
    return out;
  }

  /** Answers what a person would: returns false if there was nothing to answer. */
  private static boolean actAsPerson(InMemoryOutboxStore store, OutboxDelivery delivery,
      Map<Platform, EmulatedPlatform> byPlatform, Map<CaseId, String> texts, MutableClock clock, Rand rnd) {
    boolean acted = false;
    for (CaseId c : texts.keySet()) {
      for (IntentState s : latest(store.forCase(c))) {
        Platform p = s.intent().platform();
        if (s.status() == IntentStatus.NEEDS_CONFIRMATION) {
          List<RemotePost> found = matching(byPlatform.get(p), texts.get(c));
          if (!found.isEmpty()) {
            RemotePost post = found.get(0);
            delivery.confirmPublished(s.id(), post.postId(), post.url(), post.createdAt(), Fixtures.STAF);
          } else {
            delivery.confirmNotPublished(s.id(), Fixtures.STAF);
          }
          acted = true;
        } else if (s.status() == IntentStatus.FAILED && s.problem().map(x -> x.kind() == FailureKind.AUTH)
            .orElse(false) && rnd.nextBoolean()) {
          delivery.retryFailed(s.id(), Fixtures.STAF);
          acted = true;
        }
      }
    }
    clock.advance(java.time.Duration.ofMinutes(1));
    return acted;
  }

  private static List<IntentState> latest(List<IntentState> all) {
    Map<Platform, IntentState> m = new EnumMap<>(Platform.class);
    for (IntentState s : all) {
      m.merge(s.intent().platform(), s, (a, b) -> a.intent().round() >= b.intent().round() ? a : b);
    }
    return List.copyOf(m.values());
  }

  private static List<RemotePost> matching(EmulatedPlatform w, String text) {
    return w.posts().stream().filter(p -> PostText.sameContent(text, p.text())).toList();
  }

  private static Outcome judge(long seed, InMemoryOutboxStore store, Cases cases,
      Map<Platform, EmulatedPlatform> byPlatform, Map<CaseId, Set<Platform>> targets, Map<CaseId, String> texts,
      int crashes) {
    int intents = 0;
    int duplicates = 0;
    int losses = 0;
    int falseFailures = 0;
    Map<IntentStatus, Integer> finals = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<CaseId, Set<Platform>> e : targets.entrySet()) {
      CaseId c = e.getKey();
      ContentCase state = cases.get(c);
      List<IntentState> all = store.forCase(c);
      intents += all.size();
      boolean allPublished = true;
      for (Platform p : e.getValue()) {
        List<RemotePost> posts = matching(byPlatform.get(p), texts.get(c));
        if (posts.size() > 1) {
          duplicates += posts.size() - 1;
          problems.add(c + "/" + p + ": " + posts.size() + " posts");
        }
        List<IntentState> rounds = all.stream().filter(s -> s.intent().platform() == p).toList();
        IntentState last = latest(rounds).get(0);
        for (IntentState s : rounds) {
          if (!s.id().equals(last.id()) && s.status() != IntentStatus.FAILED) {
            losses++;
            problems.add(s.id() + ": an older round is " + s.status());
          }
        }
        finals.merge(last.status(), 1, Integer::sum);
        allPublished &= last.status() == IntentStatus.PUBLISHED;
        switch (last.status()) {
          case PUBLISHED -> {
            String id = last.post().orElseThrow().postId();
            PlatformPost recorded = state.posts().get(p);
            if (posts.stream().noneMatch(x -> x.postId().equals(id))) {
              losses++;
              problems.add(last.id() + ": shown published as " + id + " but the platform has " + posts);
            } else if (recorded == null || !recorded.postId().equals(id) || !last.caseRecorded()) {
              losses++;
              problems.add(last.id() + ": published but not recorded on the case");
            }
          }
          case FAILED -> {
            if (!posts.isEmpty()) {
              falseFailures++;
              problems.add(last.id() + ": FAILED but the platform has " + posts);
            }
          }
          case NEEDS_CONFIRMATION -> { }
          default -> {
            losses++;
            problems.add(last.id() + ": left " + last.status() + ", last note: "
                + last.notes().get(last.notes().size() - 1).text().en());
          }
        }
        if (last.status() != IntentStatus.PUBLISHED && !state.pendingPlatforms().contains(p)) {
          losses++;
          problems.add(c + "/" + p + ": the case shows a post the outbox did not publish");
        }
      }
      CaseStatus expected = allPublished ? CaseStatus.PUBLISHED : CaseStatus.OPEN;
      if (state.status() != expected) {
        losses++;
        problems.add(c + ": case is " + state.status() + ", expected " + expected);
      }
    }
    return new Outcome(seed, intents, duplicates, losses, falseFailures, crashes, finals, problems);
  }

  /**
   * Wraps a client so that the worker "crashes" right after the platform accepted the {@code n}-th post, before the
   * post id reaches the store.
   */
  private static final class Crashing implements PlatformClient {
    private final PlatformClient delegate;
    private final AtomicInteger crashAt;

    Crashing(PlatformClient delegate, AtomicInteger crashAt) {
      this.delegate = delegate;
      this.crashAt = crashAt;
    }

    @Override
    public Platform platform() {
      return delegate.platform();
    }

    @Override
    public Reconciliation reconciliation() {
      return delegate.reconciliation();
    }

    @Override
    public PostResult createPost(PostAttempt attempt, IdSink ids) {
      return delegate.createPost(attempt, (kind, value) -> {
        if (kind == PlatformId.Kind.POST && crashAt.get() > 0 && crashAt.decrementAndGet() == 0) {
          throw new SimulatedCrash();
        }
        ids.record(kind, value);
      });
    }

    @Override
    public ContainerCheck checkStatus(String containerId) {
      return delegate.checkStatus(containerId);
    }

    @Override
    public ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
      return delegate.findRecentPosts(lookup);
    }

    @Override
    public URI postUrl(String postId) {
      return delegate.postUrl(postId);
    }
  }
}
