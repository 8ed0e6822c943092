package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Branch;
import id.go.kpu.jdih.sop.Outcome;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.Target;
import id.go.kpu.jdih.sop.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exports any SOP definition as a Mermaid flowchart ({@code flowchart TD}), for documentation sites and Markdown
 * files that render Mermaid.
 *
 * <p>Each role is a {@code subgraph} (a swimlane) holding its activities; an activity is a node {@code aN} with
 * the text {@code "N. Kegiatan"}, an approval a decision node {@code aN{...}}; {@code mulai(["Mulai"])} and
 * {@code selesai(["Selesai"])} are the terminators, outside the lanes. Edges follow the flow; a decision's exits
 * are labelled Ya and Tidak, and a branch the source SOP does not draw is dotted ({@code -.->}) with an
 * asterisk on its label.
 *
 * <p>Texts are written inside double quotes with Mermaid's entity codes for the characters that would end or
 * change them ({@code " # & < > `}), in the heading comment too, so no text can inject Mermaid syntax or markup;
 * line breaks become spaces.
 * Stateless and thread-safe.
 */
public final class MermaidExporter {

  /** The id of the start terminator. */
  public static final String START_ID = "mulai";
  /** The id of the end terminator. */
  public static final String END_ID = "selesai";

  private MermaidExporter() {}

  /** The Mermaid flowchart of {@code sop} with Indonesian labels. */
  public static String mermaid(SopDefinition sop) {
    return mermaid(sop, Language.defaultLanguage());
  }

  /** The Mermaid flowchart of {@code sop} with the fixed labels (Mulai, Selesai, Ya, Tidak) in {@code language}. */
  public static String mermaid(SopDefinition sop, Language language) {
    checkNotNull(sop, "sop");
    checkNotNull(language, "language");
    StringBuilder b = new StringBuilder();
    b.append("%% SOP ").append(esc(sop.identity().number())).append(" r").append(sop.identity().revision())
        .append(": ").append(esc(sop.title())).append('\n');
    b.append("flowchart TD\n");
    b.append("  ").append(START_ID).append("([\"").append(esc(Labels.START.in(language))).append("\"])\n");
    for (Role r : sop.roles()) {
      b.append("  subgraph ").append(laneId(r)).append("[\"").append(esc(r.name())).append("\"]\n");
      b.append("    direction TB\n");
      for (Activity a : sop.activities()) {
        if (a.executor().equals(r.id())) {
          boolean decision = sop.transitionAfter(a.number()) instanceof Transition.Decision;
          String text = esc(a.number() + ". " + a.description());
          b.append("    ").append(nodeId(a.number())).append(decision ? "{\"" : "[\"").append(text)
              .append(decision ? "\"}" : "\"]").append('\n');
        }
      }
      b.append("  end\n");
    }
    b.append("  ").append(END_ID).append("([\"").append(esc(Labels.END.in(language))).append("\"])\n");
    b.append("  ").append(START_ID).append(" --> ").append(nodeId(sop.flow().start())).append('\n');
    for (Activity a : sop.activities()) {
      Transition t = sop.transitionAfter(a.number());
      if (t instanceof Transition.Sequence s) {
        b.append("  ").append(nodeId(a.number())).append(" --> ").append(ref(s.next())).append('\n');
      } else if (t instanceof Transition.Decision d) {
        List<Branch> branches = new ArrayList<>(d.branches());
        branches.sort(Comparator.comparing(br -> br.outcome() == Outcome.APPROVED ? 0 : 1));
        for (Branch br : branches) {
          String label = br.outcome().label().in(language) + (br.additionToSeed() ? "*" : "");
          b.append("  ").append(nodeId(a.number())).append(br.additionToSeed() ? " -.->|\"" : " -->|\"")
              .append(esc(label)).append("\"| ").append(ref(br.target())).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** The node id of activity {@code number}: {@code a1}, {@code a2}, ... */
  public static String nodeId(int number) {
    return "a" + number;
  }

  /** The subgraph id of a role's lane: {@code lane_} and the role id with underscores, e.g. {@code lane_staf}. */
  public static String laneId(Role role) {
    return "lane_" + role.id().value().replace('-', '_');
  }

  private static String ref(Target t) {
    return t instanceof Target.ToActivity to ? nodeId(to.number()) : END_ID;
  }

  /** Mermaid entity codes for the characters that would end a quoted text or be read as markup. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("#quot;");
        case '#' -> b.append("#35;");
        case '&' -> b.append("#amp;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '`' -> b.append("#96;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
