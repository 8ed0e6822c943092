package id.go.kpu.jdih.anchor;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.List;
import java.util.Optional;

/**
 * Seals heads and checks them: a {@link HeadSigner} and a {@link SealStore} together. The runtime uses it when it
 * is built with {@code sealWith}; an archive or a report may use it the same way.
 *
 * <p><b>Protocol.</b> Before a command's events are appended, {@link #sealBeforeAppend} stores the seal of the head
 * they will make. After the append nothing more is written, so there is no moment at which the events are stored
 * and their head is not sealed: a crash between the seal and the append, or an append that loses a race, leaves
 * only a seal over a head no history has, which nobody can use (it would take events whose chain ends at that
 * hash, and those were never stored). A reader then accepts a verified history only if a seal of the key is
 * stored for exactly its length and head hash ({@link #check}).
 *
 * <p>Thread-safe if the signer and the store are.
 */
public final class HeadSeals {

  private final HeadSigner signer;
  private final SealStore store;

  /** Seals with {@code signer}'s key, kept in {@code store}. */
  public HeadSeals(HeadSigner signer, SealStore store) {
    this.signer = checkNotNull(signer, "signer");
    this.store = checkNotNull(store, "store");
  }

  /** The key. */
  public HeadSigner signer() {
    return signer;
  }

  /** Where the seals are kept. */
  public SealStore store() {
    return store;
  }

  /**
   * Stores the seal of the head {@code events} make when appended to a case at {@code expectedVersion}; call it
   * before the append. The seals below {@code expectedVersion} are no longer needed (the caller verified that the
   * case is sealed at {@code expectedVersion}) and may be dropped.
   *
   * @param events the events about to be appended, in order; none: nothing is sealed
   */
  public void sealBeforeAppend(CaseId caseId, long expectedVersion, List<RecordedEvent> events) {
    checkNotNull(caseId, "caseId");
    if (events.isEmpty()) {
      return;
    }
    RecordedEvent last = events.get(events.size() - 1);
    store.put(HeadSeal.of(signer, caseId, last.sequence(), last.hash()), expectedVersion);
  }

  /**
   * Seals the current head of a verified {@code history} without checking it: for a case a person has checked (an
   * existing database on which sealing is turned on, a history restored from a trusted copy).
   *
   * @return the seal, or empty for an empty history
   */
  public Optional<HeadSeal> sealHead(CaseId caseId, List<RecordedEvent> history) {
    checkNotNull(caseId, "caseId");
    if (history.isEmpty()) {
      return Optional.empty();
    }
    HeadSeal seal = HeadSeal.of(signer, caseId, history.size(), HashChain.head(history));
    store.put(seal, 0);
    return Optional.of(seal);
  }

  /**
   * Checks that the head of {@code history} (whose hash chain the caller verified) is sealed by the key: a seal of
   * the key is stored for its length and its head hash. An empty history needs no seal.
   *
   * @throws HeadSealException if not
   */
  public void check(CaseId caseId, List<RecordedEvent> history) {
    checkNotNull(caseId, "caseId");
    if (history.isEmpty()) {
      return;
    }
    long sequence = history.size();
    String head = HashChain.head(history);
    ImmutableList<HeadSeal> found = store.find(caseId, sequence);
    boolean named = false;
    for (HeadSeal s : found) {
      if (s.caseId().equals(caseId) && s.isFor(sequence, head)) {
        if (s.verifiedBy(signer)) {
          return;
        }
        named = true;
      }
    }
    throw new HeadSealException(caseId, sequence,
        named ? HeadSealException.Problem.BAD_TAG : HeadSealException.Problem.NO_SEAL);
  }
}
