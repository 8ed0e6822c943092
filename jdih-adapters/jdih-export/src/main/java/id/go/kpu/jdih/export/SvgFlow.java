package id.go.kpu.jdih.export;

import id.go.kpu.jdih.export.FlowDiagram.Arrowhead;
import id.go.kpu.jdih.export.FlowDiagram.Coord;
import id.go.kpu.jdih.export.FlowDiagram.Label;
import id.go.kpu.jdih.export.FlowDiagram.Line;
import id.go.kpu.jdih.export.FlowDiagram.Mark;
import id.go.kpu.jdih.export.FlowDiagram.Row;
import id.go.kpu.jdih.export.FlowDiagram.Shape;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Draws one row of a {@link FlowDiagram} as an inline SVG that fills its table cell whatever the row's height.
 *
 * <p>SVG cannot add a percentage and a length in one attribute, so each mark is drawn inside a nested
 * {@code <svg overflow="visible">} placed at the fractional part of its position; inside it, coordinates are the
 * pixel parts, or percentages relative to the nested origin. The nested viewport has the row's full size, so
 * percentages keep their meaning.
 */
final class SvgFlow {

  private SvgFlow() {}

  /** The SVG of {@code row} for a diagram with {@code lanes} lanes. */
  static String row(Row row, int lanes, FlowDiagram.Geometry g) {
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"flow\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"100%\" data-row=\"")
        .append(row.activity().number()).append("\">");
    for (int k = 1; k < lanes; k++) {
      String x = num(100.0 * k / lanes) + "%";
      b.append("<line class=\"lane-sep\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x)
          .append("\" y2=\"100%\"/>");
    }
    for (Line l : row.lines()) {
      line(b, l);
    }
    for (Mark m : row.marks()) {
      if (m instanceof Shape s) {
        shape(b, s, g);
      } else if (m instanceof Arrowhead a) {
        arrowhead(b, a);
      } else if (m instanceof Label l) {
        label(b, l, g);
      }
    }
    return b.append("</svg>").toString();
  }

  private static void line(StringBuilder b, Line l) {
    double fx = frame(l.a().x(), l.b().x());
    double fy = frame(l.a().y(), l.b().y());
    boolean nested = fx != 0 || fy != 0;
    if (nested) {
      b.append("<svg x=\"").append(num(fx * 100)).append("%\" y=\"").append(num(fy * 100))
          .append("%\" overflow=\"visible\">");
    }
    b.append("<line class=\"").append(l.dashed() ? "arrow addition" : "arrow").append("\" x1=\"")
        .append(rel(l.a().x(), fx)).append("\" y1=\"").append(rel(l.a().y(), fy)).append("\" x2=\"")
        .append(rel(l.b().x(), fx)).append("\" y2=\"").append(rel(l.b().y(), fy)).append("\"/>");
    if (nested) {
      b.append("</svg>");
    }
  }

  /** The nested origin for two coordinates: the fraction of the one with a pixel part (both must agree). */
  private static double frame(Coord a, Coord b) {
    if (a.px() != 0 && b.px() != 0 && a.frac() != b.frac()) {
      throw new IllegalStateException("cannot draw a line between " + a + " and " + b);
    }
    return a.px() != 0 ? a.frac() : b.px() != 0 ? b.frac() : 0;
  }

  private static String rel(Coord c, double frame) {
    return c.px() != 0 ? num(c.px()) : num((c.frac() - frame) * 100) + "%";
  }

  private static void open(StringBuilder b, FlowDiagram.Pt at, String cls) {
    b.append("<svg class=\"").append(cls).append("\" x=\"").append(num(at.x().frac() * 100)).append("%\" y=\"")
        .append(num(at.y().frac() * 100)).append("%\" overflow=\"visible\"");
  }

