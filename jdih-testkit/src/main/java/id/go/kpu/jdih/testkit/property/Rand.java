package id.go.kpu.jdih.testkit.property;

import java.util.SplittableRandom;

/**
 * The seeded random source that {@link Gen generators} draw from: a thin wrapper over {@link SplittableRandom} with
 * inclusive ranges, which is what generators want.
 *
 * <p>Not thread-safe; the runner makes a fresh one per try from that try's seed, so a try is reproducible alone.
 */
public final class Rand {

  // SplitMix64 constants; used to derive independent per-try seeds from a run seed.
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final SplittableRandom random;

  /** A source whose whole output is determined by {@code seed}. */
  public Rand(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private Rand(SplittableRandom random) {
    this.random = random;
  }

  /**
   * The seed of try {@code index} of a run with seed {@code runSeed}: depends on those two numbers only, and nearby
   * indexes give unrelated seeds (SplitMix64's finaliser).
   */
  public static long deriveSeed(long runSeed, int index) {
    return mix64(runSeed + GOLDEN_GAMMA * (index + 1L));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniformly distributed int in {@code [lo, hi]}, both inclusive. */
  public int nextInt(int lo, int hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    // Widen so that hi == Integer.MAX_VALUE still has an exclusive bound.
    return (int) random.nextLong(lo, hi + 1L);
  }

  /** A uniformly distributed long in {@code [lo, hi]}, both inclusive. */
  public long nextLong(long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    if (hi < Long.MAX_VALUE) {
      return random.nextLong(lo, hi + 1);
    }
    if (lo > Long.MIN_VALUE) {
      return random.nextLong(lo - 1, hi) + 1;
    }
    return random.nextLong();
  }

  /** Any long. */
  public long nextLong() {
    return random.nextLong();
  }

  /** An index in {@code [0, size)}; {@code size} must be positive. */
  public int nextIndex(int size) {
    return random.nextInt(size);
  }

  /** A fair coin. */
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  /** A double in {@code [0, 1)}. */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** A new source, independent of this one's further output (see {@link SplittableRandom#split()}). */
  public Rand split() {
    return new Rand(random.split());
  }
}
