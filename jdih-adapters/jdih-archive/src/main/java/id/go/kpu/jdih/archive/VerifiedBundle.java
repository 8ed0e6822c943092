package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.CaseId;
import java.util.Optional;

/**
 * What a bundle holds, after every check passed: every entry matches the manifest, nothing is missing or extra,
 * every case's hash chain is intact and ends at its recorded head, and every media file matches its references.
 *
 * @param definitions the SOP definitions the cases ran under, by key
 * @param cases the cases, ordered by id
 * @param media the media files, ordered by entry name
 * @param manifestSha256 the SHA-256 of {@code manifest.json}: one value that pins the whole bundle's content
 * @param bundleSha256 the SHA-256 of the ZIP file itself, to record beside the hardcopy
 */
public record VerifiedBundle(ImmutableMap<SopKey, SopDefinition> definitions, ImmutableList<ArchivedCase> cases,
    ImmutableList<ArchivedMedia> media, String manifestSha256, String bundleSha256) {

  /** All fields are required. */
  public VerifiedBundle {
    checkNotNull(definitions, "definitions");
    checkNotNull(cases, "cases");
    checkNotNull(media, "media");
    checkNotNull(manifestSha256, "manifestSha256");
    checkNotNull(bundleSha256, "bundleSha256");
  }

  /** The case with {@code id}, if the bundle holds it. */
  public Optional<ArchivedCase> find(CaseId id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The definition {@code c} ran under (always present in a verified bundle). */
  public SopDefinition definitionOf(ArchivedCase c) {
    return definitions.get(c.sop());
  }
}
