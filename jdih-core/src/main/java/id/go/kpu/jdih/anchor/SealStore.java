package id.go.kpu.jdih.anchor;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;

/**
 * The port for keeping {@link HeadSeal}s. It may live in the same database as the events: a seal is worthless
 * without the key, which does not live there. Deleting seals is the one thing an insider can do to it; the
 * runtime then refuses the case (a head without a seal), and {@link HeadDigest} covers the rest.
 *
 * <p>The runtime {@link #put puts} the seal of a case's new head <em>before</em> it appends the events (see
 * {@code docs/anchoring.md} for why), so a store may hold, for one case and sequence, several seals over different
 * heads: those of appends that lost a race or never happened. They are harmless: nobody has events that end at
 * those heads.
 *
 * <p>Implementations: {@link InMemorySealStore}; {@code JdbcSealStore} in jdih-store-jdbc. Thread-safe.
 */
public interface SealStore {

  /**
   * Stores {@code seal} (storing one that is stored already changes nothing), and may drop the case's seals with a
   * sequence below {@code dropBelow}: the caller verified that the case's head is sealed at {@code dropBelow}, and
   * no valid history of the case will end before it again.
   *
   * @param seal the seal
   * @param dropBelow seals of the case with a lower sequence may be dropped; 0 for none
   */
  void put(HeadSeal seal, long dropBelow);

  /** The case's seals at {@code sequence} (several if appends raced), in no particular order; empty if none. */
  ImmutableList<HeadSeal> find(CaseId caseId, long sequence);
}
