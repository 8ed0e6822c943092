package id.go.kpu.jdih.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecorderTest {

  @Test
  void mergesLatenciesErrorsAndKeepsTheFirstErrors() {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    a.declare("x");
    a.success("x", 5);
    b.success("x", 7);
    b.success("y", 1);
    for (int i = 0; i < 4; i++) {
      a.error("x", true, "a" + i);
      b.error("y", i % 2 == 0, "b" + i);
    }
    Recorder merged = new Recorder();
    merged.merge(a);
    merged.merge(b);
    assertThat(merged.types()).containsExactly("x", "y");
    assertThat(merged.latencies().get("x").toArray()).containsExactly(5, 7);
    assertThat(merged.errors("x")).isEqualTo(4);
    assertThat(merged.errors("y")).isEqualTo(2);
    assertThat(merged.warmupErrors("y")).isEqualTo(2);
    assertThat(merged.firstErrors()).hasSize(Recorder.KEPT_ERRORS).startsWith("x: a0").endsWith("y: b0");
  }

  @Test
  void growsBeyondItsFirstArray() {
    Recorder.Latencies l = new Recorder.Latencies();
    for (int i = 0; i < 5_000; i++) {
      l.add(i);
    }
    assertThat(l.size()).isEqualTo(5_000);
    assertThat(l.toArray()[4_999]).isEqualTo(4_999);
  }

  @Test
  void countsOnlyWhatEndsInTheMeasuredWindow() {
    Window w = new Window(0, 100, 200);
    assertThat(w.measured(99)).isFalse();
    assertThat(w.inWarmup(99)).isTrue();
    assertThat(w.measured(100)).isTrue();
    assertThat(w.measured(199)).isTrue();
    assertThat(w.measured(200)).isFalse();
    assertThat(w.over(200)).isTrue();
    assertThat(w.measuredSeconds()).isEqualTo(100e-9);
  }
}
