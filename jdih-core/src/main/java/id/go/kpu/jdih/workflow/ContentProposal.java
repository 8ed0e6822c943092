package id.go.kpu.jdih.workflow;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.Platform;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * The output of the proposal activity: the material and category of the content, in writing (materi konten
 * dibuat secara tertulis).
 *
 * @param title a short title
 * @param category produk hukum or informasi hukum
 * @param material the written material
 * @param legalProduct the legal product the content is about, with its JDIHN metadata, if any
 * @param platforms the platforms the content will be published on
 */
public record ContentProposal(
    @NotBlank @Size(max = 200) String title,
    @NotNull ContentCategory category,
    @NotBlank String material,
    @NotNull Optional<@Valid LegalProductRef> legalProduct,
    @NotEmpty ImmutableSet<@NotNull Platform> platforms) {

  /** A proposal; the platforms are copied. */
  @SuppressWarnings("NullAway") // a null set goes on to the record: validation reports it by field name
  public ContentProposal(String title, ContentCategory category, String material,
      Optional<LegalProductRef> legalProduct, java.util.Set<Platform> platforms) {
    this(title, category, material, legalProduct, platforms == null ? null : ImmutableSet.copyOf(platforms));
  }
}
