package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.IntentState;
import id.go.kpu.jdih.publish.IntentStatus;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.workflow.ContentCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's publication intents (one per target platform and round) as the outbox holds them, and the answer of a
 * person when the outbox cannot tell whether a post went out ("needs confirmation"): posted, with its address, or
 * not posted, to be sent again. Only a person holding the upload activity's executor role may answer.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/offices/{office}/cases/{caseId}/publications",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class PublicationsController {

  /** A publication intent and where it stands. */
  public record IntentView(String id, String platform, int round, String status, String statusLabel,
      boolean needsConfirmation, Optional<String> postId, Optional<String> url, Optional<Instant> publishedAt,
      Optional<String> problemCode, Optional<String> problem, Optional<Instant> nextAttemptAt, int sendAttempts,
      int failures, Instant requestedAt, Instant updatedAt, List<String> knownIds) {

    static IntentView of(IntentState s, Language lang) {
      return new IntentView(s.id().value(), s.intent().platform().name(), s.intent().round(), s.status().name(),
          s.status().label().in(lang), s.status() == IntentStatus.NEEDS_CONFIRMATION, s.postId(),
          s.post().map(p -> p.url().toString()), s.post().map(p -> p.publishedAt()),
          s.problem().map(p -> p.code()), s.problem().map(p -> p.text().in(lang)), s.dueAt(), s.sendAttempts(),
          s.failures(), s.intent().requestedAt(), s.updatedAt(),
          s.ids().stream().map(i -> i.kind().name() + ":" + i.value()).toList());
    }
  }

  /** The publications of a case. */
  public record Publications(String caseId, List<IntentView> intents, List<String> needsConfirmation) {}

  /** The answer for an intent that needs confirmation. */
  public record Confirm(
      @NotNull Boolean posted,
      @Size(max = 2_000) @Pattern(regexp = "https://.+") String url,
      @Size(max = 200) String postId,
      Instant publishedAt) {}

  private final Jdih jdih;
  private final Access access;
  private final CaseLookup lookup;

  PublicationsController(Jdih jdih, Access access, CaseLookup lookup) {
    this.jdih = jdih;
    this.access = access;
    this.lookup = lookup;
  }

  /** Every publication intent of the case, with its status; those that need a person are named apart. */
  @GetMapping
  public Publications list(@PathVariable String office, @PathVariable String caseId, HttpServletRequest request) {
    access.member(office, Scope.CASES_READ);
    ContentCase c = lookup.visible(office, caseId);
    return publications(c, Problems.language(request));
  }

  /**
   * Answers for the latest intent of {@code platform} that needs confirmation: {@code posted: true} with the post's
   * address and id records the post on the case; {@code posted: false} lets the outbox send it again at once.
   */
  @PostMapping(path = "/{platform}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Publications confirm(@PathVariable String office, @PathVariable String caseId,
      @PathVariable @Pattern(regexp = "INSTAGRAM|FACEBOOK|THREADS|X|TELEGRAM") String platform,
      @Valid @RequestBody Confirm body, HttpServletRequest request) {
    PersonRecord person = access.member(office, Scope.CASES_WRITE);
    ContentCase c = lookup.visible(office, caseId);
    SopDefinition sop = jdih.cases().definitionOf(c.id());
    Set<RoleId> uploaders = sop.activities().stream().filter(a -> a.kind() == ActivityKind.PUBLICATION)
        .map(Activity::executor).collect(Collectors.toSet());
    if (person.roles().stream().noneMatch(uploaders::contains)) {
      throw new ServerException(ServerException.Kind.FORBIDDEN, Text.of(
          "Hanya pemegang peran kegiatan unggah (%s) yang boleh menjawab",
          "Only a holder of the upload activity's role (%s) may answer").format(uploaders.stream()
          .map(RoleId::value).sorted().collect(Collectors.joining(", "))));
    }
    Platform p = Platform.valueOf(platform);
    IntentState intent = jdih.outbox().intents(c.id()).stream().filter(s -> s.intent().platform() == p)
        .max(Comparator.comparingInt(s -> s.intent().round()))
        .filter(s -> s.status() == IntentStatus.NEEDS_CONFIRMATION)
        .orElseThrow(() -> new ServerException(ServerException.Kind.CONFLICT, Text.of(
            "Tidak ada niat terbit %s yang perlu konfirmasi pada kasus ini",
            "No %s publication intent of this case needs confirmation").format(p.displayName())));
    if (body.posted()) {
      if (body.url() == null || body.postId() == null || body.postId().isBlank()) {
        throw ServerException.badField(body.url() == null ? "url" : "postId", "Required", Text.of(
            "wajib bila posted bernilai true", "required when posted is true"));
      }
      jdih.outbox().confirmPublished(access.caller().principal(), intent.id(), body.postId(), URI.create(body.url()),
          Optional.ofNullable(body.publishedAt()).orElseGet(() -> jdih.clock().instant()));
    } else {
      jdih.outbox().confirmNotPublished(access.caller().principal(), intent.id());
    }
    return publications(lookup.visible(office, caseId), Problems.language(request));
  }

  private Publications publications(ContentCase c, Language lang) {
    List<IntentView> intents = jdih.outbox().intents(c.id()).stream().map(s -> IntentView.of(s, lang)).toList();
    return new Publications(c.id().value(), intents, intents.stream().filter(IntentView::needsConfirmation)
        .map(IntentView::platform).distinct().toList());
  }
}
