package id.go.kpu.jdih.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry of the server-drawn bar charts and how their values are written. */
class ChartsTest {

  @Test
  void barsAreScaledToTheTrackAndClampedAndRowsDoNotOverlap() {
    Charts.Chart c = Charts.chart("c", "Judul", "Uraian", List.of(
        new Charts.Input("1. Usulan", List.of(new Charts.Value(0.5, "median 1:00"), new Charts.Value(1, "p90 2:00"))),
        new Charts.Input("2. Persetujuan", List.of(new Charts.Value(-1, "x"), new Charts.Value(7, "y")))),
        List.of("bar-median", "bar-p90"), false, List.of());
    assertThat(c.rows()).hasSize(2);
    Charts.Row first = c.rows().get(0);
    Charts.Row second = c.rows().get(1);
    assertThat(first.bars()).extracting(Charts.Bar::width).containsExactly(Charts.TRACK / 2, Charts.TRACK);
    assertThat(first.bars()).extracting(Charts.Bar::css).containsExactly("bar-median", "bar-p90");
    assertThat(second.bars()).extracting(Charts.Bar::width).containsExactly(0, Charts.TRACK);
    // Each bar below the one before, each row's label below the previous row's last bar, all inside the view box.
    assertThat(first.bars().get(1).y()).isGreaterThan(first.bars().get(0).y());
    assertThat(second.labelY()).isGreaterThan(first.bars().get(1).y() + 14);
    assertThat(c.height()).isGreaterThanOrEqualTo(second.bars().get(1).y() + 14);
    assertThat(first.bars()).allMatch(b -> b.textX() == b.width() + 6 && b.textX() < Charts.WIDTH);
  }

  @Test
  void valuesAreWrittenAsHoursAndPercentages() {
    assertThat(Charts.hours(0)).isEqualTo("0:00");
    assertThat(Charts.hours(569)).isEqualTo("9:29");
    assertThat(Charts.hours(22_500)).isEqualTo("375:00");
    assertThat(Charts.percent(2.0 / 3)).isEqualTo("67 %");
    assertThat(Charts.percent(1)).isEqualTo("100 %");
  }
}
