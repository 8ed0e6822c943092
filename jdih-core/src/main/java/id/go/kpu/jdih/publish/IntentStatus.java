package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.i18n.Text;

/**
 * Where a {@link PublicationIntent} stands. The transitions (driven by {@link OutboxDelivery}):
 *
 * <pre>
 * PENDING ──► IN_PROGRESS ──► PUBLISHED
 *                  │  ▲   ├──► RETRY_SCHEDULED ──► IN_PROGRESS (when due)
 *                  │  │   ├──► NEEDS_CONFIRMATION ──► PUBLISHED (a person confirms the post)
 *                  │  │   │                      └──► RETRY_SCHEDULED (a person confirms it is not there)
 *                  │  │   └──► FAILED (certainly not published; a person may start a new round)
 *                  └──┘ (lease expired: the worker stopped; the next one reconciles first)
 * </pre>
 */
public enum IntentStatus {
  /** Recorded, not tried yet. */
  PENDING(Text.of("menunggu", "pending")),
  /** A worker holds it and is talking to the platform; the platform ids known so far are stored. */
  IN_PROGRESS(Text.of("sedang diproses", "in progress")),
  /** The platform published it: the post id, address and time are known. Final. */
  PUBLISHED(Text.of("terbit", "published")),
  /** Not published yet; tried again at the next attempt time (after a check with the platform if needed). */
  RETRY_SCHEDULED(Text.of("dijadwalkan ulang", "retry scheduled")),
  /**
   * The outcome cannot be determined from the platform: a person must look and confirm either "published, here is
   * the address" or "not published, try again". Nothing is sent until then.
   */
  NEEDS_CONFIRMATION(Text.of("perlu konfirmasi", "needs confirmation")),
  /** Certainly not published, and not retried automatically (a dead token, a refused post, too many failures). */
  FAILED(Text.of("gagal", "failed"));

  private final Text label;

  IntentStatus(Text label) {
    this.label = label;
  }

  /** The status in both languages. */
  public Text label() {
    return label;
  }

  /** True for {@link #PUBLISHED} and {@link #FAILED}: nothing happens any more without a person. */
  public boolean isFinal() {
    return this == PUBLISHED || this == FAILED;
  }

  /** True where the delivery has stopped and waits for a person: {@link #NEEDS_CONFIRMATION}, {@link #FAILED}. */
  public boolean waitsForPerson() {
    return this == NEEDS_CONFIRMATION || this == FAILED;
  }
}
