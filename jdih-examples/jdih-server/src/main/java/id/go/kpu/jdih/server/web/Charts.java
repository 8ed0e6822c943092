package id.go.kpu.jdih.server.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bar charts drawn on the server as inline SVG: each row's label on a line of its own above its bars (so
 * long role and activity names never squeeze the bars on a phone), the value written after each bar. Coordinates
 * are in a {@value #WIDTH}-unit-wide view box that the page scales to its column; colours come from CSS classes.
 */
final class Charts {
  /** The view box's width. */
  static final int WIDTH = 360;
  /** The longest bar; the rest of the width holds the value written after it. */
  static final int TRACK = 270;

  private static final int LABEL_LINE = 18;
  private static final int BAR = 14;
  private static final int BAR_GAP = 4;
  private static final int ROW_GAP = 10;

  private Charts() {}

  /** One bar: its CSS class, place, length, and the value written after it. */
  record Bar(String css, int y, int width, String value, int textX, int textY) {}

  /** One row: its label, the label's baseline, the row's background track (if any) and its bars. */
  record Row(String label, int labelY, int trackY, int trackHeight, List<Bar> bars) {}

  /** A legend entry: the bar class and what it stands for. */
  record Legend(String css, String label) {}

  /** A chart: an id for its title, its title, a one-line description, its height, rows and legend. */
  record Chart(String id, String title, String description, int width, int height, boolean track, List<Row> rows,
      List<Legend> legend) {}

  /** A value of one series for one row: how far along the scale (0 to 1) and how it is written. */
  record Value(double fraction, String text) {}

  /** A row of input: a label and one value per series. */
  record Input(String label, List<Value> values) {}

  /**
   * A chart of {@code inputs}, one bar per series in each row; {@code css} names each series' class, {@code track}
   * draws a full-length track behind each row (for shares of 100 %).
   */
  static Chart chart(String id, String title, String description, List<Input> inputs, List<String> css,
      boolean track, List<Legend> legend) {
    List<Row> rows = new ArrayList<>();
    int y = 0;
    for (Input in : inputs) {
      int labelY = y + LABEL_LINE - 5;
      int barsY = y + LABEL_LINE;
      List<Bar> bars = new ArrayList<>();
      int by = barsY;
      for (int i = 0; i < in.values().size(); i++) {
        Value v = in.values().get(i);
        double f = Math.max(0, Math.min(1, v.fraction()));
        int w = (int) Math.round(f * TRACK);
        bars.add(new Bar(css.get(i % css.size()), by, w, v.text(), w + 6, by + BAR - 3));
        by += BAR + BAR_GAP;
      }
      int barsHeight = by - BAR_GAP - barsY;
      rows.add(new Row(in.label(), labelY, barsY, barsHeight, bars));
      y = by - BAR_GAP + ROW_GAP;
    }
    return new Chart(id, title, description, WIDTH, Math.max(1, y), track, rows, legend);
  }

  /** {@code minutes} as hours and minutes, {@code H:MM}. */
  static String hours(long minutes) {
    return String.format(java.util.Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
  }

  /** A share as a whole percentage, {@code 67 %}. */
  static String percent(double rate) {
    return Math.round(rate * 100) + " %";
  }
}
