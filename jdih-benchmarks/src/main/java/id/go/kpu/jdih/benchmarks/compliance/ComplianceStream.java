package id.go.kpu.jdih.benchmarks.compliance;

import com.google.common.collect.ImmutableList;
import com.sun.management.GarbageCollectionNotificationInfo;
import id.go.kpu.jdih.benchmarks.memory.Heap;
import id.go.kpu.jdih.compliance.ComplianceChecker;
import id.go.kpu.jdih.compliance.ComplianceReport;
import id.go.kpu.jdih.compliance.ComplianceTotals;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopRegistry;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Item 4: a compliance report over a million cases in bounded heap. A plain {@code main}:
 *
 * <pre>
 * java -Xms256m -Xmx256m -XX:+UseG1GC -cp benchmarks.jar id.go.kpu.jdih.benchmarks.compliance.ComplianceStream 1000000
 * </pre>
 *
 * <p>Histories are generated on the fly by {@link HistoryGenerator} (seeded, hash-chained), one case at a time, and
 * dropped after use: no store holds them. Three passes over N cases each with the same seed: a warm-up pass of
 * 20,000 cases (not reported); pass A only generates the histories (and folds their last hash into a checksum so
 * nothing is dead code); pass B generates, checks each history with {@link ComplianceChecker} (hash chain
 * verification, order, roles, inputs, outputs with Jakarta Validation, deadlines on the working calendar) and adds
 * it to one {@link ComplianceReport.Accumulator}. The checker's own cost is B - A.
 *
 * <p>Heap, for pass B: the peak of every heap pool ({@link MemoryPoolMXBean#getPeakUsage()}, reset before the pass;
 * their sum bounds the peak from above, as pools peak at different times), the largest heap in use right after any
 * collection during the pass (from the collectors' notifications), and the heap in use after full collections at
 * the end with the accumulator still reachable.
 */
public final class ComplianceStream {

  private static final int WARM = 20_000;
  private static final long SEED = 20240101L;

  private ComplianceStream() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.println("# " + Heap.describeJvm());
    SopRegistry registry = SopRegistry.withReference();
    SopDefinition sop = ReferenceSop.definition();
    ComplianceChecker checker = new ComplianceChecker(registry::get,
        new Deadlines(WorkingCalendar.defaults(sop.office().zone())));
    Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
    Instant from = Instant.parse("2023-01-01T00:00:00Z");

    ComplianceReport.Accumulator warm = ComplianceReport.accumulator(from, asOf);
    HistoryGenerator wg = new HistoryGenerator(sop.key(), SEED + 1);
    for (int i = 0; i < WARM; i++) {
      warm.add(checker.check(wg.next(), asOf));
    }
    System.out.println("warm-up: " + warm.build().cases() + " cases");

    // Pass A: generation only.
    HistoryGenerator ga = new HistoryGenerator(sop.key(), SEED);
    long events = 0;
    long checksum = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ImmutableList<RecordedEvent> h = ga.next();
      events += h.size();
      checksum += h.get(h.size() - 1).hash().charAt(0);
    }
    long genNanos = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "pass A (generate only): %,d cases, %,d events in %.1f s = %,.0f cases/s"
        + " (checksum %d)%n", n, events, genNanos / 1e9, n / (genNanos / 1e9), checksum);

    // Pass B: generate, check, accumulate.
    Heap.usedAfterGc();
    AtomicLong maxAfterGc = new AtomicLong();
    AtomicLong collections = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
          maxAfterGc.accumulateAndGet(used, Math::max);
          collections.incrementAndGet();
        }
      }, null, null);
    }
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);

    HistoryGenerator gb = new HistoryGenerator(sop.key(), SEED);
    ComplianceReport.Accumulator acc = ComplianceReport.accumulator(from, asOf);
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      acc.add(checker.check(gb.next(), asOf));
    }
    ComplianceReport report = acc.build();
    long checkNanos = System.nanoTime() - t0;

    long peakSum = 0;
    StringBuilder perPool = new StringBuilder();
    for (MemoryPoolMXBean p : pools) {
      long peak = p.getPeakUsage().getUsed();
      peakSum += peak;
      perPool.append(String.format(Locale.ROOT, " %s %s;", p.getName(), Heap.mib(peak)));
    }
    long endLive = Heap.usedAfterGc();

    System.out.printf(Locale.ROOT, "pass B (generate + check + accumulate): %,d cases in %.1f s = %,.0f cases/s%n", n,
        checkNanos / 1e9, n / (checkNanos / 1e9));
    System.out.printf(Locale.ROOT, "checker + accumulator alone (B - A): %.1f s = %.1f us/case%n",
        (checkNanos - genNanos) / 1e9, (checkNanos - genNanos) / 1e3 / n);
    System.out.printf(Locale.ROOT, "heap during pass B: sum of pool peaks %s (%s ); max in use after a collection %s"
        + " (%d collections); in use after full GC at the end, accumulator alive: %s%n", Heap.mib(peakSum), perPool,
        Heap.mib(maxAfterGc.get()), collections.get(), Heap.mib(endLive));
    System.out.printf(Locale.ROOT, "report: %,d cases, %,d compliant, by status %s, revisions %,d, findings %s%n",
        report.cases(), report.compliantCases(), report.byStatus(), report.revisions(), report.findings());
    for (Map.Entry<Integer, ComplianceTotals> e : report.perActivity().entrySet()) {
      ComplianceTotals t = e.getValue();
      System.out.printf(Locale.ROOT, "  activity %d: done %,d, on time %.1f%%, median %s, p90 %s%n", e.getKey(),
          t.done(), 100 * t.onTimeRate(), t.medianWorking(), t.p90Working());
    }
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
