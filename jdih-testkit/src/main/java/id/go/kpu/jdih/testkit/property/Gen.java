package id.go.kpu.jdih.testkit.property;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values of type {@code T}, drawing all its randomness from the {@link Rand} it is given, so
 * the same seed gives the same value.
 *
 * <p>Generators are plain functions: they should keep no state between calls (the runner may call one many times,
 * and a try is replayed alone from its seed). Ranges are inclusive at both ends.
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
public interface Gen<T> {

  /** How many times {@link #filter(Predicate)} redraws before giving up. */
  int DEFAULT_FILTER_TRIES = 100;

  /** Draws one value. */
  T generate(Rand r);

  /** Generates {@code f(t)} for a generated {@code t}. */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return r -> f.apply(generate(r));
  }

  /** Generates a {@code t}, then a value from the generator {@code f(t)}, for values that depend on each other. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    Objects.requireNonNull(f, "f");
    return r -> f.apply(generate(r)).generate(r);
  }

  /**
   * Only values satisfying {@code p}, redrawing up to {@value #DEFAULT_FILTER_TRIES} times.
   *
   * @throws IllegalStateException from {@link #generate} when no drawn value satisfied {@code p}: a filter that
   *     rejects most values should be a better generator instead
   */
  default Gen<T> filter(Predicate<? super T> p) {
    return filter(p, DEFAULT_FILTER_TRIES);
  }

  /** Like {@link #filter(Predicate)} with at most {@code maxTries} draws per value. */
  default Gen<T> filter(Predicate<? super T> p, int maxTries) {
    Objects.requireNonNull(p, "p");
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be positive: " + maxTries);
    }
    return r -> {
      for (int i = 0; i < maxTries; i++) {
        T t = generate(r);
        if (p.test(t)) {
          return t;
        }
      }
      throw new IllegalStateException("filter rejected " + maxTries + " values in a row");
    };
  }

  /** Always {@code value}. */
  static <T> Gen<T> constant(T value) {
    return r -> value;
  }

  /** One of {@code values}, uniformly. */
  @SafeVarargs
  static <T> Gen<T> oneOf(T... values) {
    // Copied element by element: handing the generic array on would trip the varargs lint.
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) {
      list.add(value);
    }
    return elements(list);
  }

  /** One of {@code values}, uniformly. The list is copied. */
  static <T> Gen<T> oneOf(List<? extends T> values) {
    return elements(values);
  }

  /** One of {@code values} (in iteration order), uniformly. The collection is copied; it must not be empty. */
  static <T> Gen<T> elements(Collection<? extends T> values) {
    List<T> copy = new ArrayList<>(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from");
    }
    if (copy.size() == 1) {
      T only = copy.get(0);
      return r -> only;
    }
    return r -> copy.get(r.nextIndex(copy.size()));
  }

  /** A generator with a relative weight, for {@link #frequency(List)}. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    /** Validates: the weight is not negative and the generator is not null. */
    public Weighted {
      if (weight < 0) {
        throw new IllegalArgumentException("negative weight: " + weight);
      }
      Objects.requireNonNull(gen, "gen");
    }
  }

  /** Draws from {@code g1} or {@code g2} with probability proportional to their weights (a weight may be 0). */
  static <T> Gen<T> frequency(int w1, Gen<? extends T> g1, int w2, Gen<? extends T> g2) {
    return frequency(List.of(new Weighted<T>(w1, g1), new Weighted<T>(w2, g2)));
  }

  /** Like {@link #frequency(int, Gen, int, Gen)} with three choices. */
  static <T> Gen<T> frequency(int w1, Gen<? extends T> g1, int w2, Gen<? extends T> g2, int w3,
      Gen<? extends T> g3) {
    return frequency(List.of(new Weighted<T>(w1, g1), new Weighted<T>(w2, g2), new Weighted<T>(w3, g3)));
  }

  /** Like {@link #frequency(int, Gen, int, Gen)} with four choices. */
  static <T> Gen<T> frequency(int w1, Gen<? extends T> g1, int w2, Gen<? extends T> g2, int w3,
      Gen<? extends T> g3, int w4, Gen<? extends T> g4) {
    return frequency(List.of(new Weighted<T>(w1, g1), new Weighted<T>(w2, g2), new Weighted<T>(w3, g3),
        new Weighted<T>(w4, g4)));
  }

  /** Draws from one of {@code choices} with probability proportional to its weight; the weights must not all be 0. */
  static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> choices) {
    // Precomputed cumulative weights: one draw and a short scan per value, no allocation.
    int n = choices.size();
    long[] upTo = new long[n];
    List<Gen<? extends T>> gens = new ArrayList<>(n);
    long total = 0;
    for (int i = 0; i < n; i++) {
      Weighted<? extends T> w = choices.get(i);
      total += w.weight();
      upTo[i] = total;
      gens.add(w.gen());
    }
    if (total == 0) {
      throw new IllegalArgumentException("the weights add up to 0");
    }
    long max = total - 1;
    return r -> {
      long x = r.nextLong(0, max);
      int i = 0;
      while (x >= upTo[i]) {
        i++;
      }
      return gens.get(i).generate(r);
    };
  }

  /** An int in {@code [lo, hi]}. */
  static Gen<Integer> ints(int lo, int hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    return r -> r.nextInt(lo, hi);
  }

  /** A long in {@code [lo, hi]}. */
  static Gen<Long> longs(long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    return r -> r.nextLong(lo, hi);
  }

  /** {@code true} or {@code false}, evenly. */
  static Gen<Boolean> booleans() {
    return Rand::nextBoolean;
  }

  /** A string of {@code minLen..maxLen} characters, each drawn uniformly from the chars of {@code alphabet}. */
  static Gen<String> strings(String alphabet, int minLen, int maxLen) {
    checkSizes(minLen, maxLen);
    if (alphabet.isEmpty() && maxLen > 0) {
      throw new IllegalArgumentException("empty alphabet");
    }
    char[] chars = alphabet.toCharArray();
    return r -> {
      char[] out = new char[r.nextInt(minLen, maxLen)];
      for (int i = 0; i < out.length; i++) {
        out[i] = chars[r.nextIndex(chars.length)];
      }
      return new String(out);
    };
  }

  /** An unmodifiable list of {@code minSize..maxSize} values from {@code gen}. */
  static <T> Gen<List<T>> listOf(Gen<? extends T> gen, int minSize, int maxSize) {
    Objects.requireNonNull(gen, "gen");
    checkSizes(minSize, maxSize);
    return r -> {
      int size = r.nextInt(minSize, maxSize);
      List<T> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(gen.generate(r));
      }
      return Collections.unmodifiableList(out);
    };
  }

  private static void checkSizes(int min, int max) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("bad size range [" + min + ", " + max + "]");
    }
  }
}
