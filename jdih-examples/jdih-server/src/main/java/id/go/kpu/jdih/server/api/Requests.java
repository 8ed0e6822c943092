package id.go.kpu.jdih.server.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's JSON request bodies, each field bounded. */
public final class Requests {
  private Requests() {}

  /** Content proposed for publication (activity 1 of the reference SOP). */
  public record Propose(
      @NotBlank @Size(max = 200) String title,
      @NotNull @Pattern(regexp = "PRODUK_HUKUM|INFORMASI_HUKUM") String category,
      @NotBlank @Size(max = 20_000) String material,
      @Valid LegalProduct legalProduct,
      @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "INSTAGRAM|FACEBOOK|THREADS|X|TELEGRAM") String>
          platforms) {}

  /** The legal product a proposal is about (the required fields of the JDIH metadata). */
  public record LegalProduct(
      @NotBlank @Size(max = 100) String documentType,
      @NotBlank @Size(max = 500) String title,
      @NotBlank @Size(max = 200) String issuingBody,
      @NotBlank @Size(max = 50) String number,
      @NotBlank @Size(max = 100) String form,
      @Min(1945) @Max(2100) int year) {}

  /** An approval, with an optional note. */
  public record Approve(@Size(max = 2_000) String note) {}

  /** A rejection with its reason for the proposer. */
  public record Reject(@NotBlank @Size(max = 2_000) String reason) {}

  /** The summary of the meeting's results. */
  public record Summarize(@NotBlank @Size(max = 20_000) String summary) {}

  /** The caption, with optional per-platform variants. */
  public record WriteCaption(@NotBlank @Size(max = 10_000) String text,
      @Size(max = 5) Map<@Pattern(regexp = "INSTAGRAM|FACEBOOK|THREADS|X|TELEGRAM") String,
          @NotBlank @Size(max = 10_000) String> perPlatform) {}

  /** Posts made by hand outside the outbox. */
  public record RecordPublication(@NotEmpty @Size(max = 5) List<@Valid @NotNull Post> posts) {}

  /** One post made by hand. */
  public record Post(@NotNull @Pattern(regexp = "INSTAGRAM|FACEBOOK|THREADS|X|TELEGRAM") String platform,
      @NotBlank @Size(max = 200) String postId, @NotBlank @Size(max = 2_000) @Pattern(regexp = "https://.+") String url,
      @NotNull Instant publishedAt) {}

  /** The result of a generic task a variant added. */
  public record CompleteTask(@NotBlank @Size(max = 20_000) String result) {}

  /** A withdrawal with its reason. */
  public record Withdraw(@NotBlank @Size(max = 2_000) String reason) {}
}
