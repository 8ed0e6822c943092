package id.go.kpu.jdih.benchmarks.flow;

/** The reference SOP's commands as plain events, one per jdih command kind. */
public enum SopEvent {
  PROPOSE,
  APPROVE,
  REJECT,
  RECORD_MEETING,
  SUMMARIZE,
  ATTACH_DESIGN,
  WRITE_CAPTION,
  RECORD_PUBLICATION
}
