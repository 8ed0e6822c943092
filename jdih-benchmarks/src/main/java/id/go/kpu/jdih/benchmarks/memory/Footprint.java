package id.go.kpu.jdih.benchmarks.memory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.benchmarks.flow.JdihEngine;
import id.go.kpu.jdih.benchmarks.flow.ReferenceCase;
import id.go.kpu.jdih.benchmarks.flow.SopEvent;
import id.go.kpu.jdih.benchmarks.flow.SopState;
import id.go.kpu.jdih.benchmarks.flow.SpringStatemachineEngine;
import id.go.kpu.jdih.benchmarks.flow.SquirrelEngine;
import id.go.kpu.jdih.benchmarks.flow.Step;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.store.CaseStore;
import id.go.kpu.jdih.store.InMemoryCaseStore;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.openjdk.jol.info.GraphLayout;
import org.springframework.statemachine.StateMachine;

/**
 * Item 3: retained heap per active case. A plain {@code main}, one engine per JVM:
 *
 * <pre>
 * java -Xms6g -Xmx6g -XX:+UseG1GC -cp benchmarks.jar id.go.kpu.jdih.benchmarks.memory.Footprint jdih 1000000 distinct
 * java -Xms6g -Xmx6g -XX:+UseG1GC -cp benchmarks.jar id.go.kpu.jdih.benchmarks.memory.Footprint jdih 1000000 shared
 * java -Xms6g -Xmx6g -XX:+UseG1GC -cp benchmarks.jar id.go.kpu.jdih.benchmarks.memory.Footprint spring 20000
 * java -Xms6g -Xmx6g -XX:+UseG1GC -cp benchmarks.jar id.go.kpu.jdih.benchmarks.memory.Footprint squirrel 100000
 * </pre>
 *
 * <p>Method: set the engine up and run 1,000 throw-away cases (classes loaded, caches filled); take the heap in use
 * after full collections ({@link Heap#usedAfterGc}) as the baseline; open N cases and take each to activity 4 with
 * its first three commands (propose, approve, meeting), keeping every case reachable the way the engine keeps it
 * (jdih: the {@link InMemoryCaseStore}; the state machines: a {@code HashMap} from case id to machine); take the heap
 * after full collections again. Retained bytes per case = (after - baseline) / N. Case ids are 36-character UUID
 * strings, as {@code CaseId.random()} makes.
 *
 * <p>Payloads for jdih: {@code distinct} gives every case its own proposal (an informasi-hukum proposal whose title
 * and material carry the case number) and its own meeting (own conclusions text and minutes reference, names and
 * equipment ids shared as an app's people directory would share them): what an app that builds commands from
 * requests would hold. {@code shared} gives every case the same proposal and meeting objects: what jdih itself adds
 * per case (ids, envelopes, instants, hashes, the store's entry). The state machines keep no payload at all.
 * The figure is the store's alone: the service's bounded cache of recent states is dropped before the measurement.
 *
 * <p>For jdih it then prints a JOL (jol-core) breakdown by class of a separate 10,000-case sample store.
 */
public final class Footprint {

  private static final int WARM = 1000;
  private static final int JOL_SAMPLE = 10_000;
  private static final int BUILDERS = 2;

