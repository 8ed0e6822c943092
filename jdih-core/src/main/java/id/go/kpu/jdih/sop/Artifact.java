package id.go.kpu.jdih.sop;

/**
 * The kinds of work product a content case records. Each {@link ActivityKind} produces some of them; a
 * {@link Requirement.Document} requirement names the artifact an activity needs as input.
 */
public enum Artifact {
  /** The written content material (materi konten dibuat secara tertulis). */
  WRITTEN_MATERIAL,
  /** The decision on a draft: approved or not. */
  DECISION,
  /** The meeting's conclusions (kesimpulan rapat). */
  MEETING_CONCLUSIONS,
  /** The meeting's minutes (notulen rapat). */
  MINUTES,
  /** The summary of the meeting's results (rangkuman hasil rapat). */
  SUMMARY,
  /** The content design (design konten). */
  DESIGN,
  /** The caption (keterangan/caption). */
  CAPTION,
  /** The published content (konten produk/informasi hukum). */
  PUBLISHED_CONTENT,
  /** The result of a generic task added by a variant. */
  TASK_RESULT
}
