package id.go.kpu.jdih.archive;

/**
 * One media file of a verified bundle (a design image or meeting minutes), as the cases' events reference it.
 *
 * @param ref the media store's reference the events hold, e.g. {@code sha256:<hash>}
 * @param mediaType the MIME type the events give it
 * @param bytes its size
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 * @param entry the bundle entry holding it, e.g. {@code media/<sha256>.jpg}
 */
public record ArchivedMedia(String ref, String mediaType, long bytes, String sha256, String entry) {}
