package id.go.kpu.jdih.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A stored document, e.g. the minutes (notulen) of a meeting.
 *
 * @param fileRef the media store's reference to the stored file
 * @param name the document's name as shown to people, e.g. {@code notulen-rapat-2024-03-01.pdf}
 * @param mediaType the MIME type, e.g. {@code application/pdf}
 * @param bytes the size in bytes
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 */
public record DocumentRef(
    @NotBlank String fileRef,
    @NotBlank String name,
    @NotBlank @Pattern(regexp = "[a-z]+/[a-z0-9.+-]+", message = "MIME type") String mediaType,
    @Positive long bytes,
    @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "SHA-256 hex") String sha256) {}
