package id.go.kpu.jdih.export;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flowchart of an SOP as it is drawn in the lane columns of the SOP AP table: one drawing per table row, page
 * by page. Shared by the HTML (inline SVG) and the PDF renderer, so both draw the same symbols and arrows.
 *
 * <p>Every position is a {@link Coord}: a fraction of the row's lane area (width or height) plus a fixed offset,
 * because a row's height depends on how its texts wrap, which only the renderer knows. Symbols stay a fixed size;
 * arrows run from and to symbol centres and the symbols, drawn over them with a white fill, hide the inner part.
 *
 * <p>Routing: the arrow to the next row leaves the symbol's bottom and enters the next symbol's top, with a short
 * horizontal jog at the top of the next row when the lane changes. Every other arrow (a decision's second exit, an
 * arrow back or past the next row) runs in a channel along the left edge (backwards) or right edge (forwards) of
 * its target's lane and enters the target from the side. An arrow crossing a page break ends in an off-page
 * connector at the bottom of the page's last row and resumes from one with the same letter at the top of the next
 * page. Mulai stands beside the first activity in the neighbouring lane (as in the reference SOP), Selesai beside
 * the last activity that ends the flow.
 */
final class FlowDiagram {

  /** A position along one axis: {@code frac} of the size plus {@code px}. */
  record Coord(double frac, double px) {
    double resolve(double size) {
      return frac * size + px;
    }
  }

  /** A point. */
  record Pt(Coord x, Coord y) {}

  /** The flowchart symbols. */
  enum ShapeKind { PROCESS, DECISION, START, END, CONNECTOR }

  /** Where an arrowhead points. */
  enum Dir { DOWN, UP, LEFT, RIGHT }

  /** Text anchoring of a label. */
  enum Anchor { START, MIDDLE, END }

  /** Something drawn in a row. */
  sealed interface Mark permits Line, Shape, Arrowhead, Label {}

  /** A straight line; {@code dashed} for a branch the source SOP does not draw. */
  record Line(Pt a, Pt b, boolean dashed) implements Mark {}

  /**
   * A symbol centred at {@code center}.
   *
   * @param activity the activity number, 0 for terminators and connectors
   * @param lane the role id of the lane it stands in
   * @param laneIndex the lane's index, left to right
   * @param text the text inside (terminators, connectors) or the activity's description (a tooltip)
   */
  record Shape(ShapeKind kind, Pt center, double w, double h, String text, int activity, String lane,
      int laneIndex) implements Mark {}

  /** An arrowhead with its tip at {@code tip}. */
  record Arrowhead(Pt tip, Dir dir, double size) implements Mark {}

  /** A short text such as {@code Ya} or {@code Tidak}. */
  record Label(Pt at, String text, Anchor anchor) implements Mark {}

  /**
   * One table row's drawing.
   *
   * @param activity the row's activity
   * @param laneIndex the lane of its executor
   * @param minHeight the least height the row needs for its drawing
   * @param lines lines, drawn first
   * @param marks symbols, arrowheads and labels, drawn over the lines in this order
   */
  record Row(Activity activity, int laneIndex, double minHeight, ImmutableList<Line> lines,
      ImmutableList<Mark> marks) {}

  /** The rows printed on one page. */
  record Page(ImmutableList<Row> rows) {}

  /** Symbol sizes and spacing, in the renderer's units. */
  record Geometry(double boxW, double boxH, double diamondW, double diamondH, double termW, double termH,
      double connSize, double channelConnSize, double jog, double inset, double step, double minRow,
      double connectorRow, double arrow, double labelSize) {

    /** The sizes for the HTML document, in CSS pixels, for lanes about 100 px wide. */
    static Geometry html() {
      return new Geometry(64, 34, 58, 40, 58, 22, 20, 14, 12, 8, 5, 84, 100, 7, 9);
    }

    /** The same proportions scaled by {@code f}. */
    Geometry scaled(double f) {
      return new Geometry(boxW * f, boxH * f, diamondW * f, diamondH * f, termW * f, termH * f, connSize * f,
          channelConnSize * f, jog * f, inset * f, step * f, minRow * f, connectorRow * f, arrow * f,
          labelSize * f);
    }
  }

  private static final Coord TOP = new Coord(0, 0);
  private static final Coord MID = new Coord(0.5, 0);
  private static final Coord BOTTOM = new Coord(1, 0);

