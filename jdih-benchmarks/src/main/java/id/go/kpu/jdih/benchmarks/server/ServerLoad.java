package id.go.kpu.jdih.benchmarks.server;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The server-load benchmark's load generator (BENCHMARKS.md, "Server under load"; run by
 * {@code jdih-benchmarks/server-load.sh}): N clients, each working its own new cases through activities 1 and 2
 * against one running server, a warm-up, then a measured window. Per request type it reports the count, the
 * throughput, p50 and p99 of the latencies recorded (nearest rank) and the errors (another status than the one
 * expected, an exception, or a response that does not show the case where it should be), with the first few error
 * bodies.
 *
 * <pre>
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.server.ServerLoad jdih http://127.0.0.1:18480 \
 *     [--clients 50] [--warmup 20] [--duration 60] [--summary jdih.properties]
 *     (the first administrator's one-time password in $JDIH_LOAD_ADMIN_PASSWORD)
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.server.ServerLoad flowable|flowable7 http://127.0.0.1:18480 [same
 *     options]
 * java -cp benchmarks.jar id.go.kpu.jdih.benchmarks.server.ServerLoad compare jdih.properties flowable.properties
 * </pre>
 *
 * <p>The throughput that counts is completed activities per second: the successful completing requests that ended
 * in the measured window, divided by its length. The latency that counts is that of the completing requests
 * (jdih: propose and approve; Flowable: the two task completions); the other requests are listed too. Exit status
 * 0 when the run had no error in the measured window, 1 otherwise.
 */
public final class ServerLoad {

  /** The environment variable with jdih-server's one-time administrator password. */
  static final String PASSWORD_VARIABLE = "JDIH_LOAD_ADMIN_PASSWORD";

  private ServerLoad() {}

  /** One row of the report. */
  record Row(String type, int count, double perSecond, double p50Millis, double p99Millis, double maxMillis,
      long errors, long warmupErrors) {

    static Row of(String type, long[] nanos, double seconds, long errors, long warmupErrors) {
      if (nanos.length == 0) {
        return new Row(type, 0, 0, Double.NaN, Double.NaN, Double.NaN, errors, warmupErrors);
      }
      long[] sorted = Percentiles.sorted(nanos);
      return new Row(type, sorted.length, sorted.length / seconds, Percentiles.of(sorted, 50) / 1e6,
          Percentiles.of(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6, errors, warmupErrors);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("compare")) {
      System.exit(compare(Path.of(args[1]), Path.of(args[2])));
    }
    if (args.length < 2 || args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: ServerLoad jdih|flowable|flowable7 BASE_URL [--clients N] [--warmup S]"
          + " [--duration S] [--summary FILE] | ServerLoad compare JDIH_SUMMARY PEER_SUMMARY");
    }
    String base = args[1].replaceAll("/+$", "");
    int clients = 50;
    long warmup = 20;
    long duration = 60;
    Path summary = null;
    for (int i = 2; i < args.length; i += 2) {
      switch (args[i]) {
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Long.parseLong(args[i + 1]);
        case "--duration" -> duration = Long.parseLong(args[i + 1]);
        case "--summary" -> summary = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Scenario scenario = switch (args[0]) {
      case "jdih" -> {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.isBlank()) {
          throw new IllegalArgumentException("set " + PASSWORD_VARIABLE + " to the server's one-time password");
        }
        yield new JdihScenario(base, password.trim());
      }
      case "flowable" -> new FlowableScenario("Flowable 8.0.0 (engine, REST calls)", base);
      case "flowable7" -> new FlowableScenario("Flowable 7.2.0 REST", base);
      default -> throw new IllegalArgumentException("unknown server " + args[0] + " (jdih, flowable, flowable7)");
    };
    scenario.prepare(clients);
    long cpu0 = cpuNanos();
    Recorder recorded = LoadRun.run(scenario, clients, warmup, duration);
    long cpu = cpuNanos() - cpu0;
    List<String> report = report(scenario, base, clients, warmup, duration, recorded);
    report.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "load generator CPU (user + system) during the load: %.1f s%n", cpu / 1e9);
    Properties p = summary(scenario, clients, warmup, duration, recorded);
    if (summary != null) {
      try (Writer w = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
        p.store(w, "ServerLoad " + String.join(" ", args));
      }
    }
    System.exit(Long.parseLong(p.getProperty("errors")) == 0 ? 0 : 1);
  }

