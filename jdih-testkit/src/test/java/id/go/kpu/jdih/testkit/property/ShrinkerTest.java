package id.go.kpu.jdih.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The number shrinkers: candidates in order, strictly between target and value, ending one step away. */
class ShrinkerTest {

  private static <T> List<T> candidates(Shrinker<T> shrinker, T value) {
    return shrinker.shrink(value).collect(Collectors.toList());
  }

  @Test
  void intsMoveTowardsTheTargetByHalvingTheDistance() {
    assertThat(candidates(Shrinker.intsTowards(0), 100)).containsExactly(0, 50, 75, 88, 94, 97, 99);
    assertThat(candidates(Shrinker.intsTowards(0), -100)).containsExactly(0, -50, -75, -88, -94, -97, -99);
    assertThat(candidates(Shrinker.intsTowards(10), 11)).containsExactly(10);
    assertThat(candidates(Shrinker.intsTowards(10), 10)).isEmpty();
  }

  @Test
  void extremeValuesDoNotOverflow() {
    List<Integer> ints = candidates(Shrinker.intsTowards(0), Integer.MIN_VALUE);
    assertThat(ints).first().isEqualTo(0);
    assertThat(ints).last().isEqualTo(Integer.MIN_VALUE + 1);
    assertThat(ints).allMatch(x -> x <= 0 && x > Integer.MIN_VALUE).doesNotHaveDuplicates();

    List<Long> longs = candidates(Shrinker.longsTowards(Long.MAX_VALUE), Long.MIN_VALUE);
    assertThat(longs).first().isEqualTo(Long.MAX_VALUE);
    assertThat(longs).last().isEqualTo(Long.MIN_VALUE + 1);
    assertThat(longs).allMatch(x -> x > Long.MIN_VALUE).doesNotHaveDuplicates();
  }

  @Test
  void combinators() {
    assertThat(candidates(Shrinker.<String>none(), "x")).isEmpty();
    Shrinker<String> viaLength = Shrinker.map(Shrinker.intsTowards(0), String::length, "a"::repeat);
    assertThat(candidates(viaLength, "aaaa")).containsExactly("", "aa", "aaa");
    assertThat(candidates(Shrinker.intsTowards(0).orElse(Shrinker.intsTowards(9)), 4))
        .containsExactly(0, 2, 3, 9, 6, 5);
  }
}