  private final int lanes;
  private final ImmutableList<Role> roles;
  private final ImmutableList<Page> pages;
  private final boolean additions;
  private final int connectors;

  private FlowDiagram(int lanes, ImmutableList<Role> roles, ImmutableList<Page> pages, boolean additions,
      int connectors) {
    this.lanes = lanes;
    this.roles = roles;
    this.pages = pages;
    this.additions = additions;
    this.connectors = connectors;
  }

  /** The number of lanes (roles). */
  int lanes() {
    return lanes;
  }

  /** The roles, in lane order. */
  ImmutableList<Role> roles() {
    return roles;
  }

  /** The pages, each with at most the requested number of rows. */
  ImmutableList<Page> pages() {
    return pages;
  }

  /** True if some arrow is an addition to the source SOP (drawn dashed). */
  boolean hasAdditions() {
    return additions;
  }

  /** How many off-page connector pairs the diagram has. */
  int connectorPairs() {
    return connectors;
  }

  /** Lays out {@code sop}'s flowchart with at most {@code perPage} rows per page. */
  static FlowDiagram of(SopDefinition sop, int perPage, Geometry g, Language language) {
    return new Router(sop, perPage, g, language).route();
  }

  private record Edge(int src, int dst, Optional<String> label, boolean dashed) {
    static final int END = -1;
  }

  private record Channel(Edge edge, int lane, boolean left, int lo, int hi) {}

  /** Computes the drawing of every row. */
  private static final class Router {
    private final SopDefinition sop;
    private final int perPage;
    private final Geometry g;
    private final Language language;
    private final int n;
    private final List<Activity> acts;
    private final Map<RoleId, Integer> laneOf = new HashMap<>();
    private final Map<Integer, Integer> rowOf = new HashMap<>();
    private final List<List<Line>> lines = new ArrayList<>();
    private final List<List<Mark>> shapes = new ArrayList<>();
    private final List<List<Mark>> heads = new ArrayList<>();
    private final List<List<Mark>> labels = new ArrayList<>();
    private final double[] minHeight;
    private final boolean[] decision;
    private int letters;
    private boolean additions;

    Router(SopDefinition sop, int perPage, Geometry g, Language language) {
      this.sop = sop;
      this.perPage = perPage;
      this.g = g;
      this.language = language;
      this.n = sop.roles().size();
      this.acts = sop.activities();
      for (int i = 0; i < n; i++) {
        laneOf.put(sop.roles().get(i).id(), i);
      }
      minHeight = new double[acts.size()];
      decision = new boolean[acts.size()];
      for (int r = 0; r < acts.size(); r++) {
        rowOf.put(acts.get(r).number(), r);
        lines.add(new ArrayList<>());
        shapes.add(new ArrayList<>());
        heads.add(new ArrayList<>());
        labels.add(new ArrayList<>());
        minHeight[r] = g.minRow();
        decision[r] = sop.transitionAfter(acts.get(r).number()) instanceof Transition.Decision;
      }
    }

    FlowDiagram route() {
      for (int r = 0; r < acts.size(); r++) {
        Activity a = acts.get(r);
        int lane = lane(r);
        shapes.get(r).add(new Shape(decision[r] ? ShapeKind.DECISION : ShapeKind.PROCESS, new Pt(cx(lane), MID),
            decision[r] ? g.diamondW() : g.boxW(), decision[r] ? g.diamondH() : g.boxH(),
            a.number() + ". " + a.description(), a.number(), a.executor().value(), lane));
      }
      List<Edge> edges = edges();
      int startRow = rowOf.getOrDefault(sop.flow().start(), 0);
      int startSide = side(lane(startRow), -2);
      drawStart(startRow, startSide);

      List<Edge> channelled = new ArrayList<>();
      boolean[] bottomUsed = new boolean[acts.size()];
      int endRow = edges.stream().filter(e -> e.dst() == Edge.END).mapToInt(Edge::src).max().orElse(-1);
      int endSide = -2;
      boolean endLocalDrawn = false;
      if (endRow >= 0) {
        endSide = side(lane(endRow), endRow == startRow ? startSide : -2);
        drawEndTerminator(endRow, endSide);
      }
      for (Edge e : edges) {
        if (e.dst() == Edge.END && e.src() == endRow && !endLocalDrawn) {
          drawEndLocal(e, endSide);
          endLocalDrawn = true;
        } else if (e.dst() == Edge.END && e.src() == endRow) {
          // a second exit of the same row to Selesai: the arrow is already drawn
        } else if (e.dst() == e.src() + 1 && !bottomUsed[e.src()]) {
          bottomUsed[e.src()] = true;
          drawAdjacent(e);
        } else {
          channelled.add(e);
        }
      }
      drawChannels(channelled, endRow, endSide);

      ImmutableList.Builder<Page> pages = ImmutableList.builder();
      ImmutableList.Builder<Row> page = ImmutableList.builder();
      for (int r = 0; r < acts.size(); r++) {
        ImmutableList<Mark> marks = ImmutableList.<Mark>builder().addAll(shapes.get(r)).addAll(heads.get(r))
            .addAll(labels.get(r)).build();
        page.add(new Row(acts.get(r), lane(r), minHeight[r], ImmutableList.copyOf(lines.get(r)), marks));
        if ((r + 1) % perPage == 0 || r == acts.size() - 1) {
          pages.add(new Page(page.build()));
          page = ImmutableList.builder();
        }
      }
      return new FlowDiagram(n, sop.roles(), pages.build(), additions, letters);
    }

