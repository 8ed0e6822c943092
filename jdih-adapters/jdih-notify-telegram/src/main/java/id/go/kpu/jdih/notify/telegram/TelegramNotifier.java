package id.go.kpu.jdih.notify.telegram;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.notify.Mask;
import id.go.kpu.jdih.notify.Notification;
import id.go.kpu.jdih.notify.NotificationException;
import id.go.kpu.jdih.notify.Notifier;
import id.go.kpu.jdih.notify.RedactedException;
import id.go.kpu.jdih.publish.http.BoundedBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to a person's Telegram chat with the Bot API's {@code sendMessage}, on channel
 * {@value #CHANNEL}: the subject, a blank line and the body, as plain text in the recipient's language, cut to
 * Telegram's 4096 characters.
 *
 * <p>Answers: {@code "ok": true} is sent; 429 ({@code Too Many Requests}) is retried after the
 * {@code parameters.retry_after} seconds Telegram asks for; 400 (chat not found) and 403 (the person blocked the
 * bot) are refused for good; anything else, a time-out or no connection is retried with back-off by the
 * {@link id.go.kpu.jdih.notify.NotificationService}.
 *
 * <p>Thread-safe. The bot token is in the request path only: never in a log line, an exception message or a
 * {@code toString}; chat ids are masked.
 */
public final class TelegramNotifier implements Notifier {

  /** The channel name. */
  public static final String CHANNEL = "telegram";
  /** The longest text Telegram accepts in one message. */
  public static final int MAX_TEXT = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
  /** The largest answer read unless the constructor says otherwise: 1 MiB, far above any sendMessage answer. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;

  private final TelegramSettings settings;
  private final HttpClient client;
  private final URI sendMessage;
  private final long maxResponseBytes;

  /** A notifier over {@code settings} with its own HTTP client. */
  public TelegramNotifier(TelegramSettings settings) {
    this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build());
  }

  /** A notifier over {@code settings} using {@code client} (e.g. one with the office's proxy). */
  public TelegramNotifier(TelegramSettings settings, HttpClient client) {
    this(settings, client, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * A notifier over {@code settings} using {@code client}, reading answers of at most {@code maxResponseBytes};
   * a longer answer fails the send (retried later) without being read.
   */
  public TelegramNotifier(TelegramSettings settings, HttpClient client, long maxResponseBytes) {
    this.settings = checkNotNull(settings, "settings");
    this.client = checkNotNull(client, "client");
    checkArgument(maxResponseBytes > 0, "maxResponseBytes must be positive");
    this.maxResponseBytes = maxResponseBytes;
    this.sendMessage = URI.create(settings.apiBase() + "/bot" + settings.token().reveal() + "/sendMessage");
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean canReach(Contact contact) {
    return contact.telegramChatId().isPresent();
  }

  @Override
  public void send(Notification notification) {
    checkNotNull(notification, "notification");
    Contact to = notification.recipient();
    String chat = to.telegramChatId().orElseThrow(() -> NotificationException.permanent(Text.of(
        "%s tidak punya chat id Telegram", "%s has no Telegram chat id").format(to), null));
    String maskedChat = Mask.telegram(chat);
    Map<String, String> secrets = ImmutableMap.of(settings.token().reveal(), Mask.HIDDEN, chat, maskedChat);
    HttpResponse<byte[]> response;
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(sendMessage)
          .timeout(settings.timeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body(chat, notification), StandardCharsets.UTF_8))
          .build();
    } catch (JsonProcessingException e) {
      throw new NotificationException(Text.of("pesan Telegram tidak dapat disusun", "the Telegram message cannot be "
          + "built"), RedactedException.of(e, m -> Mask.scrub(m, secrets)));
    }
    // One deadline for the whole call, body included: the request's time-out covers only the headers.
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, BoundedBody.handler(maxResponseBytes));
    try {
      response = pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      pending.cancel(true);
      HttpTimeoutException e = new HttpTimeoutException("no complete answer within " + settings.timeout());
      throw new NotificationException(Text.of("Telegram ke chat %s tidak terjangkau: %s",
          "Telegram to chat %s is unreachable: %s").format(maskedChat, describe(e, secrets)),
          RedactedException.of(e, m -> Mask.scrub(m, secrets)));
    } catch (ExecutionException wrapped) {
      Throwable e = wrapped.getCause() == null ? wrapped : wrapped.getCause();
      if (e instanceof BoundedBody.TooLarge) {
        throw new NotificationException(Text.of(
            "jawaban Telegram untuk chat %s melebihi batas %s bita dan tidak dibaca",
            "the Telegram answer for chat %s is over the limit of %s bytes and was not read")
            .format(maskedChat, maxResponseBytes), RedactedException.of(e, m -> Mask.scrub(m, secrets)));
      }
      throw new NotificationException(Text.of("Telegram ke chat %s tidak terjangkau: %s",
          "Telegram to chat %s is unreachable: %s").format(maskedChat, describe(e, secrets)),
          RedactedException.of(e, m -> Mask.scrub(m, secrets)));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new NotificationException(Text.of("pengiriman Telegram dihentikan", "the Telegram send was interrupted"),
          RedactedException.of(e, m -> Mask.scrub(m, secrets)));
    }
    answer(response, notification, maskedChat, secrets);
  }

  private static String body(String chat, Notification n) throws JsonProcessingException {
    ObjectNode json = JSON.createObjectNode();
    if (chat.startsWith("@")) {
      json.put("chat_id", chat);
    } else {
      json.put("chat_id", Long.parseLong(chat));
    }
    json.put("text", cut(n.subjectText() + "\n\n" + n.bodyText()));
    json.put("disable_web_page_preview", true);
    return JSON.writeValueAsString(json);
  }

  /** {@code text}, or its first 4095 UTF-16 units and an ellipsis, never splitting a surrogate pair. */
  static String cut(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int end = MAX_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  private void answer(HttpResponse<byte[]> response, Notification n, String maskedChat,
      Map<String, String> secrets) {
    int status = response.statusCode();
    JsonNode json;
    try {
      json = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw new NotificationException(Text.of("Telegram menjawab HTTP %s yang tidak terbaca untuk chat %s",
          "Telegram answered an unreadable HTTP %s for chat %s").format(status, maskedChat), null);
    }
    if (status == 200 && json.path("ok").asBoolean(false)) {
      LOG.debug("telegram {} sent to chat {}", LogSafe.of(n.key()), LogSafe.of(maskedChat));
      return;
    }
    int code = json.path("error_code").asInt(status);
    String description = LogSafe.escape(Mask.scrub(json.path("description").asText("-"), secrets));
    Text detail = Text.of("Telegram menolak pesan ke chat %s: %s %s", "Telegram refused the message to chat %s: %s %s")
        .format(maskedChat, code, description);
    if (code == 429 || status == 429) {
      JsonNode after = json.path("parameters").path("retry_after");
      Duration wait = after.canConvertToLong() && after.asLong() >= 0 ? Duration.ofSeconds(after.asLong())
          : DEFAULT_RETRY_AFTER;
      throw NotificationException.retryAfter(detail, wait, null);
    }
    if (code == 400 || code == 403) {
      throw NotificationException.permanent(detail, null);
    }
    throw new NotificationException(detail, null);
  }

  private static String describe(Throwable e, Map<String, String> secrets) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + Mask.scrub(m, secrets));
  }

  @Override
  public String toString() {
    return "TelegramNotifier[" + settings + "]";
  }
}
