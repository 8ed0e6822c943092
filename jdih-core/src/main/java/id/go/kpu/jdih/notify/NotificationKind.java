package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.i18n.Text;

/** What a notification is about, and so whom the {@link NotificationPolicy} tells. */
public enum NotificationKind {
  /** An activity became available: its executors learn the work is theirs and when it is due. */
  AVAILABLE(Text.of("tugas baru", "new task")),
  /** An open activity entered its due-soon window: its executors and the escalation role are told. */
  DUE_SOON(Text.of("segera jatuh tempo", "due soon")),
  /** An open activity passed its deadline: its executors and the escalation role are told. */
  OVERDUE(Text.of("terlambat", "overdue")),
  /** A draft was not approved: the person who proposed it learns the reason. */
  REJECTED(Text.of("tidak disetujui", "rejected")),
  /** The content was published on every target platform: the escalation role is told. */
  PUBLISHED(Text.of("terbit", "published")),
  /** A publication attempt's outcome is unknown and a person must confirm it: the escalation role is told. */
  NEEDS_CONFIRMATION(Text.of("perlu konfirmasi publikasi", "publication needs confirmation"));

  private final Text label;

  NotificationKind(Text label) {
    this.label = label;
  }

  /** The kind in both languages. */
  public Text label() {
    return label;
  }
}