  /** This JVM's CPU time so far (the JDK's OperatingSystemMXBean), or 0 where it is not available. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  static List<String> report(Scenario scenario, String base, int clients, long warmup, long duration,
      Recorder r) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%s at %s: %d clients, warm-up %d s, measured %d s", scenario.name(), base,
        clients, warmup, duration));
    out.add("");
    out.add("| request | count | per s | p50 ms | p99 ms | max ms | errors | warm-up errors |");
    out.add("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (String type : r.types()) {
      out.add(format(row(r, type, duration)));
    }
    out.add(format(completing(scenario, r, duration)));
    out.add("");
    Row c = completing(scenario, r, duration);
    out.add(String.format(Locale.ROOT, "activities completed: %d in %d s = %.1f per s; completing requests p50 %.2f"
        + " ms, p99 %.2f ms; errors %d (warm-up %d)", c.count(), duration, c.perSecond(), c.p50Millis(),
        c.p99Millis(), totalErrors(r, false), totalErrors(r, true)));
    long all = scenario.types().stream().filter(scenario.completing()::contains).mapToLong(r::allSuccesses).sum();
    out.add(String.format(Locale.ROOT, "activities completed in the whole run, warm-up and requests after the window"
        + " included: %d", all));
    for (String e : r.firstErrors()) {
      out.add("error: " + e);
    }
    return out;
  }

  static Row row(Recorder r, String type, long duration) {
    Recorder.Latencies l = r.latencies().get(type);
    long[] nanos = l == null ? new long[0] : l.toArray();
    return Row.of(type, nanos, (double) duration, r.errors(type), r.warmupErrors(type));
  }

  /** The completing requests of every type together: the activities. */
  static Row completing(Scenario scenario, Recorder r, long duration) {
    Recorder.Latencies all = new Recorder.Latencies();
    long errors = 0;
    long warmupErrors = 0;
    for (String type : scenario.types()) {
      if (scenario.completing().contains(type)) {
        Recorder.Latencies l = r.latencies().get(type);
        if (l != null) {
          all.addAll(l);
        }
        errors += r.errors(type);
        warmupErrors += r.warmupErrors(type);
      }
    }
    return Row.of("**completing requests = activities**", all.toArray(), (double) duration, errors, warmupErrors);
  }

  private static long totalErrors(Recorder r, boolean warmup) {
    return r.types().stream().mapToLong(t -> warmup ? r.warmupErrors(t) : r.errors(t)).sum();
  }

  private static String format(Row row) {
    return String.format(Locale.ROOT, "| %s | %,d | %,.1f | %.2f | %.2f | %.2f | %d | %d |", row.type(), row.count(),
        row.perSecond(), row.p50Millis(), row.p99Millis(), row.maxMillis(), row.errors(), row.warmupErrors());
  }

  static Properties summary(Scenario scenario, int clients, long warmup, long duration, Recorder r) {
    Row c = completing(scenario, r, duration);
    Properties p = new Properties();
    p.setProperty("server", scenario.name());
    p.setProperty("clients", Integer.toString(clients));
    p.setProperty("warmup_s", Long.toString(warmup));
    p.setProperty("measured_s", Long.toString(duration));
    p.setProperty("activities", Integer.toString(c.count()));
    p.setProperty("activities_per_s", Double.toString(c.perSecond()));
    p.setProperty("completing_p50_ms", Double.toString(c.p50Millis()));
    p.setProperty("completing_p99_ms", Double.toString(c.p99Millis()));
    p.setProperty("errors", Long.toString(totalErrors(r, false)));
    p.setProperty("warmup_errors", Long.toString(totalErrors(r, true)));
    p.setProperty("activities_whole_run", Long.toString(scenario.types().stream()
        .filter(scenario.completing()::contains).mapToLong(r::allSuccesses).sum()));
    return p;
  }

  /** Prints the two summaries side by side with the ratios and the targets; 0 if every target is met. */
  static int compare(Path jdihSummary, Path peerSummary) throws IOException {
    Properties a = load(jdihSummary);
    Properties b = load(peerSummary);
    double throughput = num(a, "activities_per_s") / num(b, "activities_per_s");
    double p99 = num(b, "completing_p99_ms") / num(a, "completing_p99_ms");
    double p50 = num(b, "completing_p50_ms") / num(a, "completing_p50_ms");
    long errors = Long.parseLong(a.getProperty("errors")) + Long.parseLong(b.getProperty("errors"));
    System.out.println("| | " + a.getProperty("server") + " | " + b.getProperty("server") + " | ratio |");
    System.out.println("|---|---:|---:|---|");
    System.out.printf(Locale.ROOT, "| activities per s | %,.1f | %,.1f | jdih / peer = **%.2f×** |%n",
        num(a, "activities_per_s"), num(b, "activities_per_s"), throughput);
    System.out.printf(Locale.ROOT, "| p50 of completing requests | %.2f ms | %.2f ms | peer / jdih = %.2f× |%n",
        num(a, "completing_p50_ms"), num(b, "completing_p50_ms"), p50);
    System.out.printf(Locale.ROOT, "| p99 of completing requests | %.2f ms | %.2f ms | peer / jdih = **%.2f×**"
        + " |%n", num(a, "completing_p99_ms"), num(b, "completing_p99_ms"), p99);
    System.out.printf(Locale.ROOT, "| errors (warm-up) | %s (%s) | %s (%s) | |%n", a.getProperty("errors"),
        a.getProperty("warmup_errors"), b.getProperty("errors"), b.getProperty("warmup_errors"));
    boolean t1 = throughput >= 5;
    boolean t2 = p99 >= 3;
    boolean t3 = errors == 0;
    System.out.println();
    String peer = b.getProperty("server");
    System.out.printf(Locale.ROOT, "target throughput >= 5x %s's: %s (%.2fx)%n", peer, t1 ? "met" : "missed",
        throughput);
    System.out.printf(Locale.ROOT, "target p99 <= 1/3 of %s's: %s (%s's is %.2fx jdih's)%n", peer,
        t2 ? "met" : "missed", peer, p99);
    System.out.printf(Locale.ROOT, "target 0 errors: %s (%d)%n", t3 ? "met" : "missed", errors);
    return t1 && t2 && t3 ? 0 : 1;
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static double num(Properties p, String key) {
    return Double.parseDouble(p.getProperty(key));
  }
}
