package id.go.kpu.jdih.workflow.property;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import java.util.Map;
import java.util.Set;

/**
 * A small model of an SOP written independently of the library, from the source document's table: which kind of
 * command each step takes, who performs it, where it leads. The property tests compare the library's decisions with
 * this model's.
 *
 * @param steps the steps by number
 * @param start the first step
 * @param withdrawalRole the role that may withdraw
 */
record SopModel(ImmutableMap<Integer, Step> steps, int start, String withdrawalRole) {

  /** End of the flow. */
  static final int END = 0;

  /**
   * One row.
   *
   * @param kind "propose", "decide", "meeting", "summary", "design", "caption", "publish"
   * @param role the executor role id
   * @param next where it leads (approved branch for a decision)
   * @param onReject where a rejection leads; -1 if not a decision
   */
  record Step(String kind, String role, int next, int onReject) {}

  /** SOP No. 6 Tahun 2023 as its table reads, with the reject branch of DOMAIN.md's decisions. */
  static SopModel reference() {
    return new SopModel(ImmutableMap.<Integer, Step>builder()
        .put(1, new Step("propose", "kasubag-hukum", 2, -1))
        .put(2, new Step("decide", "kasubag-hukum", 3, 1))
        .put(3, new Step("meeting", "tim-pembina-teknis", 4, -1))
        .put(4, new Step("summary", "staf", 5, -1))
        .put(5, new Step("design", "tim-pembina-teknis", 6, -1))
        .put(6, new Step("caption", "kasubag-hukum", 7, -1))
        .put(7, new Step("publish", "staf", END, -1))
        .build(), 1, "kasubag-hukum");
  }

  /** The variant with a second approval by Sekretaris after the caption, rejecting back to the design. */
  static SopModel secondApproval() {
    return new SopModel(ImmutableMap.<Integer, Step>builder()
        .put(1, new Step("propose", "kasubag-hukum", 2, -1))
        .put(2, new Step("decide", "kasubag-hukum", 3, 1))
        .put(3, new Step("meeting", "tim-pembina-teknis", 4, -1))
        .put(4, new Step("summary", "staf", 5, -1))
        .put(5, new Step("design", "tim-pembina-teknis", 6, -1))
        .put(6, new Step("caption", "kasubag-hukum", 7, -1))
        .put(7, new Step("decide", "sekretaris", 8, 5))
        .put(8, new Step("publish", "staf", END, -1))
        .build(), 1, "kasubag-hukum");
  }

  /**
   * The model's abstract state.
   *
   * @param status "new", "open", "published", "withdrawn"
   * @param step the current step (0 when not open)
   * @param revisions rejections so far
   * @param targets the proposal's platforms
   * @param published platforms published so far
   */
  record State(String status, int step, int revisions, Set<Platform> targets, Set<Platform> published) {
    static State initial() {
      return new State("new", 0, 0, ImmutableSet.of(), ImmutableSet.of());
    }
  }

  /** What the model expects of a command: accepted with the next state, or refused for a rule. */
  sealed interface Expect {
    /** Accepted. */
    record Accept(State next) implements Expect {}

    /** Refused. */
    record Refuse(String rule) implements Expect {}
  }

  /**
   * A command as the model sees it.
   *
   * @param kind the command kind ("propose", "approve", "reject", "meeting", "summary", "design", "caption",
   *     "publish", "task", "withdraw")
   * @param roles the actor's roles
   * @param validEnvelope whether the actor record is valid
   * @param validOutput whether the payload is valid
   * @param equipmentConfirmed for a meeting: whether all equipment was confirmed
   * @param platforms for a proposal: its platforms; for a publication: the platforms posted
   */
  record Cmd(String kind, Set<String> roles, boolean validEnvelope, boolean validOutput, boolean equipmentConfirmed,
      Set<Platform> platforms) {}

  Expect expect(State s, Cmd c) {
    if (!c.validEnvelope()) {
      return new Expect.Refuse("INVALID_COMMAND");
    }
    if (s.status().equals("published") || s.status().equals("withdrawn")) {
      return new Expect.Refuse("CASE_CLOSED");
    }
    if (s.status().equals("new") && !c.kind().equals("propose")) {
      return new Expect.Refuse("UNKNOWN_CASE");
    }
    if (c.kind().equals("withdraw")) {
      if (!c.roles().contains(withdrawalRole)) {
        return new Expect.Refuse("NOT_ALLOWED");
      }
      if (!c.validOutput()) {
        return new Expect.Refuse("INVALID_OUTPUT");
      }
      return new Expect.Accept(new State("withdrawn", 0, s.revisions(), s.targets(), s.published()));
    }
    int number = s.status().equals("new") ? start : s.step();
    Step step = steps.get(number);
    String wantedStep = switch (c.kind()) {
      case "approve", "reject" -> "decide";
      default -> c.kind();
    };
    if (!step.kind().equals(wantedStep)) {
      return new Expect.Refuse("OUT_OF_ORDER");
    }
    if (!c.roles().contains(step.role())) {
      return new Expect.Refuse("NOT_EXECUTOR");
    }
    if (c.kind().equals("meeting") && !c.equipmentConfirmed()) {
      return new Expect.Refuse("MISSING_INPUT");
    }
    if (!c.validOutput()) {
      return new Expect.Refuse("INVALID_OUTPUT");
    }
    switch (c.kind()) {
      case "propose":
        return new Expect.Accept(moveTo(step.next(), s.revisions(), c.platforms(), ImmutableSet.of()));
      case "reject":
        return new Expect.Accept(moveTo(step.onReject(), s.revisions() + 1, s.targets(), s.published()));
      case "publish": {
        for (Platform p : c.platforms()) {
          if (!s.targets().contains(p) || s.published().contains(p)) {
            return new Expect.Refuse("INVALID_OUTPUT");
          }
        }
        Set<Platform> published = ImmutableSet.<Platform>builder().addAll(s.published()).addAll(c.platforms())
            .build();
        if (published.containsAll(s.targets())) {
          return new Expect.Accept(moveTo(step.next(), s.revisions(), s.targets(), published));
        }
        return new Expect.Accept(new State("open", number, s.revisions(), s.targets(), published));
      }
      default:
        return new Expect.Accept(moveTo(step.next(), s.revisions(), s.targets(), s.published()));
    }
  }

  private static State moveTo(int next, int revisions, Set<Platform> targets, Set<Platform> published) {
    return next == END ? new State("published", 0, revisions, targets, published)
        : new State("open", next, revisions, targets, published);
  }

  /** Role ids of the model, for choosing actors. */
  static Map<String, String> roleNames() {
    return Map.of("kasubag-hukum", "Kasubag Hukum", "tim-pembina-teknis", "Tim Pembina/Teknis", "staf", "Staf",
        "sekretaris", "Sekretaris");
  }
}
