package id.go.kpu.jdih.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToHundred() {
    long[] values = LongStream.rangeClosed(1, 100).toArray();
    assertThat(Percentiles.of(values, 50)).isEqualTo(50);
    assertThat(Percentiles.of(values, 99)).isEqualTo(99);
    assertThat(Percentiles.of(values, 99.5)).isEqualTo(100);
    assertThat(Percentiles.of(values, 100)).isEqualTo(100);
    assertThat(Percentiles.of(values, 0.1)).isEqualTo(1);
  }

  @Test
  void alwaysARecordedValue() {
    long[] values = {10, 20, 30, 40};
    assertThat(Percentiles.of(values, 50)).isEqualTo(20);
    assertThat(Percentiles.of(values, 51)).isEqualTo(30);
    assertThat(Percentiles.of(values, 99)).isEqualTo(40);
    assertThat(Percentiles.of(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void p99OfAThousandIgnoresTheTenSlowest() {
    long[] values = LongStream.rangeClosed(1, 1000).map(i -> i <= 990 ? 1 : 1_000).toArray();
    assertThat(Percentiles.of(values, 99)).isEqualTo(1);
    assertThat(Percentiles.of(values, 99.1)).isEqualTo(1_000);
  }

  @Test
  void sortsACopy() {
    long[] values = {3, 1, 2};
    assertThat(Percentiles.sorted(values)).containsExactly(1, 2, 3);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void refusesNoValuesAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> Percentiles.of(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
  }
}
