package id.go.kpu.jdih.publish.telegram;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.log.LogSafe;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PublicationIntent;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.ApiCall;
import id.go.kpu.jdih.publish.http.ApiResponse;
import id.go.kpu.jdih.publish.http.CredentialProvider;
import id.go.kpu.jdih.publish.http.Endpoint;
import id.go.kpu.jdih.publish.http.HttpApi;
import id.go.kpu.jdih.publish.http.MediaFiles;
import id.go.kpu.jdih.publish.http.Multipart;
import id.go.kpu.jdih.publish.http.PlatformErrors;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishes to a Telegram channel through the Bot API (the domain brief's contract, section 6, and the Bot API's
 * "Making requests" and {@code ResponseParameters} sections at core.telegram.org/bots/api):
 *
 * <ul>
 *   <li>no image: {@code sendMessage} ({@code chat_id}, {@code text}, at most 4,096 characters);</li>
 *   <li>one image: {@code sendPhoto} (multipart: {@code chat_id}, {@code caption}, {@code photo} with the bytes
 *       from the {@link MediaStore});</li>
 *   <li>2 to 10 images: {@code sendMediaGroup} (multipart: {@code chat_id}, {@code media} as a JSON list of
 *       {@code {"type":"photo","media":"attach://photoN"}} with the caption on the first, and the files).</li>
 * </ul>
 *
 * <p>The answer is {@code {"ok":true,"result":...}}; the first message's {@code message_id} is the post and goes to
 * the outbox at once. A failure is {@code {"ok":false,"error_code","description","parameters":{"retry_after"}}}:
 * 429 is {@link FailureKind#RATE_LIMITED} for {@code retry_after} seconds; 401 (bad bot token) and 403 (the bot may
 * not post in the channel) are {@link FailureKind#AUTH}; 400 is {@link FailureKind#REJECTED}; a 5xx or no answer is
 * {@link FailureKind#AMBIGUOUS}. A bot cannot read a channel's history, so there is no reconciliation
 * ({@link Reconciliation#NONE}): an ambiguous send waits for a person. The bot token is part of every request's path
 * ({@code /bot<token>/method}) as the Bot API requires; it is scrubbed from everything that is logged or thrown.
 * Thread-safe.
 */
public final class TelegramClient implements PlatformClient {

  private static final Pattern CHAT = Pattern.compile("@[A-Za-z0-9_]{5,32}|-?[0-9]{1,20}");
  private static final int MAX_GROUP = 10;

  private final HttpApi api;
  private final String chatId;
  private final URI channelUrl;
  private final CredentialProvider credentials;
  private final MediaStore media;
  private final Clock clock;

  /**
   * A client for one channel.
   *
   * @param endpoint the Bot API base, {@code https://api.telegram.org}, or an emulator's
   * @param chatId the channel: {@code @username} or its numeric id ({@code -100...})
   * @param channelUrl the channel's public address (for a private channel, its invite or {@code t.me/c/...} page)
   * @param credentials where the bot token comes from
   * @param media where the design's bytes are
   * @param clock the clock (publication times, retry times)
   */
  public TelegramClient(Endpoint endpoint, String chatId, URI channelUrl, CredentialProvider credentials,
      MediaStore media, Clock clock) {
    this.api = new HttpApi(Platform.TELEGRAM, checkNotNull(endpoint, "endpoint"));
    checkArgument(CHAT.matcher(checkNotNull(chatId, "chatId")).matches(), "invalid chat id: %s", chatId);
    this.chatId = chatId;
    this.channelUrl = checkNotNull(channelUrl, "channelUrl");
    this.credentials = checkNotNull(credentials, "credentials");
    this.media = checkNotNull(media, "media");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }

  @Override
  public Reconciliation reconciliation() {
    return Reconciliation.NONE;
  }

  @Override
  public URI postUrl(String postId) {
    if (chatId.startsWith("@")) {
      return URI.create("https://t.me/" + chatId.substring(1) + "/" + postId);
    }
    if (chatId.startsWith("-100")) {
      return URI.create("https://t.me/c/" + chatId.substring(4) + "/" + postId);
    }
    return channelUrl;
  }

  @Override
  public PostResult createPost(PostAttempt attempt, IdSink ids) {
    PublicationIntent intent = attempt.intent();
    List<MediaItem> items = intent.media();
    if (items.size() > MAX_GROUP) {
      throw new PlatformCallException(FailureKind.REJECTED, "TELEGRAM-MEDIA-COUNT", Text.of(
          "Telegram menerima paling banyak %d foto per kiriman; desain ini %d",
          "Telegram takes at most %d photos per send; this design has %d").format(MAX_GROUP, items.size()));
    }
    AccessToken token = PlatformErrors.token(credentials, Platform.TELEGRAM);
    String base = "/bot" + token.reveal() + "/";
    ApiCall call;
    if (items.isEmpty()) {
      call = ApiCall.post(base + "sendMessage").form("chat_id", chatId).form("text", intent.text())
          .scrubbing(token).publishing().build();
    } else if (items.size() == 1) {
      MediaItem item = items.get(0);
      call = ApiCall.post(base + "sendPhoto").multipart(new Multipart().field("chat_id", chatId)
          .field("caption", intent.text())
          .file("photo", MediaFiles.fileName(item), item.mediaType(), MediaFiles.read(media, item)))
          .scrubbing(token).publishing().build();
    } else {
      Multipart body = new Multipart().field("chat_id", chatId);
      ArrayNode list = HttpApi.json().createArrayNode();
      for (int i = 0; i < items.size(); i++) {
        ObjectNode photo = list.addObject().put("type", "photo").put("media", "attach://photo" + i);
        if (i == 0) {
          photo.put("caption", intent.text());
        }
      }
      try {
        body.field("media", HttpApi.json().writeValueAsString(list));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < items.size(); i++) {
        MediaItem item = items.get(i);
        body.file("photo" + i, MediaFiles.fileName(item), item.mediaType(), MediaFiles.read(media, item));
      }
      call = ApiCall.post(base + "sendMediaGroup").multipart(body).scrubbing(token).publishing().build();
    }
    ApiResponse r = api.send(call);
    JsonNode json = r.json();
    if (!r.ok() || !json.path("ok").asBoolean(false)) {
      throw classify(r);
    }
    JsonNode first = json.path("result").isArray() ? json.path("result").path(0) : json.path("result");
    if (!first.hasNonNull("message_id")) {
      throw PlatformErrors.unreadable(Platform.TELEGRAM, call, "result.message_id");
    }
    String id = first.get("message_id").asText();
    ids.record(PlatformId.Kind.POST, id);
    Instant at = first.has("date") ? Instant.ofEpochSecond(first.get("date").asLong()) : clock.instant();
    return new PostResult.Published(new PublishedPost(Platform.TELEGRAM, id, postUrl(id), at));
  }

  private PlatformCallException classify(ApiResponse r) {
    JsonNode json = r.json();
    int code = json.path("error_code").asInt(r.status());
    String description = LogSafe.escape(json.path("description").asText(r.status() + ""));
    String pc = "TELEGRAM-" + code;
    if (code == 429) {
      Optional<Instant> at = json.path("parameters").has("retry_after")
          ? Optional.of(clock.instant().plusSeconds(json.path("parameters").path("retry_after").asLong()))
          : Optional.empty();
      return new PlatformCallException(FailureKind.RATE_LIMITED, pc, Text.of(
          "Telegram membatasi laju (%s); dicoba lagi setelah jeda yang diminta",
          "Telegram is rate-limiting (%s); retrying after the requested pause").format(description), at, null);
    }
    if (code == 401) {
      return new PlatformCallException(FailureKind.AUTH, pc, Text.of(
          "Token bot Telegram tidak sah (401): buat token baru di @BotFather lalu perbarui pengaturan",
          "The Telegram bot token is invalid (401): get a new token from @BotFather and update the settings"));
    }
    if (code == 403) {
      return new PlatformCallException(FailureKind.AUTH, pc, Text.of(
          "Bot tidak boleh mengirim ke %s (403: %s): jadikan bot admin kanal dengan izin memposting",
          "The bot may not post to %s (403: %s): make it an admin of the channel allowed to post")
          .format(chatId, description));
    }
    if (code >= 500 || json.isMissingNode()) {
      return new PlatformCallException(FailureKind.AMBIGUOUS, pc, Text.of(
          "Telegram menjawab %d tanpa hasil; kiriman mungkin sudah terbit", "Telegram answered %d without a result; the "
              + "message may have gone out").format(r.status()));
    }
    return new PlatformCallException(FailureKind.REJECTED, pc, Text.of("Telegram menolak kiriman (%s)",
        "Telegram refused the message (%s)").format(description));
  }
}
