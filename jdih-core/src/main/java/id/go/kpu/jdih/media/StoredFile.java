package id.go.kpu.jdih.media;

/**
 * A file held by a {@link MediaStore}.
 *
 * @param ref the store's reference to it, used in media items and document references
 * @param mediaType the MIME type
 * @param bytes the size in bytes
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
public record StoredFile(String ref, String mediaType, long bytes, String sha256) {}
