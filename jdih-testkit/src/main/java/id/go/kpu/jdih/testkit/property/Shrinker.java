package id.go.kpu.jdih.testkit.property;

import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Proposes smaller candidates for a failing value, most aggressive first; the runner keeps the first candidate that
 * still fails and asks again from there.
 *
 * <p>Every candidate should be strictly "smaller" than the value by some measure that cannot decrease forever (closer
 * to zero, shorter, ...), or shrinking only stops at the runner's attempt budget. The stream is consumed lazily, so it
 * may be long.
 *
 * @param <T> the type of shrunk values
 */
@FunctionalInterface
public interface Shrinker<T> {

  /** The candidates smaller than {@code value}, best first; empty when {@code value} is as small as it gets. */
  Stream<T> shrink(T value);

  /** Never shrinks. */
  static <T> Shrinker<T> none() {
    return value -> Stream.empty();
  }

  /**
   * Moves an int towards {@code target}: first {@code target} itself, then values closing half, three quarters, ... of
   * the distance, ending with one step away from the value. So a value can always shrink by one, which is what makes
   * results minimal.
   */
  static Shrinker<Integer> intsTowards(int target) {
    Shrinker<Long> longs = longsTowards(target);
    return value -> longs.shrink((long) value).map(Long::intValue);
  }

  /** Like {@link #intsTowards(int)} for longs. */
  static Shrinker<Long> longsTowards(long target) {
    return value -> {
      long v = value;
      if (v == target) {
        return Stream.empty();
      }
      // Candidates v - d/1, v - d/2, v - d/4, ..., never v itself. Halving the distance as a double avoids overflow
      // when v and target are far apart (e.g. Long.MIN_VALUE towards Long.MAX_VALUE: d < 2^64, so 65 halvings reach
      // a step of one); the candidates stay between target and v.
      double distance = (double) v - (double) target;
      return LongStream.rangeClosed(0, 64)
          .mapToObj(k -> k == 0 ? target : v - (long) (distance / Math.pow(2, (double) k)))
          .takeWhile(c -> c != v)
          .distinct();
    };
  }

  /** Shrinks {@code U} values by mapping them to {@code T}, shrinking and mapping back; for wrapper types. */
  static <T, U> Shrinker<U> map(Shrinker<T> shrinker, Function<? super U, ? extends T> to,
      Function<? super T, ? extends U> from) {
    return value -> shrinker.shrink(to.apply(value)).map(from);
  }

  /** This shrinker's candidates, then {@code other}'s. */
  default Shrinker<T> orElse(Shrinker<T> other) {
    return value -> Stream.concat(shrink(value), other.shrink(value));
  }
}
