package id.go.kpu.jdih.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.RemotePost;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.HttpApi;
import id.go.kpu.jdih.testkit.publish.NetFault;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emulation of the Telegram Bot API as the domain brief records it: {@code /bot<token>/sendMessage},
 * {@code sendPhoto}, {@code sendMediaGroup} (2 to 10 items, files by {@code attach://}); answers
 * {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code","description","parameters":{"retry_after"}}}.
 */
public final class TelegramEmulator extends WireMockEmulator {

  public static final String BOT_TOKEN = "7000000001:AAEmulatedBotSecret_Token-xyz";
  public static final String CHANNEL = "@jdihkpumentawai";

  /** What one send published: its first message, the number of photos, their bytes. */
  public record Sent(RemotePost post, int photos, List<byte[]> files) {}

  private final List<Sent> sent = new ArrayList<>();
  private long next = 400;

  /**
   * Starts the emulator on a free port of 127.0.0.1.
   *
   * @param clock the clock posts are stamped with
   * @param clients makes the client of the adapter under test
   */
  public TelegramEmulator(Clock clock, ClientFactory clients) {
    super(Platform.TELEGRAM, clock, AccessToken.of(BOT_TOKEN), clients);
  }

  @Override
  public synchronized ImmutableList<RemotePost> posts() {
    return sent.stream().map(Sent::post).collect(ImmutableList.toImmutableList());
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  @Override
  protected synchronized void clear() {
    sent.clear();
  }

  @Override
  protected boolean authorized(Req req) {
    return req.path().startsWith("/bot" + BOT_TOKEN + "/");
  }

  @Override
  protected Reply handle(Req req, NetFault fault) {
    String method = req.path().substring(req.path().lastIndexOf('/') + 1);
    if (!req.method().equals("POST") || !req.param("chat_id").map(CHANNEL::equals).orElse(false)) {
      return error(400, "Bad Request: chat not found", null);
    }
    switch (method) {
      case "sendMessage": {
        String text = req.param("text").orElse("");
        if (text.isEmpty() || text.length() > 4096) {
          return error(400, "Bad Request: message text is empty or too long", null);
        }
        return ok(send(text, List.of()));
      }
      case "sendPhoto": {
        Req.Part photo = req.parts().get("photo");
        if (photo == null || photo.fileName() == null) {
          return error(400, "Bad Request: there is no photo in the request", null);
        }
        return ok(send(req.param("caption").orElse(""), List.of(photo.bytes())));
      }
      case "sendMediaGroup": {
        JsonNode media;
        try {
          media = HttpApi.json().readTree(req.param("media").orElse("[]"));
        } catch (IOException e) {
          return error(400, "Bad Request: can't parse media JSON object", null);
        }
        if (media.size() < 2 || media.size() > 10) {
          return error(400, "Bad Request: media must include 2-10 items", null);
        }
        List<byte[]> files = new ArrayList<>();
        for (JsonNode m : media) {
          String ref = m.path("media").asText("");
          Req.Part part = ref.startsWith("attach://") ? req.parts().get(ref.substring(9)) : null;
          if (!"photo".equals(m.path("type").asText()) || part == null) {
            return error(400, "Bad Request: wrong file identifier/HTTP URL specified", null);
          }
          files.add(part.bytes());
        }
        Map<String, Object> first = send(media.path(0).path("caption").asText(""), files);
        List<Map<String, Object>> result = new ArrayList<>();
        result.add(first);
        for (int i = 1; i < files.size(); i++) {
          result.add(message(++next, ""));
        }
        return ok(result);
      }
      default:
        return error(404, "Not Found: method not found", null);
    }
  }

  private Map<String, Object> send(String text, List<byte[]> files) {
    long id = ++next;
    sent.add(new Sent(new RemotePost(String.valueOf(id), URI.create("https://t.me/jdihkpumentawai/" + id), text,
        clock.instant()), files.size(), files));
    return message(id, text);
  }

  private Map<String, Object> message(long id, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message_id", id);
    m.put("date", clock.instant().getEpochSecond());
    m.put("chat", Map.of("id", -1001234567890L, "type", "channel", "username", CHANNEL.substring(1)));
    m.put("caption", text);
    return m;
  }

  /** {@code {"ok":true,"result":...}}: one Message, or a list of them for a media group. */
  private static Reply ok(Object result) {
    return Reply.json(200, Map.of("ok", true, "result", result));
  }

  private static Reply error(int code, String description, Integer retryAfter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", false);
    body.put("error_code", code);
    body.put("description", description);
    if (retryAfter != null) {
      body.put("parameters", Map.of("retry_after", retryAfter));
    }
    return Reply.json(code, body);
  }

  @Override
  protected Reply serverError(Req req) {
    return Reply.text(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
  }

  @Override
  protected Reply rateLimited(Req req) {
    return error(429, "Too Many Requests: retry after 34", 34);
  }

  @Override
  protected Reply authError(Req req) {
    return error(401, "Unauthorized", null);
  }
}
