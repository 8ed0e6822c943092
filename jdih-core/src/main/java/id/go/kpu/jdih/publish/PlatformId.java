package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * An id the platform gave during a publication, stored the moment it is known so that a later attempt can resume
 * (reuse a container or an upload) and a reconciliation can ask the platform about it.
 *
 * @param kind what the id names
 * @param value the platform's id
 * @param at when it became known
 */
public record PlatformId(Kind kind, String value, Instant at) {

  /** Checks the fields. */
  public PlatformId {
    checkNotNull(kind, "kind");
    checkNotNull(value, "value");
    checkArgument(!value.isBlank() && value.length() <= 256, "platform id must be 1..256 characters: '%s'", value);
    checkNotNull(at, "at");
  }

  /** What a platform id names. */
  public enum Kind {
    /** An Instagram or Threads carousel item container ({@code is_carousel_item=true}). */
    CHILD_CONTAINER,
    /** The Instagram or Threads container that is published ({@code creation_id}). */
    CONTAINER,
    /** An X media upload ({@code POST /2/media/upload}). */
    MEDIA_UPLOAD,
    /** A Facebook photo uploaded with {@code published=false}, to be attached to a feed post. */
    PHOTO,
    /** The published post itself: once known, the intent is published. */
    POST
  }
}
