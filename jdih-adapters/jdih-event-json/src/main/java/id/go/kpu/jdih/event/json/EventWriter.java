package id.go.kpu.jdih.event.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes one event in format version {@value EventJson#FORMAT_VERSION}, field by field in a fixed order, sets
 * sorted, so that the same event always gives the same bytes and the line without {@code v} and {@code hash} is
 * exactly the document {@link id.go.kpu.jdih.workflow.EventDocument} hashes. The field names are this format's own, not the Java names: renaming
 * a record component in jdih-core must not change stored logs.
 */
final class EventWriter {

  private EventWriter() {}

  static void event(JsonGenerator g, RecordedEvent e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("v", EventJson.FORMAT_VERSION);
    g.writeNumberField("hashFormat", required(e.hashFormat(), "hashFormat").number());
    string(g, "caseId", e.caseId().value(), "");
    g.writeNumberField("sequence", e.sequence());
    g.writeObjectFieldStart("sop");
    string(g, "officeId", e.sop().officeId(), "sop");
    string(g, "number", e.sop().number(), "sop");
    g.writeNumberField("revision", e.sop().revision());
    g.writeEndObject();
    string(g, "commandId", e.commandId().value(), "");
    if (e.principal().isPresent()) {
      string(g, "principal", e.principal().get().name(), "");
    }
    person(g, e.actor());
    string(g, "at", e.at().toString(), "");
    if (e.activity().isPresent()) {
      g.writeNumberField("activity", e.activity().getAsInt());
    }
    g.writeFieldName("payload");
    payload(g, e.payload());
    string(g, "previousHash", e.previousHash(), "");
    string(g, "hash", e.hash(), "");
    g.writeEndObject();
  }

  private static void person(JsonGenerator g, Person p) throws IOException {
    g.writeObjectFieldStart("actor");
    string(g, "nip", required(p.nip(), "actor.nip").value(), "actor");
    string(g, "name", p.name(), "actor");
    List<String> roles = new ArrayList<>();
    int i = 0;
    for (var role : required(p.roles(), "actor.roles")) {
      roles.add(required(role.value(), "actor.roles[" + i++ + "]"));
    }
    sortedArray(g, "roles", roles);
    g.writeEndObject();
  }

  private static void payload(JsonGenerator g, CaseEvent payload) throws IOException {
    g.writeStartObject();
    String p = "payload";
    // An if-chain over the sealed interface: Java 17 has no pattern switch. EventJsonTest checks that every
    // permitted subtype is covered.
    if (payload instanceof CaseEvent.Proposed x) {
      g.writeStringField("type", "proposed");
      proposal(g, required(x.proposal(), p + ".proposal"), p + ".proposal");
    } else if (payload instanceof CaseEvent.Approved x) {
      g.writeStringField("type", "approved");
      optionalString(g, "note", x.note(), p);
    } else if (payload instanceof CaseEvent.Rejected x) {
      g.writeStringField("type", "rejected");
      string(g, "reason", x.reason(), p);
    } else if (payload instanceof CaseEvent.MeetingRecorded x) {
      g.writeStringField("type", "meetingRecorded");
      meeting(g, required(x.meeting(), p + ".meeting"), p + ".meeting");
    } else if (payload instanceof CaseEvent.Summarized x) {
      g.writeStringField("type", "summarized");
      string(g, "summary", x.summary(), p);
    } else if (payload instanceof CaseEvent.DesignAttached x) {
      g.writeStringField("type", "designAttached");
      g.writeArrayFieldStart("items");
      int i = 0;
      for (MediaItem m : required(x.items(), p + ".items")) {
        mediaItem(g, m, p + ".items[" + i++ + "]");
      }
      g.writeEndArray();
    } else if (payload instanceof CaseEvent.CaptionWritten x) {
      g.writeStringField("type", "captionWritten");
      caption(g, required(x.caption(), p + ".caption"), p + ".caption");
    } else if (payload instanceof CaseEvent.PublicationRecorded x) {
      g.writeStringField("type", "publicationRecorded");
      g.writeArrayFieldStart("posts");
      int i = 0;
      for (PlatformPost post : required(x.posts(), p + ".posts")) {
        post(g, post, p + ".posts[" + i++ + "]");
      }
      g.writeEndArray();
    } else if (payload instanceof CaseEvent.TaskCompleted x) {
      g.writeStringField("type", "taskCompleted");
      string(g, "result", x.result(), p);
    } else if (payload instanceof CaseEvent.Withdrawn x) {
      g.writeStringField("type", "withdrawn");
      string(g, "reason", x.reason(), p);
    } else {
      throw new EventJsonException(EventJsonException.Problem.NOT_ENCODABLE, p,
          Text.of("jenis peristiwa tidak dikenal: " + payload.getClass().getName(),
              "unknown event type: " + payload.getClass().getName()));
    }
    g.writeEndObject();
  }

  private static void proposal(JsonGenerator g, ContentProposal x, String path) throws IOException {
    g.writeObjectFieldStart("proposal");
    string(g, "title", x.title(), path);
    enumName(g, "category", x.category(), path);
    string(g, "material", x.material(), path);
    Optional<LegalProductRef> legal = required(x.legalProduct(), path + ".legalProduct");
    if (legal.isPresent()) {
      legalProduct(g, legal.get(), path + ".legalProduct");
    }
    enumSet(g, "platforms", x.platforms(), path);
    g.writeEndObject();
  }

  private static void legalProduct(JsonGenerator g, LegalProductRef x, String path) throws IOException {
    g.writeObjectFieldStart("legalProduct");
    string(g, "documentType", x.documentType(), path);
    string(g, "title", x.title(), path);
    string(g, "issuingBody", x.issuingBody(), path);
    string(g, "number", x.number(), path);
    string(g, "form", x.form(), path);
    optionalString(g, "formShort", x.formShort(), path);
    g.writeNumberField("year", x.year());
    optionalString(g, "placeEnacted", x.placeEnacted(), path);
    if (required(x.enactedOn(), path + ".enactedOn").isPresent()) {
      g.writeStringField("enactedOn", x.enactedOn().get().toString());
    }
    if (required(x.promulgatedOn(), path + ".promulgatedOn").isPresent()) {
      g.writeStringField("promulgatedOn", x.promulgatedOn().get().toString());
    }
    optionalString(g, "source", x.source(), path);
    stringArray(g, "subjects", x.subjects(), path);
    enumName(g, "status", x.status(), path);
    g.writeArrayFieldStart("relations");
    int i = 0;
    for (LegalProductRef.Relation r : required(x.relations(), path + ".relations")) {
      String at = path + ".relations[" + i++ + "]";
      g.writeStartObject();
      enumName(g, "kind", required(r, at).kind(), at);
      string(g, "other", r.other(), at);
      g.writeEndObject();
    }
    g.writeEndArray();
    optionalString(g, "language", x.language(), path);
    optionalString(g, "location", x.location(), path);
    optionalString(g, "fieldOfLaw", x.fieldOfLaw(), path);
    stringArray(g, "attachments", x.attachments(), path);
    g.writeEndObject();
  }

  private static void meeting(JsonGenerator g, Meeting x, String path) throws IOException {
    g.writeObjectFieldStart("meeting");
    string(g, "date", required(x.date(), path + ".date").toString(), path);
    stringArray(g, "attendees", x.attendees(), path);
    string(g, "conclusions", x.conclusions(), path);
    documentRef(g, "minutes", required(x.minutes(), path + ".minutes"), path + ".minutes");
    sortedArray(g, "equipmentConfirmed", new ArrayList<>(required(x.equipmentConfirmed(),
        path + ".equipmentConfirmed")));
    g.writeEndObject();
  }

  private static void documentRef(JsonGenerator g, String name, DocumentRef x, String path) throws IOException {
    g.writeObjectFieldStart(name);
    string(g, "fileRef", x.fileRef(), path);
    string(g, "name", x.name(), path);
    string(g, "mediaType", x.mediaType(), path);
    g.writeNumberField("bytes", x.bytes());
    string(g, "sha256", x.sha256(), path);
    g.writeEndObject();
  }

  private static void mediaItem(JsonGenerator g, MediaItem x, String path) throws IOException {
    required(x, path);
    g.writeStartObject();
    string(g, "fileRef", x.fileRef(), path);
    string(g, "mediaType", x.mediaType(), path);
    g.writeNumberField("width", x.width());
    g.writeNumberField("height", x.height());
    g.writeNumberField("bytes", x.bytes());
    string(g, "sha256", x.sha256(), path);
    g.writeEndObject();
  }

  private static void caption(JsonGenerator g, Caption x, String path) throws IOException {
    g.writeObjectFieldStart("caption");
    string(g, "text", x.text(), path);
    g.writeObjectFieldStart("perPlatform");
    Map<String, String> sorted = new TreeMap<>();
    for (var entry : required(x.perPlatform(), path + ".perPlatform").entrySet()) {
      sorted.put(entry.getKey().name(), entry.getValue());
    }
    for (var entry : sorted.entrySet()) {
      g.writeStringField(entry.getKey(), entry.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void post(JsonGenerator g, PlatformPost x, String path) throws IOException {
    required(x, path);
    g.writeStartObject();
    enumName(g, "platform", x.platform(), path);
    string(g, "postId", x.postId(), path);
    string(g, "url", required(x.url(), path + ".url").toString(), path);
    string(g, "publishedAt", required(x.publishedAt(), path + ".publishedAt").toString(), path);
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, String value, String parent) throws IOException {
    g.writeStringField(name, required(value, join(parent, name)));
  }

  private static void optionalString(JsonGenerator g, String name, Optional<String> value, String parent)
      throws IOException {
    // An empty Optional is written as an absent field; the reader takes absent and null as empty.
    if (required(value, join(parent, name)).isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  private static void enumName(JsonGenerator g, String name, Enum<?> value, String parent) throws IOException {
    g.writeStringField(name, required(value, join(parent, name)).name());
  }

  private static void stringArray(JsonGenerator g, String name, Collection<String> values, String parent)
      throws IOException {
    String path = join(parent, name);
    g.writeArrayFieldStart(name);
    for (String s : required(values, path)) {
      g.writeString(s); // Guava's immutable collections hold no null
    }
    g.writeEndArray();
  }

  private static void enumSet(JsonGenerator g, String name, Collection<? extends Enum<?>> values, String parent)
      throws IOException {
    List<String> names = new ArrayList<>();
    for (Enum<?> e : required(values, join(parent, name))) {
      names.add(e.name());
    }
    sortedArray(g, name, names);
  }

  // A set is written sorted by UTF-16 code units, as the hashed document has it (EventDocument).
  private static void sortedArray(JsonGenerator g, String name, List<String> values) throws IOException {
    Collections.sort(values);
    g.writeArrayFieldStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static <T> T required(T value, String path) {
    if (value == null) {
      throw new EventJsonException(EventJsonException.Problem.NOT_ENCODABLE, path,
          Text.of("nilai wajib kosong (null)", "a required value is null"));
    }
    return value;
  }
}
