package id.go.kpu.jdih.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The stored form of a recorded event as a JSON document, and the hash of {@link HashFormat#JCS_2 format 2} over
 * it. The stores write this document (with {@code "v"} and {@code "hash"} added, see jdih-event-json); the hash is
 * computed over the document itself, so it depends on the field names below and on nothing in Java.
 *
 * <h2>The document</h2>
 * A JSON object with these members (an optional member that is empty is absent; every other member is present and
 * never {@code null}):
 * <table>
 *   <caption>The event</caption>
 *   <tr><th>member</th><th>JSON</th><th>meaning</th></tr>
 *   <tr><td>{@code hashFormat}</td><td>number</td><td>{@code 2} (or {@code 1} for an event written by jdih 0.1,
 *       see below)</td></tr>
 *   <tr><td>{@code caseId}</td><td>string</td><td>the case id</td></tr>
 *   <tr><td>{@code sequence}</td><td>number</td><td>position in the case's history, from 1</td></tr>
 *   <tr><td>{@code sop}</td><td>object</td><td>{@code officeId} string, {@code number} string, {@code revision}
 *       number</td></tr>
 *   <tr><td>{@code commandId}</td><td>string</td><td>the command that produced the event</td></tr>
 *   <tr><td>{@code principal}</td><td>string, optional</td><td>the authenticated principal that acted (absent in
 *       events written before principals were recorded, and in events of the low-level path)</td></tr>
 *   <tr><td>{@code actor}</td><td>object</td><td>{@code nip} string, {@code name} string, {@code roles} array of
 *       the role ids the person acted under</td></tr>
 *   <tr><td>{@code at}</td><td>string</td><td>ISO-8601 instant in UTC as Java's {@code Instant.toString} writes it
 *       (seconds always, fraction digits in groups of three only when not zero)</td></tr>
 *   <tr><td>{@code activity}</td><td>number, optional</td><td>the activity; absent for a withdrawal</td></tr>
 *   <tr><td>{@code payload}</td><td>object</td><td>{@code type} and the members of that type, as in the format of
 *       jdih-event-json (proposed, approved, rejected, meetingRecorded, summarized, designAttached, captionWritten,
 *       publicationRecorded, taskCompleted, withdrawn)</td></tr>
 *   <tr><td>{@code previousHash}</td><td>string</td><td>the previous event's hash, 64 zeros for the first</td></tr>
 * </table>
 * Arrays that are sets (the actor's {@code roles}, the proposal's {@code platforms}, the meeting's
 * {@code equipmentConfirmed}) are sorted by UTF-16 code units; other arrays keep their order. The caption's
 * {@code perPlatform} is an object from platform name to text. Enum values are their upper-case names; dates are
 * {@code yyyy-mm-dd}; addresses are URI strings.
 *
 * <h2>Hash format 2</h2>
 * The hash is the lower-case hexadecimal SHA-256 of the UTF-8 bytes of the document written by RFC 8785 (JSON
 * Canonicalization Scheme, see {@link CanonicalJson}). To verify a stored line in another language: parse it,
 * remove the members {@code v} and {@code hash}, canonicalize, hash, compare with {@code hash}; then check that
 * {@code previousHash} is the hash of the event before. A member added in a later version is optional and absent
 * when empty, so it leaves every existing hash unchanged; renaming a Java type or component changes nothing.
 *
 * <h2>Hash format 1 (jdih 0.1, read only)</h2>
 * The SHA-256 of the UTF-8 bytes of a text made of the encodings of caseId, sequence, sop, commandId, actor, at,
 * activity, payload and previousHash, in this order, where a string is {@code s<length>:<text>} (length in UTF-16
 * code units), a number {@code n<decimal>;}, an enum {@code e<length>:<NAME>}, an instant {@code t<ISO-8601>;}, a
 * date {@code D<yyyy-mm-dd>;}, an optional {@code o} followed by the value or {@code ~} when empty, a list
 * {@code [<count>:<items>]}, a set {@code <<count>:<items sorted as text>>}, a map {@code {<count>:<key=value
 * sorted as text>}}, an address {@code vURI:<length>:<text>} and a record {@code (<length>:<Name><components>)} with
 * the record names and component orders of jdih 0.1 (for example {@code (8:SopKey s<..>s<..>n0;)}); the exact
 * table is in {@code LegacyHash}, frozen, and checked against fixed vectors made by jdih 0.1.
 */
public final class EventDocument {

  private EventDocument() {}

  /**
   * The hashed document of {@code event}: every stored member except {@code v} and {@code hash}, in the stored
   * order. A new, mutable tree of maps, lists, strings and numbers.
   */
  public static Map<String, Object> of(RecordedEvent event) {
    return of(event.hashFormat(), event.caseId(), event.sequence(), event.sop(), event.commandId(),
        event.principal(), event.actor(), event.at(), event.activity(), event.payload(), event.previousHash());
  }

  /**
   * The RFC 8785 canonical JSON text of {@code document} (a tree of maps with string keys, lists, strings, integers
   * and booleans): what format 2 hashes.
   *
   * @throws IllegalArgumentException if the tree holds anything else, a {@code null}, or an integer beyond
   *     &plusmn;(2<sup>53</sup>-1)
   */
  public static String canonical(Map<String, Object> document) {
    return CanonicalJson.write(document);
  }

  /** The lower-case hex SHA-256 of the canonical form of {@code document}. */
  public static String hash(Map<String, Object> document) {
    return Hashing.sha256().hashString(CanonicalJson.write(document), UTF_8).toString();
  }

  static Map<String, Object> of(HashFormat format, CaseId caseId, long sequence, SopKey sop, CommandId commandId,
      Optional<Principal> principal, Person actor, Instant at, OptionalInt activity, CaseEvent payload,
      String previousHash) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("hashFormat", format.number());
    d.put("caseId", caseId.value());
    d.put("sequence", sequence);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("officeId", sop.officeId());
    key.put("number", sop.number());
    key.put("revision", sop.revision());
    d.put("sop", key);
    d.put("commandId", commandId.value());
    principal.ifPresent(p -> d.put("principal", p.name()));
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("nip", actor.nip().value());
    who.put("name", actor.name());
    who.put("roles", sorted(actor.roles(), RoleId::value));
    d.put("actor", who);
    d.put("at", at.toString());
    if (activity.isPresent()) {
      d.put("activity", activity.getAsInt());
    }
    d.put("payload", payload(payload));
    d.put("previousHash", previousHash);
    return d;
  }

  private static Map<String, Object> payload(CaseEvent e) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (e instanceof CaseEvent.Proposed x) {
      p.put("type", "proposed");
      p.put("proposal", proposal(x.proposal()));
    } else if (e instanceof CaseEvent.Approved x) {
      p.put("type", "approved");
      x.note().ifPresent(n -> p.put("note", n));
    } else if (e instanceof CaseEvent.Rejected x) {
      p.put("type", "rejected");
      p.put("reason", x.reason());
    } else if (e instanceof CaseEvent.MeetingRecorded x) {
      p.put("type", "meetingRecorded");
      p.put("meeting", meeting(x.meeting()));
    } else if (e instanceof CaseEvent.Summarized x) {
      p.put("type", "summarized");
      p.put("summary", x.summary());
    } else if (e instanceof CaseEvent.DesignAttached x) {
      p.put("type", "designAttached");
      p.put("items", list(x.items(), EventDocument::mediaItem));
    } else if (e instanceof CaseEvent.CaptionWritten x) {
      p.put("type", "captionWritten");
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("text", x.caption().text());
      Map<String, Object> per = new LinkedHashMap<>();
      x.caption().perPlatform().entrySet().stream().sorted(Map.Entry.comparingByKey(
          (a, b) -> a.name().compareTo(b.name()))).forEach(en -> per.put(en.getKey().name(), en.getValue()));
      c.put("perPlatform", per);
      p.put("caption", c);
    } else if (e instanceof CaseEvent.PublicationRecorded x) {
      p.put("type", "publicationRecorded");
      p.put("posts", list(x.posts(), post -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platform", post.platform().name());
        m.put("postId", post.postId());
        m.put("url", post.url().toString());
        m.put("publishedAt", post.publishedAt().toString());
        return m;
      }));
    } else if (e instanceof CaseEvent.TaskCompleted x) {
      p.put("type", "taskCompleted");
      p.put("result", x.result());
    } else if (e instanceof CaseEvent.Withdrawn x) {
      p.put("type", "withdrawn");
      p.put("reason", x.reason());
    } else {
      throw new IllegalArgumentException("unknown payload " + e.getClass().getName());
    }
    return p;
  }

  private static Map<String, Object> proposal(ContentProposal x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", x.title());
    m.put("category", x.category().name());
    m.put("material", x.material());
    x.legalProduct().ifPresent(lp -> m.put("legalProduct", legalProduct(lp)));
    m.put("platforms", sorted(x.platforms(), Platform::name));
    return m;
  }

  private static Map<String, Object> legalProduct(LegalProductRef x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documentType", x.documentType());
    m.put("title", x.title());
    m.put("issuingBody", x.issuingBody());
    m.put("number", x.number());
    m.put("form", x.form());
    x.formShort().ifPresent(v -> m.put("formShort", v));
    m.put("year", x.year());
    x.placeEnacted().ifPresent(v -> m.put("placeEnacted", v));
    x.enactedOn().ifPresent(v -> m.put("enactedOn", v.toString()));
    x.promulgatedOn().ifPresent(v -> m.put("promulgatedOn", v.toString()));
    x.source().ifPresent(v -> m.put("source", v));
    m.put("subjects", new ArrayList<Object>(x.subjects()));
    m.put("status", x.status().name());
    m.put("relations", list(x.relations(), r -> {
      Map<String, Object> rel = new LinkedHashMap<>();
      rel.put("kind", r.kind().name());
      rel.put("other", r.other());
      return rel;
    }));
    x.language().ifPresent(v -> m.put("language", v));
    x.location().ifPresent(v -> m.put("location", v));
    x.fieldOfLaw().ifPresent(v -> m.put("fieldOfLaw", v));
    m.put("attachments", new ArrayList<Object>(x.attachments()));
    return m;
  }

  private static Map<String, Object> meeting(Meeting x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", x.date().toString());
    m.put("attendees", new ArrayList<Object>(x.attendees()));
    m.put("conclusions", x.conclusions());
    m.put("minutes", document(x.minutes()));
    m.put("equipmentConfirmed", sorted(x.equipmentConfirmed(), Function.identity()));
    return m;
  }

  private static Map<String, Object> document(DocumentRef x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fileRef", x.fileRef());
    m.put("name", x.name());
    m.put("mediaType", x.mediaType());
    m.put("bytes", x.bytes());
    m.put("sha256", x.sha256());
    return m;
  }

  private static Map<String, Object> mediaItem(MediaItem x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fileRef", x.fileRef());
    m.put("mediaType", x.mediaType());
    m.put("width", x.width());
    m.put("height", x.height());
    m.put("bytes", x.bytes());
    m.put("sha256", x.sha256());
    return m;
  }

  private static <T> List<Object> list(Collection<T> items, Function<T, Object> each) {
    List<Object> out = new ArrayList<>(items.size());
    for (T t : items) {
      out.add(each.apply(t));
    }
    return out;
  }

  private static <T> List<Object> sorted(Collection<T> set, Function<T, String> name) {
    List<String> names = new ArrayList<>(set.size());
    for (T t : set) {
      names.add(name.apply(t));
    }
    Collections.sort(names);
    checkArgument(names.stream().distinct().count() == names.size(), "a set with a repeated element: %s", names);
    return new ArrayList<>(names);
  }
}
