package id.go.kpu.jdih.workflow;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.SopKey;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

/**
 * {@link HashFormat#LEGACY_1 Hash format 1}, frozen: the text encoding jdih 0.1 computed by reflection over its
 * records, written out type by type with the record names and component orders of that version, so that renaming
 * or extending a type today cannot change it. Only for verifying events written by jdih 0.1; checked against
 * vectors that jdih 0.1 itself produced (golden tests).
 */
final class LegacyHash {

  private LegacyHash() {}

  static String hash(CaseId caseId, long sequence, SopKey sop, CommandId commandId, Person actor, Instant at,
      OptionalInt activity, CaseEvent payload, String previousHash) {
    StringBuilder sb = new StringBuilder(512);
    record(sb, "CaseId", () -> string(sb, caseId.value()));
    number(sb, sequence);
    record(sb, "SopKey", () -> {
      string(sb, sop.officeId());
      string(sb, sop.number());
      number(sb, sop.revision());
    });
    record(sb, "CommandId", () -> string(sb, commandId.value()));
    record(sb, "Person", () -> {
      record(sb, "Nip", () -> string(sb, actor.nip().value()));
      string(sb, actor.name());
      set(sb, actor.roles(), (out, r) -> record(out, "RoleId", () -> string(out, r.value())));
    });
    instant(sb, at);
    sb.append('o');
    if (activity.isPresent()) {
      number(sb, activity.getAsInt());
    } else {
      sb.append('~');
    }
    payload(sb, payload);
    string(sb, previousHash);
    return Hashing.sha256().hashString(sb, UTF_8).toString();
  }

  private static void payload(StringBuilder sb, CaseEvent e) {
    if (e instanceof CaseEvent.Proposed x) {
      record(sb, "Proposed", () -> proposal(sb, x.proposal()));
    } else if (e instanceof CaseEvent.Approved x) {
      record(sb, "Approved", () -> optional(sb, x.note(), LegacyHash::string));
    } else if (e instanceof CaseEvent.Rejected x) {
      record(sb, "Rejected", () -> string(sb, x.reason()));
    } else if (e instanceof CaseEvent.MeetingRecorded x) {
      record(sb, "MeetingRecorded", () -> meeting(sb, x.meeting()));
    } else if (e instanceof CaseEvent.Summarized x) {
      record(sb, "Summarized", () -> string(sb, x.summary()));
    } else if (e instanceof CaseEvent.DesignAttached x) {
      record(sb, "DesignAttached", () -> list(sb, x.items(), LegacyHash::mediaItem));
    } else if (e instanceof CaseEvent.CaptionWritten x) {
      record(sb, "CaptionWritten", () -> record(sb, "Caption", () -> {
        string(sb, x.caption().text());
        List<String> entries = new ArrayList<>();
        for (Map.Entry<Platform, String> en : x.caption().perPlatform().entrySet()) {
          StringBuilder one = new StringBuilder();
          enumName(one, en.getKey().name());
          one.append('=');
          string(one, en.getValue());
          entries.add(one.toString());
        }
        entries.sort(null);
        sb.append('{').append(entries.size()).append(':');
        entries.forEach(sb::append);
        sb.append('}');
      }));
    } else if (e instanceof CaseEvent.PublicationRecorded x) {
      record(sb, "PublicationRecorded", () -> list(sb, x.posts(), (out, p) -> record(out, "PlatformPost", () -> {
        enumName(out, p.platform().name());
        string(out, p.postId());
        uri(out, p.url());
        instant(out, p.publishedAt());
      })));
    } else if (e instanceof CaseEvent.TaskCompleted x) {
      record(sb, "TaskCompleted", () -> string(sb, x.result()));
    } else if (e instanceof CaseEvent.Withdrawn x) {
      record(sb, "Withdrawn", () -> string(sb, x.reason()));
    } else {
      throw new IllegalArgumentException("unknown payload " + e.getClass().getName());
    }
  }

