package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import id.go.kpu.jdih.testkit.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the exported flowchart back with a small parser for the subset of Mermaid it uses, and checks it against
 * the definition. (The real Mermaid 11 parser and renderer were run on these exports outside the build; see the
 * module README section.)
 */
class MermaidExporterTest {

  /** A parsed flowchart. */
  record Chart(String header, Map<String, Node> nodes, Map<String, List<String>> lanes,
      Map<String, String> laneTitles, Set<Edge> edges) {}

  record Node(String id, String shape, String text, String lane) {}

  record Edge(String from, String to, String label, boolean dotted) {}

  private static final Pattern SUBGRAPH = Pattern.compile("subgraph (\\w+)\\[\"([^\"]*)\"\\]");
  private static final Pattern NODE = Pattern.compile("(\\w+)(\\[\"|\\{\"|\\(\\[\")([^\"]*)(\"\\]|\"\\}|\"\\]\\))");
  private static final Pattern EDGE = Pattern.compile("(\\w+) (-->|-\\.->)(?:\\|\"([^\"]*)\"\\|)? (\\w+)");

  static Chart parse(String text) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<String, List<String>> lanes = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    Set<Edge> edges = new HashSet<>();
    String header = null;
    String lane = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      Matcher m;
      if (line.startsWith("%%") || line.isEmpty() || line.equals("direction TB")) {
        continue;
      }
      if (header == null) {
        header = line;
      } else if ((m = SUBGRAPH.matcher(line)).matches()) {
        assertThat(lane).as("nested subgraph").isNull();
        lane = m.group(1);
        assertThat(lanes).doesNotContainKey(lane);
        lanes.put(lane, new ArrayList<>());
        titles.put(lane, m.group(2));
      } else if (line.equals("end")) {
        assertThat(lane).as("end without subgraph").isNotNull();
        lane = null;
      } else if ((m = NODE.matcher(line)).matches()) {
        String shape = switch (m.group(2)) {
          case "[\"" -> "process";
          case "{\"" -> "decision";
          default -> "terminator";
        };
        assertThat(nodes).as("node %s defined once", m.group(1)).doesNotContainKey(m.group(1));
        nodes.put(m.group(1), new Node(m.group(1), shape, m.group(3), lane));
        if (lane != null) {
          lanes.get(lane).add(m.group(1));
        }
      } else if ((m = EDGE.matcher(line)).matches()) {
        edges.add(new Edge(m.group(1), m.group(4), m.group(3), m.group(2).equals("-.->")));
      } else {
        throw new AssertionError("unexpected line: " + raw);
      }
    }
    assertThat(lane).as("unclosed subgraph").isNull();
    return new Chart(header, nodes, lanes, titles, edges);
  }

  static Stream<SopDefinition> definitions() {
    return Stream.of(ReferenceSop.definition(), Fixtures.secondApprovalVariant(), Definitions.hostile(),
        Definitions.oneLane(), Definitions.sixLanes());
  }

  @ParameterizedTest
  @MethodSource("definitions")
  void theChartMatchesTheDefinition(SopDefinition sop) {
    Chart chart = parse(MermaidExporter.mermaid(sop));
    assertThat(chart.header()).isEqualTo("flowchart TD");
    // One lane per role, titled with its name, in order.
    assertThat(chart.lanes().keySet())
        .containsExactlyElementsOf(sop.roles().stream().map(MermaidExporter::laneId).toList());
    for (Role r : sop.roles()) {
      assertThat(unescape(chart.laneTitles().get(MermaidExporter.laneId(r)))).isEqualTo(r.name());
    }
    // Every activity once, in its executor's lane, with its number and text; approvals as decisions.
    assertThat(chart.nodes()).hasSize(sop.activities().size() + 2);
    for (Activity a : sop.activities()) {
      Node n = chart.nodes().get("a" + a.number());
      assertThat(n).as("node of activity %s", a.number()).isNotNull();
      Role role = sop.role(a.executor()).orElseThrow();
      assertThat(n.lane()).isEqualTo(MermaidExporter.laneId(role));
      assertThat(unescape(n.text())).isEqualTo(a.number() + ". " + a.description());
      boolean decision = sop.transitionAfter(a.number()) instanceof Transition.Decision;
      assertThat(n.shape()).isEqualTo(decision ? "decision" : "process");
    }
    assertThat(chart.nodes().get("mulai")).isEqualTo(new Node("mulai", "terminator", "Mulai", null));
    assertThat(chart.nodes().get("selesai")).isEqualTo(new Node("selesai", "terminator", "Selesai", null));
    // Edges: exactly the flow's arrows.
    Set<Edge> expected = new HashSet<>();
    expected.add(new Edge("mulai", "a" + sop.flow().start(), null, false));
    for (Activity a : sop.activities()) {
      Transition t = sop.transitionAfter(a.number());
      if (t instanceof Transition.Sequence s) {
        expected.add(new Edge("a" + a.number(), ref(s.next()), null, false));
      } else if (t instanceof Transition.Decision d) {
        for (Branch b : d.branches()) {
          expected.add(new Edge("a" + a.number(), ref(b.target()),
              b.outcome().label().id() + (b.additionToSeed() ? "*" : ""), b.additionToSeed()));
        }
      }
    }
    assertThat(chart.edges()).isEqualTo(expected);
  }

  @Test
  void theReferenceSopsEdges() {
    Chart chart = parse(MermaidExporter.mermaid(ReferenceSop.definition()));
    assertThat(chart.edges()).containsExactlyInAnyOrder(
        new Edge("mulai", "a1", null, false), new Edge("a1", "a2", null, false),
        new Edge("a2", "a3", "Ya", false), new Edge("a2", "a1", "Tidak*", true),
        new Edge("a3", "a4", null, false), new Edge("a4", "a5", null, false), new Edge("a5", "a6", null, false),
        new Edge("a6", "a7", null, false), new Edge("a7", "selesai", null, false));
    assertThat(chart.lanes()).containsEntry("lane_kasubag_hukum", List.of("a1", "a2", "a6"))
        .containsEntry("lane_tim_pembina_teknis", List.of("a3", "a5"))
        .containsEntry("lane_staf", List.of("a4", "a7"));
  }

  @Test
  void englishLabels() {
    Chart chart = parse(MermaidExporter.mermaid(Fixtures.secondApprovalVariant(), Language.EN));
    assertThat(chart.nodes().get("mulai").text()).isEqualTo("Start");
    assertThat(chart.nodes().get("selesai").text()).isEqualTo("End");
    assertThat(chart.edges()).contains(new Edge("a7", "a8", "Yes", false), new Edge("a7", "a5", "No", false),
        new Edge("a2", "a1", "No*", true));
  }

  @Test
  void noTextCanBreakOutOfItsQuotes() {
    String text = MermaidExporter.mermaid(Definitions.hostile());
    // Every double quote delimits a text: an even number per line, and no text holds markup characters.
    for (String line : text.split("\n")) {
      assertThat(line.chars().filter(c -> c == '"').count() % 2).as(line).isZero();
      Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(line);
      while (quoted.find()) {
        assertThat(quoted.group(1)).doesNotContain("<", ">", "&", "`");
      }
    }
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("%% ").doesNotContain("<", "\"");
    assertThat(parse(text).nodes().get("a3").text())
        .isEqualTo("3. Rapat #lt;script#gt;alert('x')#lt;/script#gt; #amp; #quot;co#quot;");
    assertThat(MermaidExporter.esc("a\"b#c&d<e>f`g\nh")).isEqualTo("a#quot;b#35;c#amp;d#lt;e#gt;f#96;g h");
  }

  private static String ref(Target t) {
    return t instanceof Target.ToActivity to ? "a" + to.number() : "selesai";
  }

  private static String unescape(String s) {
    return s.replace("#quot;", "\"").replace("#amp;", "&").replace("#lt;", "<").replace("#gt;", ">")
        .replace("#96;", "`").replace("#35;", "#");
  }
}
