package id.go.kpu.jdih.publish.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PublishRequest;

/**
 * The calls each platform's publishing contract makes for a request (Instagram and Threads: container, then
 * publish; Facebook: photos or feed; X: media upload, then tweet; Telegram: sendPhoto, sendMediaGroup or
 * sendMessage). Placeholders in braces stand for ids the platform would return.
 */
final class PlatformCalls {
  private PlatformCalls() {}

  static ArrayNode of(Platform platform, PublishRequest r, ObjectMapper json) {
    ArrayNode calls = json.createArrayNode();
    int n = r.media().size();
    switch (platform) {
      case INSTAGRAM -> {
        if (n == 1) {
          call(calls, "POST", "/{ig-user-id}/media").put("image_url", url(r.media().get(0)))
              .put("caption", r.text());
        } else {
          for (MediaItem m : r.media()) {
            call(calls, "POST", "/{ig-user-id}/media").put("image_url", url(m)).put("is_carousel_item", true);
          }
          call(calls, "POST", "/{ig-user-id}/media").put("media_type", "CAROUSEL")
              .put("children", "{child container ids}").put("caption", r.text());
        }
        call(calls, "GET", "/{container-id}").put("fields", "status_code");
        call(calls, "POST", "/{ig-user-id}/media_publish").put("creation_id", "{container-id}");
      }
      case FACEBOOK -> {
        if (n == 1) {
          call(calls, "POST", "/{page-id}/photos").put("url", url(r.media().get(0))).put("caption", r.text());
        } else {
          for (MediaItem m : r.media()) {
            call(calls, "POST", "/{page-id}/photos").put("url", url(m)).put("published", false);
          }
          call(calls, "POST", "/{page-id}/feed").put("message", r.text())
              .put("attached_media", "[{\"media_fbid\":\"{photo ids}\"}]");
        }
      }
      case THREADS -> {
        ObjectNode c = call(calls, "POST", "/{threads-user-id}/threads").put("text", r.text());
        if (n == 0) {
          c.put("media_type", "TEXT");
        } else if (n == 1) {
          c.put("media_type", "IMAGE").put("image_url", url(r.media().get(0)));
        } else {
          c.put("media_type", "CAROUSEL").put("children", "{item container ids}");
        }
        call(calls, "POST", "/{threads-user-id}/threads_publish").put("creation_id", "{container-id}");
      }
      case X -> {
        for (MediaItem m : r.media()) {
          call(calls, "POST", "/2/media/upload").put("media_type", m.mediaType()).put("file", m.fileRef());
        }
        ObjectNode tweet = call(calls, "POST", "/2/tweets").put("text", r.text());
        if (n > 0) {
          tweet.putObject("media").put("media_ids", "{uploaded media ids}");
        }
      }
      case TELEGRAM -> {
        if (n == 0) {
          call(calls, "POST", "/bot{token}/sendMessage").put("chat_id", "{channel}").put("text", r.text());
        } else if (n == 1) {
          call(calls, "POST", "/bot{token}/sendPhoto").put("chat_id", "{channel}")
              .put("photo", url(r.media().get(0))).put("caption", r.text());
        } else {
          call(calls, "POST", "/bot{token}/sendMediaGroup").put("chat_id", "{channel}")
              .put("media", n + " photos, caption on the first").put("caption", r.text());
        }
      }
      default -> throw new IllegalStateException("unknown platform " + platform);
    }
    return calls;
  }

  private static ObjectNode call(ArrayNode calls, String method, String path) {
    ObjectNode c = calls.addObject();
    c.put("method", method).put("path", path);
    return c.putObject("params");
  }

  private static String url(MediaItem m) {
    return "{public URL of " + m.fileRef() + "}";
  }
}