  private static void proposal(StringBuilder sb, ContentProposal p) {
    record(sb, "ContentProposal", () -> {
      string(sb, p.title());
      enumName(sb, p.category().name());
      string(sb, p.material());
      optional(sb, p.legalProduct(), LegacyHash::legalProduct);
      set(sb, p.platforms(), (out, x) -> enumName(out, x.name()));
    });
  }

  private static void legalProduct(StringBuilder sb, LegalProductRef x) {
    record(sb, "LegalProductRef", () -> {
      string(sb, x.documentType());
      string(sb, x.title());
      string(sb, x.issuingBody());
      string(sb, x.number());
      string(sb, x.form());
      optional(sb, x.formShort(), LegacyHash::string);
      number(sb, x.year());
      optional(sb, x.placeEnacted(), LegacyHash::string);
      optional(sb, x.enactedOn(), LegacyHash::date);
      optional(sb, x.promulgatedOn(), LegacyHash::date);
      optional(sb, x.source(), LegacyHash::string);
      list(sb, x.subjects(), LegacyHash::string);
      enumName(sb, x.status().name());
      list(sb, x.relations(), (out, r) -> record(out, "Relation", () -> {
        enumName(out, r.kind().name());
        string(out, r.other());
      }));
      optional(sb, x.language(), LegacyHash::string);
      optional(sb, x.location(), LegacyHash::string);
      optional(sb, x.fieldOfLaw(), LegacyHash::string);
      list(sb, x.attachments(), LegacyHash::string);
    });
  }

  private static void meeting(StringBuilder sb, Meeting m) {
    record(sb, "Meeting", () -> {
      date(sb, m.date());
      list(sb, m.attendees(), LegacyHash::string);
      string(sb, m.conclusions());
      DocumentRef d = m.minutes();
      record(sb, "DocumentRef", () -> {
        string(sb, d.fileRef());
        string(sb, d.name());
        string(sb, d.mediaType());
        number(sb, d.bytes());
        string(sb, d.sha256());
      });
      set(sb, m.equipmentConfirmed(), LegacyHash::string);
    });
  }

  private static void mediaItem(StringBuilder sb, MediaItem x) {
    record(sb, "MediaItem", () -> {
      string(sb, x.fileRef());
      string(sb, x.mediaType());
      number(sb, x.width());
      number(sb, x.height());
      number(sb, x.bytes());
      string(sb, x.sha256());
    });
  }

  // ---- the value encodings of jdih 0.1 ----

  private static void record(StringBuilder sb, String name, Runnable components) {
    sb.append('(').append(name.length()).append(':').append(name);
    components.run();
    sb.append(')');
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('s').append(s.length()).append(':').append(s);
  }

  private static void number(StringBuilder sb, long n) {
    sb.append('n').append(n).append(';');
  }

  private static void enumName(StringBuilder sb, String name) {
    sb.append('e').append(name.length()).append(':').append(name);
  }

  private static void instant(StringBuilder sb, Instant i) {
    sb.append('t').append(i).append(';');
  }

  private static void date(StringBuilder sb, LocalDate d) {
    sb.append('D').append(d).append(';');
  }

  private static void uri(StringBuilder sb, URI u) {
    String s = u.toString();
    sb.append("vURI:").append(s.length()).append(':').append(s);
  }

  private static <T> void optional(StringBuilder sb, Optional<T> value, BiConsumer<StringBuilder, T> each) {
    sb.append('o');
    if (value.isPresent()) {
      each.accept(sb, value.get());
    } else {
      sb.append('~');
    }
  }

  private static <T> void list(StringBuilder sb, Collection<T> items, BiConsumer<StringBuilder, T> each) {
    sb.append('[').append(items.size()).append(':');
    for (T t : items) {
      each.accept(sb, t);
    }
    sb.append(']');
  }

  private static <T> void set(StringBuilder sb, Collection<T> items, BiConsumer<StringBuilder, T> each) {
    List<String> encoded = new ArrayList<>(items.size());
    for (T t : items) {
      StringBuilder one = new StringBuilder();
      each.accept(one, t);
      encoded.add(one.toString());
    }
    encoded.sort(null);
    sb.append('<').append(encoded.size()).append(':');
    encoded.forEach(sb::append);
    sb.append('>');
  }
}
