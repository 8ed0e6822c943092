package id.go.kpu.jdih.event.json;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IntentId;
import id.go.kpu.jdih.publish.IntentNote;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.Problem;
import id.go.kpu.jdih.publish.PublicationIntent;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.workflow.CaseId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of an outbox intent's state ({@link IntentState}), as the durable outbox stores keep it: one object,
 * format version {@value #FORMAT_VERSION}, every field of the state by the names below (the format's own, not Java
 * names). Optional values that are empty are absent. Reading is strict: an unknown or missing field is refused with
 * an {@link EventJsonException} naming its path.
 *
 * <pre>{@code
 * {"v":1,"intent":{"id":"kasus-1.x.r1","caseId":"kasus-1","platform":"X","round":1,"text":"...",
 *   "media":[{"fileRef":..,"mediaType":..,"width":..,"height":..,"bytes":..,"sha256":..}],
 *   "requestedBy":{"nip":..,"name":..,"roles":[..]},"requestedAt":"2024-03-04T02:00:00Z"},
 *  "status":"RETRY_SCHEDULED","version":3,"ids":[{"kind":"MEDIA_UPLOAD","value":"..","at":".."}],
 *  "liveIdsFrom":0,"sendAttempts":1,"failures":1,"rateLimitWaits":0,"polls":0,"reconcileFirst":false,
 *  "reconcileChecks":0,"notFoundLookups":0,"duplicateSignal":false,"firstSentAt":"..","nextAttemptAt":"..",
 *  "leaseUntil":"..","post":{"platform":..,"postId":..,"url":..,"publishedAt":..},
 *  "problem":{"kind":"NOT_SENT","code":"..","text":{"id":..,"en":..},"at":".."},"caseRecorded":false,
 *  "notes":[{"at":"..","status":"PENDING","text":{"id":..,"en":..}}],"updatedAt":".."}
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class OutboxJson {

  /** The format version written and read. */
  public static final int FORMAT_VERSION = 1;

  private static final Text SUBJECT = Text.of("JSON niat terbit", "outbox intent JSON");
  private static final Set<String> STATE = ImmutableSet.of("v", "intent", "status", "version", "ids", "liveIdsFrom",
      "sendAttempts", "failures", "rateLimitWaits", "polls", "reconcileFirst", "reconcileChecks", "notFoundLookups",
      "duplicateSignal", "firstSentAt", "nextAttemptAt", "leaseUntil", "post", "problem", "caseRecorded", "notes",
      "updatedAt");
  private static final Set<String> INTENT = ImmutableSet.of("id", "caseId", "platform", "round", "text", "media",
      "requestedBy", "requestedAt");
  private static final Set<String> ID = ImmutableSet.of("kind", "value", "at");
  private static final Set<String> POST = ImmutableSet.of("platform", "postId", "url", "publishedAt");
  private static final Set<String> PROBLEM = ImmutableSet.of("kind", "code", "text", "at");
  private static final Set<String> NOTE = ImmutableSet.of("at", "status", "text");

  /** A codec. */
  public OutboxJson() {}

  /** {@code state} as one line of JSON. */
  public String write(IntentState state) {
    checkNotNull(state, "state");
    ObjectNode o = StoredJson.MAPPER.createObjectNode();
    o.put("v", FORMAT_VERSION);
    PublicationIntent i = state.intent();
    ObjectNode in = o.putObject("intent");
    in.put("id", i.id().value()).put("caseId", i.caseId().value()).put("platform", i.platform().name())
        .put("round", i.round()).put("text", i.text());
    ArrayNode media = in.putArray("media");
    i.media().forEach(m -> StoredJson.media(media.addObject(), m));
    StoredJson.person(in.putObject("requestedBy"), i.requestedBy());
    in.put("requestedAt", i.requestedAt().toString());
    o.put("status", state.status().name()).put("version", state.version());
    ArrayNode ids = o.putArray("ids");
    state.ids().forEach(id -> ids.addObject().put("kind", id.kind().name()).put("value", id.value())
        .put("at", id.at().toString()));
    o.put("liveIdsFrom", state.liveIdsFrom()).put("sendAttempts", state.sendAttempts())
        .put("failures", state.failures()).put("rateLimitWaits", state.rateLimitWaits()).put("polls", state.polls())
        .put("reconcileFirst", state.reconcileFirst()).put("reconcileChecks", state.reconcileChecks())
        .put("notFoundLookups", state.notFoundLookups()).put("duplicateSignal", state.duplicateSignal());
    state.firstSentAt().ifPresent(t -> o.put("firstSentAt", t.toString()));
    state.nextAttemptAt().ifPresent(t -> o.put("nextAttemptAt", t.toString()));
    state.leaseUntil().ifPresent(t -> o.put("leaseUntil", t.toString()));
    state.post().ifPresent(p -> o.putObject("post").put("platform", p.platform().name()).put("postId", p.postId())
        .put("url", p.url().toString()).put("publishedAt", p.publishedAt().toString()));
    state.problem().ifPresent(p -> {
      ObjectNode po = o.putObject("problem");
      po.put("kind", p.kind().name()).put("code", p.code());
      StoredJson.text(po.putObject("text"), p.text());
      po.put("at", p.at().toString());
    });
    o.put("caseRecorded", state.caseRecorded());
    ArrayNode notes = o.putArray("notes");
    state.notes().forEach(n -> {
      ObjectNode no = notes.addObject();
      no.put("at", n.at().toString()).put("status", n.status().name());
      StoredJson.text(no.putObject("text"), n.text());
    });
    o.put("updatedAt", state.updatedAt().toString());
    return StoredJson.write(o);
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws EventJsonException if it is not one intent state of this format
   */
  public IntentState read(String json) {
    checkNotNull(json, "json");
    return StoredJson.read(json, SUBJECT, FORMAT_VERSION, o -> {
      o.allowOnly(STATE);
      JsonObject in = o.object("intent", INTENT);
      CaseId caseId = StoredJson.construct(in.at("caseId"), () -> CaseId.of(in.string("caseId")));
      IntentId id = StoredJson.construct(in.at("id"), () -> new IntentId(in.string("id")));
      Platform platform = in.enumValue("platform", Platform.class);
      int round = in.int32("round");
      String text = in.string("text");
      ImmutableList<MediaItem> media = in.list("media",
          (n, p) -> StoredJson.media(JsonObject.open(n, p, StoredJson.MEDIA)));
      var requestedBy = StoredJson.person(in.object("requestedBy", StoredJson.PERSON));
      Instant requestedAt = in.instant("requestedAt");
      PublicationIntent intent = StoredJson.construct(in.path(), () -> new PublicationIntent(id, caseId, platform,
          round, text, media, requestedBy, requestedAt));
      ImmutableList<PlatformId> ids = o.list("ids", (n, p) -> {
        JsonObject x = JsonObject.open(n, p, ID);
        return new PlatformId(x.enumValue("kind", PlatformId.Kind.class), x.string("value"), x.instant("at"));
      });
      Optional<PublishedPost> post = o.optionalObject("post", POST).map(p -> new PublishedPost(
          p.enumValue("platform", Platform.class), p.string("postId"), p.uri("url"), p.instant("publishedAt")));
      Optional<Problem> problem = o.optionalObject("problem", PROBLEM).map(p -> new Problem(
          p.enumValue("kind", FailureKind.class), p.string("code"), StoredJson.text(p.object("text",
              StoredJson.TEXT)), p.instant("at")));
      ImmutableList<IntentNote> notes = o.list("notes", (n, p) -> {
        JsonObject x = JsonObject.open(n, p, NOTE);
        return new IntentNote(x.instant("at"), x.enumValue("status", IntentStatus.class),
            StoredJson.text(x.object("text", StoredJson.TEXT)));
      });
      IntentStatus status = o.enumValue("status", IntentStatus.class);
      long version = o.int64("version");
      int liveIdsFrom = o.int32("liveIdsFrom");
      int sendAttempts = o.int32("sendAttempts");
      int failures = o.int32("failures");
      int rateLimitWaits = o.int32("rateLimitWaits");
      int polls = o.int32("polls");
      boolean reconcileFirst = o.bool("reconcileFirst");
      int reconcileChecks = o.int32("reconcileChecks");
      int notFoundLookups = o.int32("notFoundLookups");
      boolean duplicateSignal = o.bool("duplicateSignal");
      Optional<Instant> firstSentAt = o.optionalInstant("firstSentAt");
      Optional<Instant> nextAttemptAt = o.optionalInstant("nextAttemptAt");
      Optional<Instant> leaseUntil = o.optionalInstant("leaseUntil");
      boolean caseRecorded = o.bool("caseRecorded");
      Instant updatedAt = o.instant("updatedAt");
      return StoredJson.construct("", () -> new IntentState(intent, status, version, ids, liveIdsFrom, sendAttempts,
          failures, rateLimitWaits, polls, reconcileFirst, reconcileChecks, notFoundLookups, duplicateSignal,
          firstSentAt, nextAttemptAt, leaseUntil, post, problem, caseRecorded, notes, updatedAt));
    });
  }
}
