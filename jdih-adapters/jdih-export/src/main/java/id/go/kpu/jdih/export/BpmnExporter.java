package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.DurationUnit;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.sop.Transition;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Exports any SOP definition as a BPMN 2.0 process that Flowable (7.x, 8.0) runs as it is and that BPMN modelers open
 * with its diagram.
 *
 * <p>What it contains:
 *
 * <ul>
 *   <li>a collaboration with one pool whose {@code laneSet} has a lane per role (pelaksana), in the SOP's order;
 *   <li>a {@code userTask} per activity, named with its Kegiatan text, with {@code flowable:candidateGroups} = the
 *       role id (e.g. {@code kasubag-hukum}) and {@code flowable:dueDate} = the time standard as an ISO-8601
 *       duration; its {@code documentation} lists the Mutu Baku (Kelengkapan, Waktu, Output) and its
 *       {@code extensionElements} carry them as data ({@code jdih:mutuBaku}, namespace {@value #JDIH_NAMESPACE});
 *   <li>an exclusive gateway after each approval, with conditional sequence flows {@code ${approved}} (Ya) and
 *       {@code ${!approved}} (Tidak): complete an approval task with the boolean process variable
 *       {@value #APPROVED_VARIABLE}; a branch the source SOP does not draw is marked {@code jdih:additionToSeed="true"};
 *   <li>a start event (Mulai) and an end event (Selesai);
 *   <li>BPMN DI: shapes for the pool, lanes and nodes and edges with waypoints, laid out left to right in activity
 *       order.
 * </ul>
 *
 * <p><b>Time standards.</b> BPMN has no working days. {@code flowable:dueDate} is {@code PnD} for n working or
 * calendar days and {@code PTnH} for n hours; Flowable's default due-date calendar reads {@code P1D} as one
 * calendar day (24 hours) from the task's creation, so for working days the due date is an approximation that
 * ignores weekends, holidays and office hours. The exact standard is kept in {@code jdih:waktu} (attributes
 * {@code amount} and {@code unit} = {@code WORKING_DAY}, {@code CALENDAR_DAY} or {@code HOUR}), so a host that
 * registers a working-day business calendar, or computes deadlines with jdih's {@code WorkingCalendar}, has what it
 * needs.
 *
 * <p>Not modelled: withdrawal of a case (it is an action on the case, not a step of the flow). Texts are written
 * by an XML writer, so every character is escaped. Stateless and thread-safe.
 */
public final class BpmnExporter {

  /** The process variable an approval task is completed with: {@code true} approves, {@code false} rejects. */
  public static final String APPROVED_VARIABLE = "approved";
  /** The namespace of jdih's extension elements and attributes. */
  public static final String JDIH_NAMESPACE = "urn:id:go:kpu:jdih:bpmn:1";

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String FLOWABLE = "http://flowable.org/bpmn";

  private static final Text GATEWAY = Text.of("Disetujui?", "Approved?");
  private static final Text ACTIVITY = Text.of("Kegiatan", "Activity");
  private static final Text REVISION = Text.of("revisi", "revision");
  private static final Text EXECUTOR = Text.of("Pelaksana", "Executor");
  private static final Text ADDITION = Text.of(
      "Cabang ini tidak digambar dalam SOP sumber; ditambahkan oleh perangkat lunak.",
      "This branch is not drawn in the source SOP; the software adds it.");
  private static final Text DUE = Text.of(
      "flowable:dueDate %s mendekati %s sebagai hari kalender; standar persisnya ada di jdih:waktu.",
      "flowable:dueDate %s approximates %s as calendar days; the exact standard is in jdih:waktu.");

  private BpmnExporter() {}

  /** The BPMN 2.0 XML of {@code sop}, with Indonesian names for the gateways, events and documentation. */
  public static String bpmn(SopDefinition sop) {
    return bpmn(sop, Language.defaultLanguage());
  }

  /** The BPMN 2.0 XML of {@code sop}, with fixed names and documentation labels in {@code language}. */
  public static String bpmn(SopDefinition sop, Language language) {
    checkNotNull(sop, "sop");
    checkNotNull(language, "language");
    try {
      return new Writer(sop, language).write();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("BPMN export failed", e);
    }
  }

  /**
   * The process id (Flowable's process definition key) of {@code sop}: {@code sop-}, the office id, the SOP number
   * and the revision, lower case with hyphens, e.g. {@code sop-kpu-kab-kepulauan-mentawai-6-tahun-2023-r0}.
   */
  public static String processKey(SopDefinition sop) {
    String raw = sop.office().id() + "-" + sop.identity().number() + "-r" + sop.identity().revision();
    String key = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return "sop-" + key;
  }

  /** The id of activity {@code number}'s user task (its Flowable task definition key), e.g. {@code activity-1}. */
  public static String taskId(int number) {
    return "activity-" + number;
  }

  /** The id of the gateway after approval {@code number}, e.g. {@code decision-2}. */
  public static String gatewayId(int number) {
    return "decision-" + number;
  }

  /** The time standard as an ISO-8601 duration: {@code P1D}, {@code P3D}, {@code PT4H}. */
  static String isoDuration(TimeStandard time) {
    return time.unit() == DurationUnit.HOUR ? "PT" + time.amount() + "H" : "P" + time.amount() + "D";
  }

  private record Flow(String id, String source, String target, String name, String condition, boolean addition) {}

  /** A node of the diagram: its column (left to right), lane and size. */
  private record Node(String id, int column, int lane, double w, double h) {}

  private static final class Writer {
    private static final double POOL_X = 20;
    private static final double POOL_Y = 20;
    private static final double LANE_H = 200;
    private static final double COL_W = 190;
    private static final double FIRST_COL = 150;

    private final SopDefinition sop;
    private final Language lang;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Flow> flows = new ArrayList<>();
    private final Map<String, List<String>> laneRefs = new LinkedHashMap<>();
    private final Map<String, Integer> laneIndex = new HashMap<>();
    private XMLStreamWriter x;

    Writer(SopDefinition sop, Language lang) {
      this.sop = sop;
      this.lang = lang;
      for (Role r : sop.roles()) {
        laneIndex.put(r.id().value(), laneIndex.size());
        laneRefs.put(r.id().value(), new ArrayList<>());
      }
      plan();
    }

    /** Nodes in columns, lanes and flows, before anything is written. */
    private void plan() {
      int col = 0;
      Activity start = sop.startActivity();
      node("start", col++, start.executor().value(), 36, 36);
      flows.add(new Flow("flow-start", "start", taskId(start.number()), null, null, false));
      String endLane = null;
      for (Activity a : sop.activities()) {
        node(taskId(a.number()), col++, a.executor().value(), 150, 120);
        Transition t = sop.transitionAfter(a.number());
        if (t instanceof Transition.Sequence s) {
          flows.add(new Flow("flow-" + a.number(), taskId(a.number()), ref(s.next()), null, null, false));
          if (s.next() instanceof Target.End) {
            endLane = a.executor().value();
          }
        } else if (t instanceof Transition.Decision d) {
          String gw = gatewayId(a.number());
          node(gw, col++, a.executor().value(), 50, 50);
          flows.add(new Flow("flow-" + a.number(), taskId(a.number()), gw, null, null, false));
          for (Branch b : d.branches()) {
            boolean approved = b.outcome() == Outcome.APPROVED;
            flows.add(new Flow("flow-" + a.number() + (approved ? "-approved" : "-rejected"), gw, ref(b.target()),
                b.outcome().label().in(lang),
                approved ? "${" + APPROVED_VARIABLE + "}" : "${!" + APPROVED_VARIABLE + "}", b.additionToSeed()));
            if (b.target() instanceof Target.End) {
              endLane = a.executor().value();
            }
          }
        }
      }
      node("end", col, endLane != null ? endLane : sop.activities().get(sop.activities().size() - 1).executor()
          .value(), 36, 36);
    }

    private void node(String id, int column, String lane, double w, double h) {
      nodes.put(id, new Node(id, column, laneIndex.get(lane), w, h));
      laneRefs.get(lane).add(id);
    }

    private static String ref(Target t) {
      return t instanceof Target.ToActivity to ? taskId(to.number()) : "end";
    }

    String write() throws XMLStreamException {
      StringWriter out = new StringWriter();
      x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      nl(0);
      x.writeStartElement("definitions");
      x.writeDefaultNamespace(BPMN);
      x.writeNamespace("bpmndi", BPMNDI);
      x.writeNamespace("dc", DC);
      x.writeNamespace("di", DI);
      x.writeNamespace("xsi", XSI);
      x.writeNamespace("flowable", FLOWABLE);
      x.writeNamespace("jdih", JDIH_NAMESPACE);
      x.writeAttribute("id", "definitions");
      x.writeAttribute("targetNamespace", "urn:id:go:kpu:jdih:sop:" + processKey(sop));
      x.writeAttribute("typeLanguage", "http://www.w3.org/2001/XMLSchema");
      x.writeAttribute("expressionLanguage", "http://www.w3.org/1999/XPath");
      x.writeAttribute("exporter", "jdih-export");
      collaboration();
      process();
      diagram();
      nl(0);
      x.writeEndElement();
      nl(0);
      x.writeEndDocument();
      x.close();
      return out.toString();
    }

    private void nl(int depth) throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Starts element {@code name}: in the BPMN namespace, or {@code prefix:local} in a declared namespace. */
    private void start(int depth, String name) throws XMLStreamException {
      nl(depth);
      int colon = name.indexOf(':');
      if (colon < 0) {
        x.writeStartElement(name);
      } else {
        String prefix = name.substring(0, colon);
        String ns = switch (prefix) {
          case "bpmndi" -> BPMNDI;
          case "dc" -> DC;
          case "di" -> DI;
          case "jdih" -> JDIH_NAMESPACE;
          default -> throw new IllegalArgumentException(prefix);
        };
        x.writeStartElement(prefix, name.substring(colon + 1), ns);
      }
    }

    private void end(int depth) throws XMLStreamException {
      nl(depth);
      x.writeEndElement();
    }

    private void textElement(int depth, String name, String text) throws XMLStreamException {
      start(depth, name);
      x.writeCharacters(text);
      x.writeEndElement();
    }

    private void collaboration() throws XMLStreamException {
      start(1, "collaboration");
      x.writeAttribute("id", "collaboration");
      start(2, "participant");
      x.writeAttribute("id", "pool");
      x.writeAttribute("name", sop.office().unit());
      x.writeAttribute("processRef", processKey(sop));
      x.writeEndElement();
      end(1);
    }

    private void process() throws XMLStreamException {
      start(1, "process");
      x.writeAttribute("id", processKey(sop));
      x.writeAttribute("name", "SOP " + sop.identity().number() + " " + sop.title());
      x.writeAttribute("isExecutable", "true");
      textElement(2, "documentation", "SOP " + sop.identity().number() + " (" + REVISION.in(lang) + " "
          + sop.identity().revision() + "): " + sop.title() + " \u2014 " + sop.office().name());
      start(2, "laneSet");
      x.writeAttribute("id", "lanes");
      for (Role r : sop.roles()) {
        start(3, "lane");
        x.writeAttribute("id", "lane-" + r.id().value());
        x.writeAttribute("name", r.name());
        for (String ref : laneRefs.get(r.id().value())) {
          textElement(4, "flowNodeRef", ref);
        }
        end(3);
      }
      end(2);

      start(2, "startEvent");
      x.writeAttribute("id", "start");
      x.writeAttribute("name", Labels.START.in(lang));
      x.writeEndElement();
      for (Activity a : sop.activities()) {
        userTask(a);
        if (sop.transitionAfter(a.number()) instanceof Transition.Decision) {
          start(2, "exclusiveGateway");
          x.writeAttribute("id", gatewayId(a.number()));
          x.writeAttribute("name", GATEWAY.in(lang));
          x.writeEndElement();
        }
      }
      start(2, "endEvent");
      x.writeAttribute("id", "end");
      x.writeAttribute("name", Labels.END.in(lang));
      x.writeEndElement();
      for (Flow f : flows) {
        start(2, "sequenceFlow");
        x.writeAttribute("id", f.id());
        if (f.name() != null) {
          x.writeAttribute("name", f.name());
        }
        x.writeAttribute("sourceRef", f.source());
        x.writeAttribute("targetRef", f.target());
        if (f.addition()) {
          x.writeAttribute("jdih", JDIH_NAMESPACE, "additionToSeed", "true");
        }
        if (f.addition()) {
          textElement(3, "documentation", ADDITION.in(lang));
        }
        if (f.condition() != null) {
          start(3, "conditionExpression");
          x.writeAttribute("xsi", XSI, "type", "tFormalExpression");
          x.writeCData(f.condition());
          x.writeEndElement();
        }
        if (f.addition() || f.condition() != null) {
          end(2);
        } else {
          x.writeEndElement();
        }
      }
      end(1);
    }

    private void userTask(Activity a) throws XMLStreamException {
      start(2, "userTask");
      x.writeAttribute("id", taskId(a.number()));
      x.writeAttribute("name", a.description());
      x.writeAttribute("flowable", FLOWABLE, "candidateGroups", a.executor().value());
      a.quality().time().ifPresent(t -> attribute("flowable", FLOWABLE, "dueDate", isoDuration(t)));
      textElement(3, "documentation", documentation(a));
      start(3, "extensionElements");
      start(4, "jdih:mutuBaku");
      for (Requirement r : a.quality().requirements()) {
        start(5, "jdih:kelengkapan");
        if (r instanceof Requirement.Tool tool) {
          x.writeAttribute("type", "tool");
          x.writeAttribute("equipmentId", tool.equipmentId());
        } else if (r instanceof Requirement.Document doc) {
          x.writeAttribute("type", "document");
          x.writeAttribute("artifact", doc.artifact().name());
        }
        x.writeCharacters(r.name());
        x.writeEndElement();
      }
      if (a.quality().time().isPresent()) {
        TimeStandard t = a.quality().time().get();
        start(5, "jdih:waktu");
        x.writeAttribute("amount", String.valueOf(t.amount()));
        x.writeAttribute("unit", t.unit().name());
        x.writeCharacters(t.label().in(lang));
        x.writeEndElement();
      }
      if (a.quality().output().isPresent()) {
        textElement(5, "jdih:output", a.quality().output().get());
      }
      end(4);
      end(3);
      end(2);
    }

    private void attribute(String prefix, String ns, String name, String value) {
      try {
        x.writeAttribute(prefix, ns, name, value);
      } catch (XMLStreamException e) {
        throw new IllegalStateException(e);
      }
    }

    private String documentation(Activity a) {
      String role = sop.role(a.executor()).map(Role::name).orElse(a.executor().value());
      String requirements = a.quality().requirements().stream().map(Requirement::name)
          .collect(Collectors.joining(", "));
      StringBuilder b = new StringBuilder();
      b.append(ACTIVITY.in(lang)).append(' ').append(a.number()).append(": ").append(a.description()).append('\n')
          .append(EXECUTOR.in(lang)).append(": ").append(role).append('\n')
          .append(Labels.QUALITY.in(lang)).append(" \u2014 ").append(Labels.REQUIREMENTS.in(lang)).append(": ")
          .append(requirements.isEmpty() ? "-" : requirements).append("; ")
          .append(Labels.TIME.in(lang)).append(": ")
          .append(a.quality().time().map(t -> t.label().in(lang)).orElse("-")).append("; ")
          .append(Labels.OUTPUT.in(lang)).append(": ").append(a.quality().output().orElse("-"));
      a.quality().time().filter(t -> t.unit() == DurationUnit.WORKING_DAY)
          .ifPresent(t -> b.append('\n').append(DUE.in(lang).formatted(isoDuration(t), t.label().in(lang))));
      a.remarks().ifPresent(r -> b.append('\n').append(Labels.REMARKS.in(lang)).append(' ').append(r));
      return b.toString();
    }

    // ---- diagram interchange ----

    private double cx(Node n) {
      return FIRST_COL + n.column() * COL_W;
    }

    private double cy(Node n) {
      return POOL_Y + n.lane() * LANE_H + LANE_H / 2;
    }

    private void diagram() throws XMLStreamException {
      int columns = nodes.values().stream().mapToInt(Node::column).max().orElse(0) + 1;
      double poolW = FIRST_COL + (columns - 1) * COL_W + COL_W / 2 + 20 - POOL_X;
      double poolH = sop.roles().size() * LANE_H;
      start(1, "bpmndi:BPMNDiagram");
      x.writeAttribute("id", "diagram");
      start(2, "bpmndi:BPMNPlane");
      x.writeAttribute("id", "plane");
      x.writeAttribute("bpmnElement", "collaboration");
      shape("pool", POOL_X, POOL_Y, poolW, poolH, true);
      for (Role r : sop.roles()) {
        int i = laneIndex.get(r.id().value());
        shape("lane-" + r.id().value(), POOL_X + 30, POOL_Y + i * LANE_H, poolW - 30, LANE_H, true);
      }
      for (Node n : nodes.values()) {
        shape(n.id(), cx(n) - n.w() / 2, cy(n) - n.h() / 2, n.w(), n.h(), false);
      }
      for (Flow f : flows) {
        edge(f);
      }
      end(2);
      end(1);
    }

    private void shape(String element, double xx, double yy, double w, double h, boolean horizontal)
        throws XMLStreamException {
      start(3, "bpmndi:BPMNShape");
      x.writeAttribute("id", element + "-di");
      x.writeAttribute("bpmnElement", element);
      if (horizontal) {
        x.writeAttribute("isHorizontal", "true");
      }
      start(4, "dc:Bounds");
      bounds(xx, yy, w, h);
      x.writeEndElement();
      if (element.startsWith("decision-")) { // the gateway's name above it, clear of its Ya/Tidak exits
        start(4, "bpmndi:BPMNLabel");
        start(5, "dc:Bounds");
        bounds(xx + w / 2 - 40, yy - 22, 80, 14);
        x.writeEndElement();
        end(4);
      }
      end(3);
    }

    private void bounds(double xx, double yy, double w, double h) throws XMLStreamException {
      x.writeAttribute("x", SvgFlow.num(xx));
      x.writeAttribute("y", SvgFlow.num(yy));
      x.writeAttribute("width", SvgFlow.num(w));
      x.writeAttribute("height", SvgFlow.num(h));
    }

    private void edge(Flow f) throws XMLStreamException {
      Node s = nodes.get(f.source());
      Node t = nodes.get(f.target());
      List<double[]> points = new ArrayList<>();
      if (t.column() > s.column()) {
        double sx = cx(s) + s.w() / 2;
        double tx = cx(t) - t.w() / 2;
        points.add(new double[] {sx, cy(s)});
        if (cy(s) != cy(t)) {
          double mx = tx - 20;
          points.add(new double[] {mx, cy(s)});
          points.add(new double[] {mx, cy(t)});
        }
        points.add(new double[] {tx, cy(t)});
      } else { // back: under the nodes, along the bottom of the lower of the two lanes
        double yb = POOL_Y + (Math.max(s.lane(), t.lane()) + 1) * LANE_H - 15;
        points.add(new double[] {cx(s), cy(s) + s.h() / 2});
        points.add(new double[] {cx(s), yb});
        points.add(new double[] {cx(t), yb});
        points.add(new double[] {cx(t), cy(t) + t.h() / 2});
      }
      start(3, "bpmndi:BPMNEdge");
      x.writeAttribute("id", f.id() + "-di");
      x.writeAttribute("bpmnElement", f.id());
      for (double[] p : points) {
        start(4, "di:waypoint");
        x.writeAttribute("x", SvgFlow.num(p[0]));
        x.writeAttribute("y", SvgFlow.num(p[1]));
        x.writeEndElement();
      }
      if (f.name() != null) {
        start(4, "bpmndi:BPMNLabel");
        start(5, "dc:Bounds");
        double[] p = points.get(0);
        if (t.column() > s.column()) { // above the first segment, right of the source
          bounds(p[0] + 4, p[1] - 20, 40, 14);
        } else { // above the bottom run, left of where it leaves the source
          double[] corner = points.get(1);
          bounds(corner[0] - 46, corner[1] - 18, 40, 14);
        }
        x.writeEndElement();
        end(4);
      }
      end(3);
    }
  }
}
