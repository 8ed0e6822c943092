package id.go.kpu.jdih.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generators: determinism per seed, inclusive ranges, and each combinator's contract. */
class GenTest {

  /** Uses most combinators at once, so determinism covers them all. */
  private static final Gen<List<String>> MIXED = Gen.listOf(
      Gen.frequency(3, Gen.strings("abc", 0, 5), 1, Gen.ints(-5, 5).map(String::valueOf),
          1, Gen.booleans().flatMap(b -> b ? Gen.constant("T") : Gen.oneOf("x", "y"))), 0, 20);

  private static <T> List<T> draw(Gen<T> gen, long seed, int n) {
    Rand r = new Rand(seed);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(gen.generate(r));
    }
    return out;
  }

  @Test
  void sameSeedGivesSameValues() {
    for (long seed = -3; seed <= 3; seed++) {
      assertThat(draw(MIXED, seed, 200)).isEqualTo(draw(MIXED, seed, 200));
    }
  }

  @Test
  void differentSeedsGiveDifferentValues() {
    Gen<List<Long>> gen = Gen.listOf(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 3, 3);
    Set<List<Long>> seen = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      seen.add(gen.generate(new Rand(seed)));
    }
    assertThat(seen).hasSize(100);
    assertThat(draw(MIXED, 1, 50)).isNotEqualTo(draw(MIXED, 2, 50));
  }

  @Test
  void derivedTrySeedsAreDeterministicAndDistinct() {
    Set<Long> seeds = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(Rand.deriveSeed(42, i)).isEqualTo(Rand.deriveSeed(42, i));
      seeds.add(Rand.deriveSeed(42, i));
    }
    assertThat(seeds).hasSize(10_000).doesNotContain(42L);
    assertThat(Rand.deriveSeed(42, 0)).isNotEqualTo(Rand.deriveSeed(43, 0));
  }

  @Test
  void intRangesAreInclusiveUpToTheExtremes() {
    assertThat(new HashSet<>(draw(Gen.ints(0, 3), 1, 1000))).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(new HashSet<>(draw(Gen.ints(Integer.MAX_VALUE - 1, Integer.MAX_VALUE), 1, 200)))
        .containsExactlyInAnyOrder(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
    assertThat(new HashSet<>(draw(Gen.ints(Integer.MIN_VALUE, Integer.MIN_VALUE + 1), 1, 200)))
        .containsExactlyInAnyOrder(Integer.MIN_VALUE, Integer.MIN_VALUE + 1);
    assertThat(draw(Gen.ints(7, 7), 1, 10)).containsOnly(7);
    assertThatThrownBy(() -> Gen.ints(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longRangesAreInclusiveUpToTheExtremes() {
    assertThat(new HashSet<>(draw(Gen.longs(Long.MAX_VALUE - 1, Long.MAX_VALUE), 1, 200)))
        .containsExactlyInAnyOrder(Long.MAX_VALUE - 1, Long.MAX_VALUE);
    assertThat(new HashSet<>(draw(Gen.longs(Long.MIN_VALUE, Long.MIN_VALUE + 1), 1, 200)))
        .containsExactlyInAnyOrder(Long.MIN_VALUE, Long.MIN_VALUE + 1);
    List<Long> any = draw(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 1, 200);
    assertThat(any).anyMatch(x -> x < 0).anyMatch(x -> x > 0);
    assertThat(new HashSet<>(draw(Gen.longs(-1, 1), 1, 300))).containsExactlyInAnyOrder(-1L, 0L, 1L);
  }

  @Test
  void booleansGiveBoth() {
    assertThat(new HashSet<>(draw(Gen.booleans(), 1, 100))).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void mapAndFlatMapCompose() {
    Gen<List<Integer>> sized = Gen.ints(0, 6).flatMap(n -> Gen.listOf(Gen.constant(n), n, n));
    for (List<Integer> list : draw(sized, 3, 200)) {
      assertThat(list).hasSize(list.isEmpty() ? 0 : list.get(0)).allMatch(x -> x == list.size());
    }
    assertThat(draw(Gen.ints(1, 3).map(x -> x * 10), 3, 100)).containsOnly(10, 20, 30);
  }

  @Test
  void filterKeepsMatchingValuesAndGivesUpAfterItsRetries() {
    assertThat(draw(Gen.ints(0, 100).filter(x -> x % 2 == 0), 5, 500)).allMatch(x -> x % 2 == 0);

    AtomicInteger draws = new AtomicInteger();
    Gen<Integer> impossible = Gen.ints(0, 9).map(x -> {
      draws.incrementAndGet();
      return x;
    }).filter(x -> x > 9, 25);
    assertThatThrownBy(() -> impossible.generate(new Rand(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("25");
    assertThat(draws).hasValue(25);
  }

  @Test
  void oneOfAndElementsChooseEveryValueAndNothingElse() {
    assertThat(new HashSet<>(draw(Gen.oneOf("a", "b", "c"), 1, 300))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(new HashSet<>(draw(Gen.oneOf(List.of(1, 2)), 1, 300))).containsExactlyInAnyOrder(1, 2);
    assertThat(new HashSet<>(draw(Gen.elements(Set.of('x', 'y', 'z')), 1, 300)))
        .containsExactlyInAnyOrder('x', 'y', 'z');
    assertThat(draw(Gen.oneOf("only"), 1, 5)).containsOnly("only");
    assertThatThrownBy(() -> Gen.oneOf(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frequencyFollowsTheWeights() {
    Gen<String> gen = Gen.frequency(3, Gen.constant("a"), 0, Gen.constant("never"), 1, Gen.constant("b"));
    List<String> values = draw(gen, 9, 40_000);
    long as = values.stream().filter("a"::equals).count();
    assertThat(values).doesNotContain("never").contains("b");
    // Expected 30,000; the bound is about 10 standard deviations, and the seed is fixed anyway.
    assertThat(as).isBetween(29_100L, 30_900L);
    assertThatThrownBy(() -> Gen.frequency(0, Gen.constant(1), 0, Gen.constant(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gen.frequency(-1, Gen.constant(1), 2, Gen.constant(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stringsUseTheAlphabetAndTheLengths() {
    List<String> values = draw(Gen.strings("ab-", 2, 4), 2, 500);
    assertThat(values).allMatch(s -> s.length() >= 2 && s.length() <= 4)
        .allMatch(s -> s.chars().allMatch(c -> "ab-".indexOf(c) >= 0));
    assertThat(values.stream().map(String::length).collect(Collectors.toSet())).containsExactlyInAnyOrder(2, 3, 4);
    assertThat(draw(Gen.strings("", 0, 0), 2, 3)).containsOnly("");
  }

  @Test
  void listsHaveTheSizesAndAreUnmodifiable() {
    List<List<Integer>> lists = draw(Gen.listOf(Gen.ints(0, 1), 1, 3), 4, 300);
    assertThat(lists.stream().map(List::size).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3);
    assertThatThrownBy(() -> lists.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Gen.listOf(Gen.ints(0, 1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randIndexAndSplitAreDeterministic() {
    Rand a = new Rand(11);
    Rand b = new Rand(11);
    assertThat(IntStream.range(0, 50).map(i -> a.nextIndex(7)).toArray())
        .isEqualTo(IntStream.range(0, 50).map(i -> b.nextIndex(7)).toArray());
    assertThat(a.split().nextLong()).isEqualTo(b.split().nextLong());
  }
}
