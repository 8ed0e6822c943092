package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.content.MediaItem;
import java.net.URI;

/**
 * The port through which adapters of the Graph APIs (Instagram, Facebook, Threads) get a public address for a
 * stored media item: those APIs fetch the image themselves from an {@code image_url} or {@code url}. X and Telegram
 * adapters upload the bytes instead, read from the {@link id.go.kpu.jdih.media.MediaStore}.
 *
 * <p>Implementations are thread-safe; an address must stay reachable until the platform has fetched it (for
 * Instagram, until the container is published).
 */
@FunctionalInterface
public interface PublicMediaUrls {

  /**
   * The public address of {@code item}'s bytes.
   *
   * @param item the stored media item
   * @return an absolute {@code https} (or, for emulators, {@code http}) address
   * @throws PlatformCallException of kind {@link FailureKind#NOT_SENT} if no address can be given now
   */
  URI publicUrl(MediaItem item);
}
