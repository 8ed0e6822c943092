package id.go.kpu.jdih.benchmarks.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.util.stream.Collectors;

/** Heap measurements with the platform MXBeans. */
public final class Heap {

  private static final long SETTLED = 256 * 1024;

  private Heap() {}

  /**
   * Heap in use after full collections: {@code System.gc()} (a full, compacting collection with the collectors
   * used here; {@code -XX:+ExplicitGCInvokesConcurrent} must not be set) at least three times and until two readings
   * of {@link MemoryMXBean#getHeapMemoryUsage()} differ by less than 256 KiB, at most ten times.
   */
  public static long usedAfterGc() {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 10; i++) {
      System.gc();
      used = mx.getHeapMemoryUsage().getUsed();
      if (i >= 2 && Math.abs(previous - used) < SETTLED) {
        break;
      }
      previous = used;
    }
    return used;
  }

  /** The JVM, its flags and collectors, for the record. */
  public static String describeJvm() {
    RuntimeMXBean rt = ManagementFactory.getRuntimeMXBean();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
    return rt.getVmName() + " " + rt.getVmVersion() + "; args " + rt.getInputArguments() + "; collectors " + gcs
        + "; max heap " + mib(Runtime.getRuntime().maxMemory());
  }

  /** Bytes as MiB with one decimal. */
  public static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