    private List<Edge> edges() {
      List<Edge> edges = new ArrayList<>();
      for (int r = 0; r < acts.size(); r++) {
        Transition t = sop.transitionAfter(acts.get(r).number());
        if (t instanceof Transition.Sequence s) {
          edges.add(new Edge(r, row(s.next()), Optional.empty(), false));
        } else if (t instanceof Transition.Decision d) {
          List<Branch> branches = new ArrayList<>(d.branches());
          branches.sort(Comparator.comparing(b -> b.outcome() == Outcome.APPROVED ? 0 : 1));
          for (Branch b : branches) {
            additions |= b.additionToSeed();
            edges.add(new Edge(r, row(b.target()),
                Optional.of(b.outcome().label().in(language) + (b.additionToSeed() ? "*" : "")), b.additionToSeed()));
          }
        }
      }
      return edges;
    }

    private int row(Target t) {
      return t instanceof Target.ToActivity to ? rowOf.get(to.number()) : Edge.END;
    }

    private int lane(int row) {
      return laneOf.get(acts.get(row).executor());
    }

    private int page(int row) {
      return row / perPage;
    }

    private Coord cx(int lane) {
      return new Coord((lane + 0.5) / n, 0);
    }

    private double halfW(int row) {
      return (decision[row] ? g.diamondW() : g.boxW()) / 2;
    }

    private double halfH(int row) {
      return (decision[row] ? g.diamondH() : g.boxH()) / 2;
    }

    /** The lane beside {@code lane} for a terminator: the next one, else the previous one, else -1 (the same). */
    private int side(int lane, int taken) {
      if (lane + 1 < n && lane + 1 != taken) {
        return lane + 1;
      }
      if (lane - 1 >= 0 && lane - 1 != taken) {
        return lane - 1;
      }
      return -1;
    }

    private String letter() {
      int i = letters++;
      StringBuilder s = new StringBuilder();
      do {
        s.insert(0, (char) ('A' + i % 26));
        i = i / 26 - 1;
      } while (i >= 0);
      return s.toString();
    }

    private void line(int row, Coord x1, Coord y1, Coord x2, Coord y2, boolean dashed) {
      lines.get(row).add(new Line(new Pt(x1, y1), new Pt(x2, y2), dashed));
    }

    private void head(int row, Coord x, Coord y, Dir dir) {
      heads.get(row).add(new Arrowhead(new Pt(x, y), dir, g.arrow()));
    }

    private void label(int row, Coord x, Coord y, String text, Anchor anchor) {
      labels.get(row).add(new Label(new Pt(x, y), text, anchor));
    }

