package id.go.kpu.jdih.benchmarks.flow;

import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import java.util.List;

/**
 * One transition of the reference SOP for the plain state-machine libraries: on {@code event} in {@code from}, go to
 * {@code to} if the actor holds {@code role} and the output is present.
 *
 * @param from the source state
 * @param event the event
 * @param to the target state
 * @param role the executor role of the source activity
 */
public record Edge(SopState from, SopEvent event, SopState to, RoleId role) {

  /**
   * The eight transitions of the reference SOP, with each activity's executor role read from {@code sop} (so the
   * models and jdih check the same roles): 1→2, 2→3 approved, 2→1 rejected, 3→4, 4→5, 5→6, 6→7, 7→end.
   */
  public static List<Edge> of(SopDefinition sop) {
    return List.of(
        new Edge(SopState.A1_PROPOSAL, SopEvent.PROPOSE, SopState.A2_APPROVAL, executor(sop, 1)),
        new Edge(SopState.A2_APPROVAL, SopEvent.APPROVE, SopState.A3_MEETING, executor(sop, 2)),
        new Edge(SopState.A2_APPROVAL, SopEvent.REJECT, SopState.A1_PROPOSAL, executor(sop, 2)),
        new Edge(SopState.A3_MEETING, SopEvent.RECORD_MEETING, SopState.A4_SUMMARY, executor(sop, 3)),
        new Edge(SopState.A4_SUMMARY, SopEvent.SUMMARIZE, SopState.A5_DESIGN, executor(sop, 4)),
        new Edge(SopState.A5_DESIGN, SopEvent.ATTACH_DESIGN, SopState.A6_CAPTION, executor(sop, 5)),
        new Edge(SopState.A6_CAPTION, SopEvent.WRITE_CAPTION, SopState.A7_PUBLICATION, executor(sop, 6)),
        new Edge(SopState.A7_PUBLICATION, SopEvent.RECORD_PUBLICATION, SopState.PUBLISHED, executor(sop, 7)));
  }

  private static RoleId executor(SopDefinition sop, int activity) {
    return sop.activity(activity).orElseThrow().executor();
  }
}
