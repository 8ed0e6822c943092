package id.go.kpu.jdih.benchmarks.national;

import com.google.common.collect.ImmutableList;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import id.go.kpu.jdih.benchmarks.memory.Heap;
import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.compliance.ComplianceReport;
import id.go.kpu.jdih.notify.InMemoryPersonDirectory;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.store.jdbc.CaseQuery;
import id.go.kpu.jdih.store.jdbc.CaseSummary;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.store.jdbc.OverdueCase;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures the server's office queries on the national data set ({@link NationalData}), in process, with the same
 * library calls the server's handlers make. The server's classes are application-internal, so their calls are
 * repeated here through the library's public API (each method names the handler it follows); what is timed is
 * everything up to the handler's model, not the HTML or JSON rendering. A plain {@code main}:
 *
 * <pre>
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalQueries queries OFFICES WARMUP SAMPLES [before]
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalQueries office-report OFFICES WARMUP N [before]
 * java -Xmx256m -cp benchmarks.jar id.go.kpu.jdih.benchmarks.national.NationalQueries all-reports OFFICES
 * </pre>
 *
 * <p>The runtime is built as the server's auto-configuration builds it: {@link JdbcStorage#open(javax.sql.DataSource,
 * java.util.function.Function)} on a HikariCP pool like Spring Boot's default (10 connections), the state cache of
 * {@code jdih.state-cache-size}'s default (1,000), a clock fixed at {@link NationalGenerator#NOW}, and each office's
 * deadlines on {@link WorkingCalendar#defaults} in the office's zone. The actor directory lets the caller see every
 * office (the server's asks its directory; that lookup is not timed here).
 *
 * <p>Each sample picks an office at random (a seeded {@link Random}); each query is warmed up on other random
 * offices first. {@code before} also measures the form the server used before this work (the overdue list and the
 * report filtered by office in Java from every office's rows), with fewer samples where it is slow.
 */
public final class NationalQueries {

  private static final Principal CALLER = Principal.of("pengukur-nasional");
  private static final List<Person> PEOPLE = List.of(Fixtures.KASUBAG, Fixtures.TIM, Fixtures.STAF);

  private final ImmutableList<SopDefinition> definitions;
  private final SopRegistry registry;
  private final HikariDataSource pool;
  private final JdbcStorage storage;
  private final Jdih jdih;
  private final Map<String, Deadlines> deadlines = new HashMap<>();
  /** Keeps results observable, so no work is optimised away. */
  private long sink;

  private NationalQueries(int offices) {
    definitions = NationalOffices.definitions(offices);
    registry = NationalOffices.registry(definitions);
    pool = NationalDb.serverLikePool();
    storage = JdbcStorage.open(pool, registry::find);
    jdih = Jdih.builder().definitions(registry).newCasesUnder(definitions.get(0).key()).storage(storage)
        .clock(Clock.fixed(NationalGenerator.NOW, ZoneOffset.UTC)).actors(p -> Optional.of(Fixtures.KASUBAG))
        .people(new InMemoryPersonDirectory()).stateCacheSize(1_000).build();
    definitions.forEach(d -> deadlines.put(d.office().id(),
        new Deadlines(WorkingCalendar.defaults(d.office().zone()))));
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int offices = Integer.parseInt(args[1]);
    System.out.println("# " + Heap.describeJvm() + "; now " + NationalGenerator.NOW + "; " + offices + " offices");
    NationalQueries q = new NationalQueries(offices);
    try {
      switch (mode) {
        case "queries" -> q.queries(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
            args.length > 4 && args[4].equals("before"));
        case "office-report" -> q.officeReports(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
            args.length > 4 && args[4].equals("before"));
        case "all-reports" -> q.allReports();
        default -> throw new IllegalArgumentException("mode: queries, office-report or all-reports");
      }
      System.out.println("# (sink " + q.sink + ")");
    } finally {
      q.jdih.close();
      q.pool.close();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // The handlers' calls

  /** An open case with the activity it waits on: {@code Pages.OpenCase}. */
  record OpenCase(ContentCase c, SopDefinition sop, Activity activity, OpenActivity open, String title) {}

  /**
   * {@code web/Pages.openCases(office)}: the office's open cases, soonest due first; their histories read with one
   * {@code findAll} (one query), as the server now does.
   */
  List<OpenCase> openCases(String office) {
    Deadlines d = deadlines.get(office);
    Instant now = jdih.clock().instant();
    List<CaseId> ids;
    CaseQuery q = CaseQuery.ofOffice(office).withStatus(CaseStatus.OPEN).page(0, CaseQuery.MAX_LIMIT);
    try (Stream<CaseSummary> s = storage.cases().cases(q)) {
      ids = s.map(CaseSummary::id).toList();
    }
    List<OpenCase> out = new ArrayList<>();
    for (ContentCase c : jdih.cases().as(CALLER).findAll(ids).values()) {
      add(out, c, jdih.cases().definitionOf(c), d, now);
    }
    return sorted(out);
  }

  /** The same as the server did before: each open case read through the runtime alone, three reads per case. */
  List<OpenCase> openCasesBefore(String office) {
    Deadlines d = deadlines.get(office);
    Instant now = jdih.clock().instant();
    Cases.Acting acting = jdih.cases().as(CALLER);
    List<OpenCase> out = new ArrayList<>();
    CaseQuery q = CaseQuery.ofOffice(office).withStatus(CaseStatus.OPEN).page(0, CaseQuery.MAX_LIMIT);
    try (Stream<CaseSummary> s = storage.cases().cases(q)) {
      for (CaseSummary summary : s.toList()) {
        Optional<ContentCase> c = acting.find(summary.id());
        if (c.isPresent()) {
          add(out, c.get(), jdih.cases().definitionOf(c.get().id()), d, now);
        }
      }
    }
    return sorted(out);
  }

  private static void add(List<OpenCase> out, ContentCase c, SopDefinition sop, Deadlines d, Instant now) {
    Optional<OpenActivity> open = d.open(c, sop, now);
    if (open.isPresent()) {
      Activity a = sop.activity(open.get().activity()).orElseThrow();
      out.add(new OpenCase(c, sop, a, open.get(), c.proposal().map(p -> p.title()).orElse(c.id().value())));
    }
  }

  private static List<OpenCase> sorted(List<OpenCase> out) {
    out.sort(Comparator.comparing((OpenCase o) -> o.open().due().orElse(Instant.MAX))
        .thenComparing(o -> o.c().id().value()));
    return out;
  }

  /** {@code web/TasksController.tasks}: the open activities the person's roles execute. */
  int tasks(String office, Person person) {
    return mine(openCases(office), person);
  }

  int tasksBefore(String office, Person person) {
    return mine(openCasesBefore(office), person);
  }

  private static int mine(List<OpenCase> open, Person person) {
    return open.stream().filter(o -> person.roles().contains(o.activity().executor())).toList().size();
  }

  /** {@code web/TasksController.board}: the open cases in one column per activity of the office's SOP. */
  int board(String office) {
    return board(office, openCases(office));
  }

  private int board(String office, List<OpenCase> open) {
    SopDefinition sop = registry.latest(office, definitions.get(0).key().number()).orElseThrow();
    Map<Integer, List<OpenCase>> columns = new LinkedHashMap<>();
    for (Activity a : sop.activities()) {
      columns.put(a.number(), new ArrayList<>());
    }
    for (OpenCase o : open) {
      columns.computeIfAbsent(o.activity().number(), n -> new ArrayList<>()).add(o);
    }
    return columns.values().stream().mapToInt(List::size).sum();
  }

  /** {@code api/CasesController.list(office, overdue=true)}, first page of 50: the office-scoped query. */
  int overdue(String office) {
    try (Stream<OverdueCase> s = storage.cases().overdue(office, deadlines.get(office), jdih.clock().instant())) {
      return page(s.sorted(Comparator.comparing(OverdueCase::due)).toList());
    }
  }

  /** The same list as the server computed it before: every office's open cases, filtered by office in Java. */
  int overdueBefore(String office) {
    try (Stream<OverdueCase> s = storage.cases().overdue(deadlines.get(office), jdih.clock().instant())) {
      return page(s.filter(o -> o.summary().sop().officeId().equals(office))
          .sorted(Comparator.comparing(OverdueCase::due)).toList());
    }
  }

  /** The first page of 50, as the handler's view items; returns the total, as the handler's page does. */
  private int page(List<OverdueCase> all) {
    List<String> items = all.stream().limit(50).map(o -> o.summary().id().value() + " " + o.due()).toList();
    sink += items.size();
    return all.size();
  }

  /** {@code api/ReportsController.report(office, last 365 days)}: the office-scoped histories. */
  ComplianceReport report(String office) {
    return report(office, storage.cases().histories(office, from(), to()), false);
  }

  /** The report as the server computed it before: every office's histories of the period, filtered by office. */
  ComplianceReport reportBefore(String office) {
    return report(office, storage.cases().histories(from(), to()), true);
  }

  private ComplianceReport report(String office, Stream<List<RecordedEvent>> histories, boolean filter) {
    ComplianceChecker checker = new ComplianceChecker(registry::get, deadlines.get(office));
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(from(), to());
    Instant now = jdih.clock().instant();
    try (histories) {
      (filter ? histories.filter(h -> h.get(0).sop().officeId().equals(office)) : histories)
          .forEach(h -> acc.add(checker.check(h, now)));
    }
    return acc.build();
  }

  private static Instant to() {
    return NationalGenerator.NOW;
  }

  private static Instant from() {
    return NationalGenerator.NOW.minus(Duration.ofDays(365));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Measurements

  /** A query measured on a random office: returns the number of items of its answer. */
  private record Query(String name, IntToLongFunction run, boolean slow) {}

  /**
   * Warms every query up, then measures them interleaved (sample i of every query before sample i + 1 of any), so
   * that each sees the same load and the same state of the caches; each sample on an office of its own.
   */
  private void queries(int warmup, int samples, boolean before) {
    List<Query> all = new ArrayList<>();
    all.add(new Query("my tasks (TasksController.tasks)", o -> tasks(office(o), PEOPLE.get(o % PEOPLE.size())),
        false));
    all.add(new Query("board (TasksController.board)", o -> board(office(o)), false));
    all.add(new Query("overdue list (CasesController.list overdue=true, office-scoped)", o -> overdue(office(o)),
        false));
    if (before) {
      all.add(new Query("my tasks BEFORE (each open case read alone)",
          o -> tasksBefore(office(o), PEOPLE.get(o % PEOPLE.size())), false));
      all.add(new Query("board BEFORE (each open case read alone)",
          o -> board(office(o), openCasesBefore(office(o))), false));
      all.add(new Query("overdue list BEFORE (every office's open cases, filtered in Java)",
          o -> overdueBefore(office(o)), true));
    }
    Random random = new Random(7);
    int n = definitions.size();
    for (int i = 0; i < warmup; i++) {
      for (Query q : all) {
        if (!q.slow() || i % 10 == 0) {
          sink += q.run().applyAsLong(random.nextInt(n));
        }
      }
    }
    int few = Math.max(1, samples / 10); // the slow former overdue list: every tenth round
    long[][] nanos = new long[all.size()][];
    long[] items = new long[all.size()];
    for (int k = 0; k < all.size(); k++) {
      nanos[k] = new long[all.get(k).slow() ? few : samples];
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      for (int k = 0; k < all.size(); k++) {
        Query q = all.get(k);
        if ((q.slow() && i % 10 != 0) || i / (q.slow() ? 10 : 1) >= nanos[k].length) {
          continue;
        }
        int office = random.nextInt(n);
        long s = System.nanoTime();
        items[k] += q.run().applyAsLong(office);
        nanos[k][i / (q.slow() ? 10 : 1)] = System.nanoTime() - s;
      }
    }
    System.out.printf(Locale.ROOT, "(%d warm-up rounds, then %d rounds of every query interleaved, in %.1f s)%n",
        warmup, samples, (System.nanoTime() - t0) / 1e9);
    for (int k = 0; k < all.size(); k++) {
      long[] a = nanos[k];
      long sum = 0;
      for (long x : a) {
        sum += x;
      }
      Arrays.sort(a);
      System.out.printf(Locale.ROOT, "%s: %d samples, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms,"
          + " mean %.2f ms; %.1f items per answer%n", all.get(k).name(), a.length, ms(pct(a, 0.50)),
          ms(pct(a, 0.90)), ms(pct(a, 0.99)), ms(a[a.length - 1]), ms(sum / (double) a.length),
          items[k] / (double) a.length);
    }
  }

  private String office(int index) {
    return definitions.get(index).office().id();
  }

  /** The nearest-rank percentile of sorted samples. */
  private static long pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private void officeReports(int warmup, int samples, boolean before) {
    Random random = new Random(11);
    int n = definitions.size();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmup; i++) {
      sink += report(office(random.nextInt(n))).cases();
    }
    long[] nanos = new long[samples];
    long maxAllocated = 0;
    long cases = 0;
    for (int i = 0; i < samples; i++) {
      String office = office(random.nextInt(n));
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long s = System.nanoTime();
      ComplianceReport r = report(office);
      nanos[i] = System.nanoTime() - s;
      maxAllocated = Math.max(maxAllocated, threads.getCurrentThreadAllocatedBytes() - a0);
      cases += r.cases();
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "one office's compliance report, last 365 days (ReportsController.report,"
        + " office-scoped): %d samples after %d warm-up, p50 %.0f ms, p99 %.0f ms, max %.0f ms; %.0f cases per"
        + " report; allocated per report at most %s%n", samples, warmup, ms(pct(nanos, 0.5)), ms(pct(nanos, 0.99)),
        ms(nanos[samples - 1]), cases / (double) samples, NationalData.mib(maxAllocated));
    System.out.println("heap in use after full GC, runtime and pool open: " + NationalData.mib(Heap.usedAfterGc()));
    if (before) {
      for (int i = 0; i < 1; i++) {
        String office = office(random.nextInt(n));
        long s = System.nanoTime();
        ComplianceReport r = reportBefore(office);
        System.out.printf(Locale.ROOT, "one office's report BEFORE (every office's histories of the period, filtered"
            + " in Java), %s: %.1f s, %d cases%n", office, (System.nanoTime() - s) / 1e9, r.cases());
      }
    }
  }

  private void allReports() {
    AtomicLong maxAfterGc = new AtomicLong();
    AtomicLong collections = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          maxAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
          collections.incrementAndGet();
        }
      }, null, null);
    }
    // Warm-up: a few offices' reports, not counted.
    for (int i = 0; i < Math.min(5, definitions.size()); i++) {
      sink += report(office(i)).cases();
    }
    Heap.usedAfterGc();
    maxAfterGc.set(0);
    collections.set(0);
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();

    // A: every office's report, one after the other, each on its office-scoped histories: one accumulator alive.
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long cases = 0;
    long compliant = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < definitions.size(); i++) {
      ComplianceReport r = report(office(i));
      cases += r.cases();
      compliant += r.compliantCases();
    }
    long a = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "A. all %d offices' reports, one after another (office-scoped histories): %.1f s;"
        + " %,d cases, %,d compliant; max heap in use after a collection %s (%d collections)%n", definitions.size(),
        a / 1e9, cases, compliant, NationalData.mib(maxAfterGc.get()), collections.get());

    // D: as A, on two threads (this machine's cores), each taking the next office: what the cores give.
    Heap.usedAfterGc();
    maxAfterGc.set(0);
    collections.set(0);
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    AtomicLong parallelCases = new AtomicLong();
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    t0 = System.nanoTime();
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        done.add(two.submit(() -> {
          for (int i = next.getAndIncrement(); i < definitions.size(); i = next.getAndIncrement()) {
            parallelCases.addAndGet(report(office(i)).cases());
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      two.shutdown();
    }
    long dNanos = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "D. as A on 2 threads: %.1f s; %,d cases; max heap in use after a collection %s"
        + " (%d collections)%n", dNanos / 1e9, parallelCases.get(), NationalData.mib(maxAfterGc.get()), collections.get());

    // C: the same stream without the checker: reading and decoding alone (the database's and the JSON's share).
    t0 = System.nanoTime();
    long events = 0;
    long streamed = 0;
    try (Stream<List<RecordedEvent>> histories = storage.cases().histories(from(), to())) {
      for (List<RecordedEvent> h : (Iterable<List<RecordedEvent>>) histories::iterator) {
        events += h.size();
        streamed++;
      }
    }
    long c = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "C. every history of the period streamed and decoded, not checked: %.1f s;"
        + " %,d cases, %,d events (%.1f us per event)%n", c / 1e9, streamed, events, c / 1e3 / events);

    // B: one national report in a single pass over every history of the period (histories(from, to)).
    Heap.usedAfterGc();
    maxAfterGc.set(0);
    collections.set(0);
    Map<String, ComplianceChecker> checkers = new HashMap<>();
    definitions.forEach(d -> checkers.put(d.office().id(),
        new ComplianceChecker(registry::get, deadlines.get(d.office().id()))));
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(from(), to());
    Instant now = jdih.clock().instant();
    t0 = System.nanoTime();
    try (Stream<List<RecordedEvent>> histories = storage.cases().histories(from(), to())) {
      histories.forEach(h -> acc.add(checkers.get(h.get(0).sop().officeId()).check(h, now)));
    }
    ComplianceReport r = acc.build();
    long b = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "B. one national report, one pass over every history of the period"
        + " (histories(from, to)): %.1f s; %,d cases, %,d compliant, by status %s, findings %s; max heap in use after"
        + " a collection %s (%d collections); heap after full GC at the end %s%n", b / 1e9, r.cases(),
        r.compliantCases(), r.byStatus(), r.findings(), NationalData.mib(maxAfterGc.get()), collections.get(),
        NationalData.mib(Heap.usedAfterGc()));
  }

  private static long heapUsed(Map<String, MemoryUsage> after) {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = after.get(p.getName());
      if (p.getType() == MemoryType.HEAP && u != null) {
        sum += u.getUsed();
      }
    }
    return sum;
  }
}
