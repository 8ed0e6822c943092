package id.go.kpu.jdih.export;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.sop.Nip;
import java.util.Optional;

/**
 * The person who signs a form, e.g. the official who did the monitoring ("Yang melakukan monitoring").
 *
 * @param position the position (jabatan), e.g. {@code Kepala Subbagian Hukum}
 * @param name the name as printed
 * @param nip the NIP, if the signatory is a civil servant
 */
public record Signatory(String position, String name, Optional<Nip> nip) {

  /** Checks the parts. */
  public Signatory {
    checkNotNull(position, "position");
    checkNotNull(name, "name");
    checkNotNull(nip, "nip");
  }
}
