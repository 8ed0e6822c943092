package id.go.kpu.jdih.event.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.event.json.EventJsonException.Problem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Reads one event of format version 1 or {@value EventJson#FORMAT_VERSION} from its JSON tree, strictly. */
final class EventReader {

  private static final Set<String> EVENT_V1 = ImmutableSet.of("v", "caseId", "sequence", "sop", "commandId",
      "actor", "at", "activity", "payload", "previousHash", "hash");
  private static final Set<String> EVENT_V2 = ImmutableSet.<String>builder().addAll(EVENT_V1).add("hashFormat",
      "principal").build();
  private static final Set<String> SOP = ImmutableSet.of("officeId", "number", "revision");
  private static final Set<String> PERSON = ImmutableSet.of("nip", "name", "roles");
  private static final Set<String> PROPOSAL = ImmutableSet.of("title", "category", "material", "legalProduct",
      "platforms");
  private static final Set<String> LEGAL_PRODUCT = ImmutableSet.of("documentType", "title", "issuingBody", "number",
      "form", "formShort", "year", "placeEnacted", "enactedOn", "promulgatedOn", "source", "subjects", "status",
      "relations", "language", "location", "fieldOfLaw", "attachments");
  private static final Set<String> RELATION = ImmutableSet.of("kind", "other");
  private static final Set<String> MEETING = ImmutableSet.of("date", "attendees", "conclusions", "minutes",
      "equipmentConfirmed");
  private static final Set<String> DOCUMENT = ImmutableSet.of("fileRef", "name", "mediaType", "bytes", "sha256");
  private static final Set<String> MEDIA = ImmutableSet.of("fileRef", "mediaType", "width", "height", "bytes",
      "sha256");
  private static final Set<String> CAPTION = ImmutableSet.of("text", "perPlatform");
  private static final Set<String> POST = ImmutableSet.of("platform", "postId", "url", "publishedAt");

  /** The payload's fields by its {@code type}, besides {@code type} itself. */
  private static final ImmutableMap<String, Set<String>> PAYLOADS = ImmutableMap.<String, Set<String>>builder()
      .put("proposed", ImmutableSet.of("type", "proposal"))
      .put("approved", ImmutableSet.of("type", "note"))
      .put("rejected", ImmutableSet.of("type", "reason"))
      .put("meetingRecorded", ImmutableSet.of("type", "meeting"))
      .put("summarized", ImmutableSet.of("type", "summary"))
      .put("designAttached", ImmutableSet.of("type", "items"))
      .put("captionWritten", ImmutableSet.of("type", "caption"))
      .put("publicationRecorded", ImmutableSet.of("type", "posts"))
      .put("taskCompleted", ImmutableSet.of("type", "result"))
      .put("withdrawn", ImmutableSet.of("type", "reason"))
      .build();
  /** Every field any payload type may have; the type's own set is checked once the type is known. */
  private static final Set<String> ALL_PAYLOAD_FIELDS = PAYLOADS.values().stream()
      .flatMap(Set::stream).collect(ImmutableSet.toImmutableSet());

  private EventReader() {}

  static RecordedEvent event(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new EventJsonException(Problem.MALFORMED, "", Text.of("sebaris harus berisi satu objek JSON",
          "a line must hold one JSON object"));
    }
    // The version first, so that a line of a later version is reported as such, not as unknown fields.
    JsonNode v = root.get("v");
    if (v == null || v.isNull()) {
      throw new EventJsonException(Problem.MISSING_FIELD, "v", Text.of("versi format", "the format version"));
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1
        || v.intValue() > EventJson.FORMAT_VERSION) {
      throw new EventJsonException(Problem.UNSUPPORTED_VERSION, "v", Text.of(
          "versi " + v + ", pembaca ini mengenal versi 1 sampai " + EventJson.FORMAT_VERSION,
          "version " + v + ", this reader knows versions 1 to " + EventJson.FORMAT_VERSION));
    }
    int version = v.intValue();
    JsonObject o = JsonObject.open(root, "", version == 1 ? EVENT_V1 : EVENT_V2);
    // Version 1 lines were all hashed with format 1 and name no principal.
    HashFormat format = version == 1 ? HashFormat.LEGACY_1
        : construct(o.at("hashFormat"), () -> HashFormat.of(o.int32("hashFormat")));
    Optional<Principal> principal = version == 1 ? Optional.empty()
        : o.optionalString("principal").map(p -> construct(o.at("principal"), () -> Principal.of(p)));
    CaseId caseId = construct(o.at("caseId"), () -> CaseId.of(o.string("caseId")));
    long sequence = o.int64("sequence");
    JsonObject s = o.object("sop", SOP);
    SopKey sop = construct(s.path(), () -> new SopKey(s.string("officeId"), s.string("number"), s.int32("revision")));
    CommandId commandId = construct(o.at("commandId"), () -> CommandId.of(o.string("commandId")));
    Person actor = person(o.object("actor", PERSON));
    var at = o.instant("at");
    var activity = o.optionalInt32("activity");
    CaseEvent payload = payload(o.object("payload", ALL_PAYLOAD_FIELDS));
    String previousHash = o.string("previousHash");
    String hash = o.string("hash");
    return construct(o.at("sequence"), () -> new RecordedEvent(caseId, sequence, sop, commandId, principal, actor,
        at, activity, payload, previousHash, hash, format));
  }

  private static Person person(JsonObject o) {
    Nip nip = Nip.of(o.string("nip"));
    String name = o.string("name");
    ImmutableSet<RoleId> roles = o.set("roles", (n, p) -> construct(p, () -> RoleId.of(JsonObject.text(n, p))));
    return new Person(nip, name, roles);
  }

  private static CaseEvent payload(JsonObject o) {
    String type = o.string("type");
    Set<String> fields = PAYLOADS.get(type);
    if (fields == null) {
      throw JsonObject.invalid(o.at("type"), "jenis peristiwa tidak dikenal '" + type + "' (yang sah: "
          + PAYLOADS.keySet() + ")", "unknown event type '" + type + "' (valid: " + PAYLOADS.keySet() + ")", null);
    }
    o.allowOnly(fields);
    return switch (type) {
      case "proposed" -> new CaseEvent.Proposed(proposal(o.object("proposal", PROPOSAL)));
      case "approved" -> new CaseEvent.Approved(o.optionalString("note"));
      case "rejected" -> new CaseEvent.Rejected(o.string("reason"));
      case "meetingRecorded" -> new CaseEvent.MeetingRecorded(meeting(o.object("meeting", MEETING)));
      case "summarized" -> new CaseEvent.Summarized(o.string("summary"));
      case "designAttached" ->
          new CaseEvent.DesignAttached(o.list("items", (n, p) -> mediaItem(JsonObject.open(n, p, MEDIA))));
      case "captionWritten" -> new CaseEvent.CaptionWritten(caption(o.object("caption", CAPTION)));
      case "publicationRecorded" ->
          new CaseEvent.PublicationRecorded(o.list("posts", (n, p) -> post(JsonObject.open(n, p, POST))));
      case "taskCompleted" -> new CaseEvent.TaskCompleted(o.string("result"));
      case "withdrawn" -> new CaseEvent.Withdrawn(o.string("reason"));
      default -> throw new IllegalStateException("no reader for payload type " + type);
    };
  }

  private static ContentProposal proposal(JsonObject o) {
    return new ContentProposal(o.string("title"), o.enumValue("category", ContentCategory.class),
        o.string("material"), o.optionalObject("legalProduct", LEGAL_PRODUCT).map(EventReader::legalProduct),
        o.set("platforms", (n, p) -> JsonObject.parseEnum(n, p, Platform.class)));
  }

  private static LegalProductRef legalProduct(JsonObject o) {
    return new LegalProductRef(o.string("documentType"), o.string("title"), o.string("issuingBody"),
        o.string("number"), o.string("form"), o.optionalString("formShort"), o.int32("year"),
        o.optionalString("placeEnacted"), o.optionalDate("enactedOn"), o.optionalDate("promulgatedOn"),
        o.optionalString("source"), o.list("subjects", JsonObject::text),
        o.enumValue("status", LegalProductRef.Status.class),
        o.list("relations", (n, p) -> {
          JsonObject r = JsonObject.open(n, p, RELATION);
          return new LegalProductRef.Relation(r.enumValue("kind", LegalProductRef.Relation.Kind.class),
              r.string("other"));
        }),
        o.optionalString("language"), o.optionalString("location"), o.optionalString("fieldOfLaw"),
        o.list("attachments", JsonObject::text));
  }

  private static Meeting meeting(JsonObject o) {
    JsonObject m = o.object("minutes", DOCUMENT);
    DocumentRef minutes = new DocumentRef(m.string("fileRef"), m.string("name"), m.string("mediaType"),
        m.int64("bytes"), m.string("sha256"));
    return new Meeting(o.date("date"), o.list("attendees", JsonObject::text), o.string("conclusions"), minutes,
        o.set("equipmentConfirmed", JsonObject::text));
  }

  private static MediaItem mediaItem(JsonObject o) {
    return new MediaItem(o.string("fileRef"), o.string("mediaType"), o.int32("width"), o.int32("height"),
        o.int64("bytes"), o.string("sha256"));
  }

  private static Caption caption(JsonObject o) {
    String text = o.string("text");
    ImmutableMap.Builder<Platform, String> perPlatform = ImmutableMap.builder();
    // Duplicate keys never get here: the parser refuses them (STRICT_DUPLICATE_DETECTION).
    for (Iterator<Map.Entry<String, JsonNode>> it = o.entries("perPlatform"); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = o.at("perPlatform") + "[" + e.getKey() + "]";
      perPlatform.put(JsonObject.parseEnum(e.getKey(), p, Platform.class), JsonObject.text(e.getValue(), p));
    }
    return new Caption(text, perPlatform.buildOrThrow());
  }

  private static PlatformPost post(JsonObject o) {
    return new PlatformPost(o.enumValue("platform", Platform.class), o.string("postId"), o.uri("url"),
        o.instant("publishedAt"));
  }

  /** Runs a domain constructor, reporting what it refuses as an invalid value at {@code path}. */
  private static <T> T construct(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw JsonObject.invalid(path, String.valueOf(e.getMessage()), String.valueOf(e.getMessage()), e);
    }
  }
}