  private Footprint() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: Footprint jdih|spring|squirrel CASES [distinct|shared]");
      System.exit(2);
    }
    String engine = args[0];
    int n = Integer.parseInt(args[1]);
    String payloads = args.length < 3 ? "distinct" : args[2];
    boolean distinct = payloads.equals("distinct");
    System.out.println("# " + Heap.describeJvm());
    switch (engine) {
      case "jdih" -> jdih(n, distinct);
      case "spring" -> spring(n);
      case "squirrel" -> squirrel(n);
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    }
  }

  // --- jdih ---

  // The fences keep what was measured reachable until the heap was read; nothing between can fail in a way that
  // would need them in a finally block.
  @SuppressWarnings("ReachabilityFenceUsage")
  private static void jdih(int n, boolean distinct) {
    JdihEngine engine = new JdihEngine(Clock.systemUTC());
    Random ids = new Random(42);
    List<Step> shared = firstThree(0, false);
    for (int i = 0; i < WARM; i++) {
      engine.run(caseId(ids), distinct ? firstThree(i, true) : shared);
    }
    engine.use(new InMemoryCaseStore());
    long base = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    // Two threads build the cases (CaseService and the store are thread-safe); only the heap is measured.
    Thread[] builders = new Thread[BUILDERS];
    for (int t = 0; t < BUILDERS; t++) {
      int first = (int) ((long) n * t / BUILDERS);
      int end = (int) ((long) n * (t + 1) / BUILDERS);
      Random r = new Random(1000 + t);
      builders[t] = new Thread(() -> {
        for (int i = first; i < end; i++) {
          ContentCase c = engine.run(caseId(r), distinct ? firstThree(i, true) : shared);
          if (c.currentActivity().orElse(0) != 4) {
            throw new IllegalStateException("case " + i + " is at " + c.currentActivity());
          }
        }
      }, "builder-" + t);
      builders[t].start();
    }
    for (Thread b : builders) {
      try {
        b.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    // A new service over the same store: the old one's bounded cache of recent case states (up to
    // CaseService.DEFAULT_STATE_CACHE_SIZE) is not the store's, so it is left out of the measurement.
    engine.use(engine.store());
    long after = Heap.usedAfterGc();
    long cases = engine.store().caseIds().count();
    if (cases != n) {
      throw new IllegalStateException("built " + cases + " cases instead of " + n);
    }
    report("jdih (" + (distinct ? "distinct payloads" : "shared payloads") + ")", cases, base, after, seconds);
    Reference.reachabilityFence(engine);

    engine.use(new InMemoryCaseStore());
    Heap.usedAfterGc();
    CaseStore sample = new InMemoryCaseStore();
    engine.use(sample);
    for (int i = 0; i < JOL_SAMPLE; i++) {
      engine.run(caseId(ids), distinct ? firstThree(n + i, true) : shared);
    }
    GraphLayout layout = GraphLayout.parseInstance(sample);
    System.out.printf(Locale.ROOT, "JOL sample: %,d cases, %,d objects, %,d bytes = %.1f bytes/case, %.1f objects/case%n",
        JOL_SAMPLE, layout.totalCount(), layout.totalSize(), layout.totalSize() / (double) JOL_SAMPLE,
        layout.totalCount() / (double) JOL_SAMPLE);
    System.out.println("  bytes/case  objects/case  class");
    layout.getClasses().stream()
        .sorted(Comparator.comparingLong((Class<?> k) -> layout.getClassSizes().count(k)).reversed())
        .limit(25)
        .forEach(k -> System.out.printf(Locale.ROOT, "  %10.1f  %12.2f  %s%n",
            layout.getClassSizes().count(k) / (double) JOL_SAMPLE,
            layout.getClassCounts().count(k) / (double) JOL_SAMPLE, k.getName()));
  }

  private static CaseId caseId(Random r) {
    return CaseId.of(new UUID(r.nextLong(), r.nextLong()).toString());
  }

  /** Propose, approve, meeting; with {@code distinct} the outputs are this case's own objects. */
  static List<Step> firstThree(int i, boolean distinct) {
    ContentProposal proposal;
    Meeting meeting;
    if (distinct) {
      proposal = new ContentProposal("Tahukah kamu: istilah pemilu no. " + i, ContentCategory.INFORMASI_HUKUM,
          "Seri 'tahukah kamu' tentang istilah DPT, DPTb dan DPK, bagian " + i + ".", Optional.empty(),
          ImmutableSet.of(Platform.INSTAGRAM, Platform.X));
      String sha = String.format("%064x", 1_000_000_000L + i);
      meeting = new Meeting(LocalDate.of(2024, 3, 5), ImmutableList.of("Rina Kasubag", "Budi Tim", "Sari Staf"),
          "Konten no. " + i + " disetujui untuk dibuat dalam bentuk infografis 4:5.",
          new DocumentRef("sha256:" + sha, "notulen-rapat-" + i + ".pdf", "application/pdf", 48_213, sha),
          ImmutableSet.of("infocus", "komputer-laptop"));
    } else {
      proposal = Fixtures.informasiHukum(Platform.INSTAGRAM, Platform.X);
      meeting = Fixtures.meeting();
    }
    List<Step> all = ReferenceCase.steps(proposal, proposal, "-", Optional.empty(), meeting, "-",
        ImmutableList.of(Fixtures.jpeg(7)), Caption.of("-"), ImmutableList.of());
    return List.of(all.get(0), all.get(3), all.get(4));
  }

  // --- the state machines ---

  // The fences keep what was measured reachable until the heap was read; nothing between can fail in a way that
  // would need them in a finally block. The warm-up list holds its machines only while they warm up.
  @SuppressWarnings({"ReachabilityFenceUsage", "ModifiedButNotUsed"})
  private static void spring(int n) {
    SpringStatemachineEngine engine = new SpringStatemachineEngine(ReferenceSop.definition());
    List<Step> steps = firstThree(0, false);
    Random ids = new Random(42);
    List<StateMachine<SopState, SopEvent>> warm = new ArrayList<>();
    for (int i = 0; i < WARM; i++) {
      StateMachine<SopState, SopEvent> m = engine.start(caseId(ids).value());
      SpringStatemachineEngine.send(m, steps);
      warm.add(m);
    }
    warm.clear();
    Map<String, StateMachine<SopState, SopEvent>> machines = new HashMap<>();
    long base = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String id = caseId(ids).value();
      StateMachine<SopState, SopEvent> m = engine.start(id);
      if (SpringStatemachineEngine.send(m, steps) != SopState.A4_SUMMARY) {
        throw new IllegalStateException("machine " + i + " is at " + m.getState().getId());
      }
      machines.put(id, m);
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    long after = Heap.usedAfterGc();
    report("Spring Statemachine (one started machine per case)", machines.size(), base, after, seconds);
    Reference.reachabilityFence(machines);
    Reference.reachabilityFence(engine);
  }

  // The fences keep what was measured reachable until the heap was read; nothing between can fail in a way that
  // would need them in a finally block.
  @SuppressWarnings("ReachabilityFenceUsage")
  private static void squirrel(int n) {
    SquirrelEngine engine = new SquirrelEngine(ReferenceSop.definition());
    List<Step> steps = firstThree(0, false);
    Random ids = new Random(42);
    for (int i = 0; i < WARM; i++) {
      SquirrelEngine.send(engine.start(), steps);
    }
    Map<String, SquirrelEngine.SopMachine> machines = new HashMap<>();
    long base = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      SquirrelEngine.SopMachine m = engine.start();
      if (SquirrelEngine.send(m, steps) != SopState.A4_SUMMARY) {
        throw new IllegalStateException("machine " + i + " is at " + m.getCurrentState());
      }
      machines.put(caseId(ids).value(), m);
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    long after = Heap.usedAfterGc();
    report("squirrel-foundation (one machine per case)", machines.size(), base, after, seconds);
    Reference.reachabilityFence(machines);
    Reference.reachabilityFence(engine);
  }

  private static void report(String what, long cases, long base, long after, long seconds) {
    System.out.printf(Locale.ROOT, "%s: %,d cases; heap after GC %s -> %s; retained %,d bytes = %.1f bytes/case"
        + " (built in %d s)%n", what, cases, Heap.mib(base), Heap.mib(after), after - base,
        (after - base) / (double) cases, seconds);
  }
}