  private static void shape(StringBuilder b, Shape s, FlowDiagram.Geometry g) {
    String kind = switch (s.kind()) {
      case PROCESS -> "process";
      case DECISION -> "decision";
      case START -> "terminator start";
      case END -> "terminator end";
      case CONNECTOR -> "connector";
    };
    open(b, s.center(), "shape " + kind);
    if (s.activity() > 0) {
      b.append(" data-activity=\"").append(s.activity()).append('"');
    }
    b.append(" data-lane=\"").append(Html.esc(s.lane())).append("\" data-lane-index=\"").append(s.laneIndex())
        .append("\">");
    double x = s.center().x().px();
    double y = s.center().y().px();
    double w = s.w();
    double h = s.h();
    if (s.activity() > 0) {
      b.append("<title>").append(Html.esc(s.text())).append("</title>");
    }
    switch (s.kind()) {
      case PROCESS -> b.append("<rect x=\"").append(num(x - w / 2)).append("\" y=\"").append(num(y - h / 2))
          .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\"/>");
      case DECISION -> b.append("<polygon points=\"").append(num(x)).append(',').append(num(y - h / 2)).append(' ')
          .append(num(x + w / 2)).append(',').append(num(y)).append(' ').append(num(x)).append(',')
          .append(num(y + h / 2)).append(' ').append(num(x - w / 2)).append(',').append(num(y)).append("\"/>");
      case START, END -> {
        b.append("<rect x=\"").append(num(x - w / 2)).append("\" y=\"").append(num(y - h / 2)).append("\" width=\"")
            .append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"").append(num(h / 2))
            .append("\"/>");
        text(b, x, y + g.labelSize() * 0.4, s.text(), "middle", "term", g.labelSize() * 1.1);
      }
      case CONNECTOR -> {
        b.append("<polygon points=\"").append(num(x - w / 2)).append(',').append(num(y - h / 2)).append(' ')
            .append(num(x + w / 2)).append(',').append(num(y - h / 2)).append(' ').append(num(x + w / 2)).append(',')
            .append(num(y + h / 6)).append(' ').append(num(x)).append(',').append(num(y + h / 2)).append(' ')
            .append(num(x - w / 2)).append(',').append(num(y + h / 6)).append("\"/>");
        text(b, x, y + h * 0.15, s.text(), "middle", "conn", h * 0.5);
      }
      default -> throw new IllegalStateException();
    }
    b.append("</svg>");
  }

  private static void arrowhead(StringBuilder b, Arrowhead a) {
    open(b, a.tip(), "head");
    b.append('>');
    double x = a.tip().x().px();
    double y = a.tip().y().px();
    double s = a.size();
    double w = s * 0.55;
    double[] p = switch (a.dir()) {
      case DOWN -> new double[] {x, y, x - w, y - s, x + w, y - s};
      case UP -> new double[] {x, y, x - w, y + s, x + w, y + s};
      case LEFT -> new double[] {x, y, x + s, y - w, x + s, y + w};
      case RIGHT -> new double[] {x, y, x - s, y - w, x - s, y + w};
    };
    b.append("<polygon points=\"").append(num(p[0])).append(',').append(num(p[1])).append(' ').append(num(p[2]))
        .append(',').append(num(p[3])).append(' ').append(num(p[4])).append(',').append(num(p[5])).append("\"/>");
    b.append("</svg>");
  }

  private static void label(StringBuilder b, Label l, FlowDiagram.Geometry g) {
    open(b, l.at(), "label");
    b.append('>');
    String anchor = switch (l.anchor()) {
      case START -> "start";
      case MIDDLE -> "middle";
      case END -> "end";
    };
    text(b, l.at().x().px(), l.at().y().px(), l.text(), anchor, "lbl", g.labelSize());
    b.append("</svg>");
  }

  private static void text(StringBuilder b, double x, double y, String text, String anchor, String cls,
      double size) {
    b.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" font-size=\"").append(num(size)).append("\" text-anchor=\"").append(anchor).append("\">")
        .append(Html.esc(text)).append("</text>");
  }

  /** A number with at most three decimals and no trailing zeros. */
  static String num(double v) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }
}
