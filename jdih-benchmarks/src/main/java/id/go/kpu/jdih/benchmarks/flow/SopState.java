package id.go.kpu.jdih.benchmarks.flow;

/** The reference SOP as plain states: one per activity, and the end after the upload. */
public enum SopState {
  /** Activity 1, Pengusulan materi. */
  A1_PROPOSAL,
  /** Activity 2, Menyetujui draft (a decision: rejected goes back to activity 1). */
  A2_APPROVAL,
  /** Activity 3, Rapat. */
  A3_MEETING,
  /** Activity 4, Merangkum hasil rapat. */
  A4_SUMMARY,
  /** Activity 5, Design. */
  A5_DESIGN,
  /** Activity 6, Keterangan/caption. */
  A6_CAPTION,
  /** Activity 7, Mengunggah. */
  A7_PUBLICATION,
  /** Selesai. */
  PUBLISHED
}