    private void drawStart(int row, int sideLane) {
      int lane = lane(row);
      String text = Labels.START.in(language);
      String role = acts.get(row).executor().value();
      if (sideLane >= 0) {
        shapes.get(row).add(new Shape(ShapeKind.START, new Pt(cx(sideLane), MID), g.termW(), g.termH(), text, 0,
            sop.roles().get(sideLane).id().value(), sideLane));
        line(row, cx(sideLane), MID, cx(lane), MID, false);
        boolean fromRight = sideLane > lane;
        head(row, new Coord(cx(lane).frac(), fromRight ? halfW(row) : -halfW(row)), MID,
            fromRight ? Dir.LEFT : Dir.RIGHT);
      } else {
        Coord y = new Coord(0, 4 + g.termH() / 2);
        shapes.get(row).add(new Shape(ShapeKind.START, new Pt(cx(lane), y), g.termW(), g.termH(), text, 0, role,
            lane));
        line(row, cx(lane), y, cx(lane), MID, false);
        head(row, cx(lane), new Coord(0.5, -halfH(row)), Dir.DOWN);
        minHeight[row] += g.termH() + 8;
      }
    }

    private Pt endCenter(int row, int sideLane) {
      return sideLane >= 0 ? new Pt(cx(sideLane), MID)
          : new Pt(cx(lane(row)), new Coord(1, -4 - g.termH() / 2));
    }

    private void drawEndTerminator(int row, int sideLane) {
      int lane = sideLane >= 0 ? sideLane : lane(row);
      shapes.get(row).add(new Shape(ShapeKind.END, endCenter(row, sideLane), g.termW(), g.termH(),
          Labels.END.in(language), 0, sop.roles().get(lane).id().value(), lane));
      if (sideLane < 0) {
        minHeight[row] += g.termH() + 8;
      }
    }

    private void drawEndLocal(Edge e, int sideLane) {
      int row = e.src();
      int lane = lane(row);
      if (sideLane >= 0) {
        boolean toRight = sideLane > lane;
        line(row, cx(lane), MID, cx(sideLane), MID, e.dashed());
        head(row, new Coord(cx(sideLane).frac(), toRight ? -g.termW() / 2 : g.termW() / 2), MID,
            toRight ? Dir.RIGHT : Dir.LEFT);
        e.label().ifPresent(l -> label(row, new Coord(cx(lane).frac(), toRight ? halfW(row) + 3 : -halfW(row) - 3),
            new Coord(0.5, -4), l, toRight ? Anchor.START : Anchor.END));
      } else {
        Coord y = new Coord(1, -4 - g.termH() / 2);
        line(row, cx(lane), MID, cx(lane), y, e.dashed());
        head(row, cx(lane), new Coord(1, -4 - g.termH()), Dir.DOWN);
        e.label().ifPresent(l -> label(row, new Coord(cx(lane).frac(), 4), new Coord(0.5, halfH(row) + 10), l,
            Anchor.START));
      }
    }

    private void drawAdjacent(Edge e) {
      int s = e.src();
      int t = e.dst();
      int ls = lane(s);
      int lt = lane(t);
      line(s, cx(ls), MID, cx(ls), BOTTOM, e.dashed());
      e.label().ifPresent(l -> label(s, new Coord(cx(ls).frac(), 4), new Coord(0.5, halfH(s) + 10), l,
          Anchor.START));
      if (page(s) != page(t)) {
        String letter = letter();
        shapes.get(s).add(connector(cx(ls), new Coord(1, -g.connSize() / 2), g.connSize(), letter, ls));
        shapes.get(t).add(connector(cx(lt), new Coord(0, g.connSize() / 2), g.connSize(), letter, lt));
        minHeight[s] = Math.max(minHeight[s], g.connectorRow());
        minHeight[t] = Math.max(minHeight[t], g.connectorRow());
        line(t, cx(lt), TOP, cx(lt), MID, e.dashed());
      } else if (ls == lt) {
        line(t, cx(lt), TOP, cx(lt), MID, e.dashed());
      } else {
        Coord jog = new Coord(0, g.jog());
        line(t, cx(ls), TOP, cx(ls), jog, e.dashed());
        line(t, cx(ls), jog, cx(lt), jog, e.dashed());
        line(t, cx(lt), jog, cx(lt), MID, e.dashed());
      }
      head(t, cx(lt), new Coord(0.5, -halfH(t)), Dir.DOWN);
    }

    private Shape connector(Coord x, Coord y, double size, String letter, int lane) {
      return new Shape(ShapeKind.CONNECTOR, new Pt(x, y), size, size, letter, 0,
          sop.roles().get(lane).id().value(), lane);
    }

