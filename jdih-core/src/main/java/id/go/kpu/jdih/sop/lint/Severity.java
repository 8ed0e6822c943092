package id.go.kpu.jdih.sop.lint;

/** How serious a lint finding is. */
public enum Severity {
  /** The SOP cannot be followed as written (e.g. a path that never ends). */
  ERROR,
  /** The SOP can be followed but is inconsistent or incomplete. */
  WARNING,
  /** Worth knowing; nothing to fix. */
  INFO
}
