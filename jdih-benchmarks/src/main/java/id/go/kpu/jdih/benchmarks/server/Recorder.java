package id.go.kpu.jdih.benchmarks.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clients saw, per request type: the latencies of the successful requests that ended inside the measured
 * window, the errors inside it and during the warm-up, and the first few error bodies. One per client thread while
 * the load runs (no sharing, no locks), then merged.
 */
final class Recorder {

  /** How many error descriptions are kept for the report. */
  static final int KEPT_ERRORS = 5;

  private final Map<String, Latencies> latencies = new LinkedHashMap<>();
  private final Map<String, long[]> errors = new LinkedHashMap<>();
  private final Map<String, long[]> warmupErrors = new LinkedHashMap<>();
  private final List<String> firstErrors = new ArrayList<>();
  private final Map<String, long[]> allSuccesses = new LinkedHashMap<>();

  /** A growable array of nanoseconds. */
  static final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    void addAll(Latencies other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Notes {@code type} so that the report lists it even if no request of it succeeded. */
  void declare(String type) {
    latencies.computeIfAbsent(type, t -> new Latencies());
  }

  void success(String type, long nanos) {
    latencies.computeIfAbsent(type, t -> new Latencies()).add(nanos);
  }

  /** Counts a success at any time, warm-up included (for the database's counters, which see every request). */
  void anySuccess(String type) {
    allSuccesses.computeIfAbsent(type, t -> new long[1])[0]++;
  }

  long allSuccesses(String type) {
    long[] n = allSuccesses.get(type);
    return n == null ? 0 : n[0];
  }

  void error(String type, boolean measured, String description) {
    (measured ? errors : warmupErrors).computeIfAbsent(type, t -> new long[1])[0]++;
    if (firstErrors.size() < KEPT_ERRORS) {
      firstErrors.add((measured ? "" : "(warm-up) ") + type + ": " + description);
    }
  }

  Map<String, Latencies> latencies() {
    return latencies;
  }

  long errors(String type) {
    long[] n = errors.get(type);
    return n == null ? 0 : n[0];
  }

  long warmupErrors(String type) {
    long[] n = warmupErrors.get(type);
    return n == null ? 0 : n[0];
  }

  List<String> firstErrors() {
    return firstErrors;
  }

  /** Adds {@code other}'s records to this one's. */
  void merge(Recorder other) {
    other.latencies.forEach((t, l) -> latencies.computeIfAbsent(t, x -> new Latencies()).addAll(l));
    other.errors.forEach((t, n) -> errors.computeIfAbsent(t, x -> new long[1])[0] += n[0]);
    other.allSuccesses.forEach((t, n) -> allSuccesses.computeIfAbsent(t, x -> new long[1])[0] += n[0]);
    other.warmupErrors.forEach((t, n) -> warmupErrors.computeIfAbsent(t, x -> new long[1])[0] += n[0]);
    for (String e : other.firstErrors) {
      if (firstErrors.size() < KEPT_ERRORS) {
        firstErrors.add(e);
      }
    }
  }

  /** Every type seen, in the order first seen. */
  List<String> types() {
    List<String> all = new ArrayList<>(latencies.keySet());
    errors.keySet().stream().filter(t -> !all.contains(t)).forEach(all::add);
    warmupErrors.keySet().stream().filter(t -> !all.contains(t)).forEach(all::add);
    return all;
  }
}