    private void drawChannels(List<Edge> edges, int endRow, int endSide) {
      List<Channel> channels = new ArrayList<>();
      for (Edge e : edges) {
        int t = e.dst() == Edge.END ? endRow : e.dst();
        int lane;
        boolean left;
        if (e.dst() == Edge.END) {
          int endLane = endSide >= 0 ? endSide : lane(endRow);
          lane = endLane;
          left = endSide >= 0 && endSide < lane(endRow);
        } else {
          lane = lane(t);
          left = t <= e.src();
        }
        channels.add(new Channel(e, lane, left, Math.min(e.src(), t), Math.max(e.src(), t)));
      }
      // Greedy slots per lane side, so that channels whose rows overlap run side by side.
      channels.sort(Comparator.comparingInt(Channel::lo).thenComparingInt(Channel::hi));
      Map<String, List<Integer>> slotEnds = new HashMap<>();
      for (Channel c : channels) {
        List<Integer> ends = slotEnds.computeIfAbsent(c.lane() + (c.left() ? "L" : "R"), k -> new ArrayList<>());
        int slot = 0;
        while (slot < ends.size() && ends.get(slot) >= c.lo()) {
          slot++;
        }
        if (slot == ends.size()) {
          ends.add(c.hi());
        } else {
          ends.set(slot, c.hi());
        }
        drawChannel(c, slot, endRow, endSide);
      }
    }

    private void drawChannel(Channel c, int slot, int endRow, int endSide) {
      Edge e = c.edge();
      boolean toEnd = e.dst() == Edge.END;
      int s = e.src();
      int t = toEnd ? endRow : e.dst();
      int ls = lane(s);
      double off = g.inset() + slot * g.step();
      Coord chX = c.left() ? new Coord((double) c.lane() / n, off) : new Coord((double) (c.lane() + 1) / n, -off);
      boolean dashed = e.dashed();
      Coord arrivalY = toEnd ? endCenter(endRow, endSide).y() : MID;
      Coord targetX = toEnd ? endCenter(endRow, endSide).x() : cx(lane(t));
      double targetHalfW = toEnd ? g.termW() / 2 : halfW(t);

      if (s == t && !toEnd) { // an activity that may repeat itself: out of the side, back in at the top
        Coord y = new Coord(0, g.jog() / 2);
        line(s, cx(ls), MID, chX, MID, dashed);
        line(s, chX, MID, chX, y, dashed);
        line(s, chX, y, cx(ls), y, dashed);
        line(s, cx(ls), y, cx(ls), MID, dashed);
        head(s, cx(ls), new Coord(0.5, -halfH(s)), Dir.DOWN);
        e.label().ifPresent(l -> sideLabel(s, ls, c, chX, l));
        return;
      }
      boolean up = t < s;
      line(s, cx(ls), MID, chX, MID, dashed);
      line(s, chX, MID, chX, up ? TOP : BOTTOM, dashed);
      e.label().ifPresent(l -> sideLabel(s, ls, c, chX, l));
      for (int r = c.lo() + 1; r < c.hi(); r++) {
        line(r, chX, TOP, chX, BOTTOM, dashed);
      }
      line(t, chX, up ? BOTTOM : TOP, chX, arrivalY, dashed);
      line(t, chX, arrivalY, targetX, arrivalY, dashed);
      head(t, new Coord(targetX.frac(), targetX.px() + (c.left() ? -targetHalfW : targetHalfW)), arrivalY,
          c.left() ? Dir.RIGHT : Dir.LEFT);
      for (int r = c.lo(); r < c.hi(); r++) {
        if (page(r) != page(r + 1)) {
          String letter = letter();
          shapes.get(r).add(connector(chX, new Coord(1, -g.channelConnSize() / 2), g.channelConnSize(), letter,
              c.lane()));
          shapes.get(r + 1).add(connector(chX, new Coord(0, g.channelConnSize() / 2), g.channelConnSize(), letter,
              c.lane()));
        }
      }
    }

    private void sideLabel(int s, int ls, Channel c, Coord chX, String text) {
      if (c.lane() == ls) {
        double y = -(halfH(s) + 3);
        label(s, new Coord(chX.frac(), chX.px() + (c.left() ? 3 : -3)), new Coord(0.5, y), text,
            c.left() ? Anchor.START : Anchor.END);
      } else {
        boolean right = chX.frac() > cx(ls).frac();
        label(s, new Coord(cx(ls).frac(), right ? halfW(s) + 3 : -halfW(s) - 3), new Coord(0.5, -4), text,
            right ? Anchor.START : Anchor.END);
      }
    }
  }
}
