package id.go.kpu.jdih.server.api;

import com.google.common.hash.Hashing;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.event.json.EventJson;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.runtime.Cases;
import id.go.kpu.jdih.runtime.DocumentUpload;
import id.go.kpu.jdih.runtime.ImageUpload;
import id.go.kpu.jdih.runtime.Jdih;
import id.go.kpu.jdih.runtime.Storage;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.ApiTokens.Scope;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.spring.boot.OfficeCalendars;
import id.go.kpu.jdih.store.jdbc.CaseQuery;
import id.go.kpu.jdih.store.jdbc.CaseSummary;
import id.go.kpu.jdih.store.jdbc.JdbcStorage;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.WorkingCalendar;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseStatus;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.CommandResult;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.RecordedEvent;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases of an office: list, propose, read (state, timeline, events, files) and one endpoint per activity
 * command. Every command takes an {@code Idempotency-Key} (the runtime's command id) and may send
 * {@code If-Match} with the case version its {@code ETag} gave; the runtime resolves the caller's roles in the
 * directory at each command.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/offices/{office}/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CasesController {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Jdih jdih;
  private final Access access;
  private final Idempotency idempotency;
  private final OfficeCalendars calendars;
  private final WorkingCalendar calendar;
  private final JsonMapper json;
  private final EventJson events = new EventJson();

  CasesController(Jdih jdih, Access access, Idempotency idempotency, OfficeCalendars calendars,
      WorkingCalendar calendar, JsonMapper json) {
    this.jdih = jdih;
    this.access = access;
    this.idempotency = idempotency;
    this.calendars = calendars;
    this.calendar = calendar;
    this.json = json;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading

  /** The office's cases, newest first, filtered by status, current activity, period, or overdue only. */
  @GetMapping
  public Views.CasePage list(@PathVariable String office, @RequestParam Optional<CaseStatus> status,
      @RequestParam Optional<@Min(1) @Max(1000) Integer> activity, @RequestParam Optional<Instant> openedFrom,
      @RequestParam Optional<Instant> openedBefore, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) long offset,
      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
    access.member(office, Scope.CASES_READ);
    var store = jdbc().cases();
    Deadlines deadlines = deadlines(office);
    Instant now = jdih.clock().instant();
    if (overdue) {
      // The office's open cases only (an index range), not every office's filtered here.
      try (Stream<id.go.kpu.jdih.store.jdbc.OverdueCase> s = store.overdue(office, deadlines, now)) {
        List<id.go.kpu.jdih.store.jdbc.OverdueCase> all = s
            .filter(o -> activity.map(a -> a == o.activity()).orElse(true))
            .sorted((a, b) -> a.due().compareTo(b.due())).toList();
        List<Views.CaseItem> page = all.stream().skip(offset).limit(limit)
            .map(o -> Views.CaseItem.of(o.summary(), Optional.of(o.due()))).toList();
        return new Views.CasePage(page, all.size(), offset, limit);
      }
    }
    CaseQuery q = CaseQuery.ofOffice(office).openedBetween(openedFrom, openedBefore).page(offset, limit);
    if (status.isPresent()) {
      q = q.withStatus(status.get());
    }
    if (activity.isPresent()) {
      q = q.withActivity(activity.get());
    }
    long total = store.count(q);
    try (Stream<CaseSummary> s = store.cases(q)) {
      List<Views.CaseItem> items = s.map(c -> Views.CaseItem.of(c, due(c, deadlines))).toList();
      return new Views.CasePage(items, total, offset, limit);
    }
  }

  /** The case; its {@code ETag} is its version. */
  @GetMapping("/{caseId}")
  public ResponseEntity<Views.CaseView> get(@PathVariable String office, @PathVariable String caseId) {
    access.member(office, Scope.CASES_READ);
    ContentCase c = visible(office, caseId);
    return withVersion(ResponseEntity.ok(), c).body(view(c));
  }

  /** Every activity done, with its due and actual times, and the open one. */
  @GetMapping("/{caseId}/timeline")
  public Views.Timeline timeline(@PathVariable String office, @PathVariable String caseId) {
    access.member(office, Scope.CASES_READ);
    ContentCase c = visible(office, caseId);
    SopDefinition sop = jdih.cases().definitionOf(c.id());
    Deadlines deadlines = deadlines(office);
    List<Views.TimelineRow> rows = new ArrayList<>();
    c.runs().forEach(r -> rows.add(Views.TimelineRow.done(r, sop, deadlines)));
    deadlines.open(c, sop, jdih.clock().instant()).ifPresent(o -> rows.add(Views.TimelineRow.open(o, sop)));
    return new Views.Timeline(c.id().value(), sop.key().toString(), sop.office().zone().getId(), rows);
  }

  /** The case's events as recorded, hash-chained, in the event JSON format. */
  @GetMapping("/{caseId}/events")
  @ApiResponse(responseCode = "200", description = "The events, oldest first", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(type = "object"))))
  public ResponseEntity<String> events(@PathVariable String office, @PathVariable String caseId) {
    access.member(office, Scope.CASES_READ);
    ContentCase c = visible(office, caseId);
    List<RecordedEvent> history = acting().history(c.id());
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < history.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(events.write(history.get(i)));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(sb.append(']').toString());
  }

  /** A file of the case (a design image or the meeting's minutes). */
  @GetMapping(path = "/{caseId}/media/{ref}", produces = MediaType.ALL_VALUE)
  public ResponseEntity<byte[]> media(@PathVariable String office, @PathVariable String caseId,
      @PathVariable @Size(max = 200) String ref) throws IOException {
    access.member(office, Scope.CASES_READ);
    ContentCase c = visible(office, caseId);
    Optional<String> type = c.design().stream().filter(m -> m.fileRef().equals(ref)).map(MediaItem::mediaType)
        .findFirst().or(() -> c.meeting().map(m -> m.minutes()).filter(d -> d.fileRef().equals(ref))
            .map(DocumentRef::mediaType));
    if (type.isEmpty()) {
      throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of("Berkas %s bukan bagian kasus ini",
          "File %s is not part of this case").format(ref));
    }
    MediaStore media = jdih.media();
    try (InputStream in = media.open(ref)) {
      return ResponseEntity.ok().contentType(MediaType.parseMediaType(type.get()))
          .cacheControl(CacheControl.noStore()).body(in.readAllBytes());
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Commands

  /** Proposes content: opens a case under the office's current SOP; the case id follows from the key. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(responseCode = "201", description = "The case was opened; Location names it, ETag is its version")
  @ApiResponse(responseCode = "200", description = "A retry of a proposal with the same Idempotency-Key: the case as"
      + " then (Idempotent-Replayed: true)")
  public ResponseEntity<Views.CaseView> propose(@PathVariable String office,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @Valid @RequestBody Requests.Propose body,
      HttpServletRequest request) {
    access.member(office, Scope.CASES_WRITE);
    SopKey sop = access.offices().current(office).orElseThrow(() -> new ServerException(
        ServerException.Kind.NOT_FOUND, Text.of("Kantor %s tidak ditemukan", "Office %s not found").format(office)));
    CaseId caseId = Idempotency.caseIdFor(office, key.orElse(""));
    CommandId command = idempotency.claim(office, key, caseId, "POST", request.getRequestURI(), bytes(body));
    CommandResult r = acting().propose(command, caseId, sop, proposal(body));
    ResponseEntity.BodyBuilder b = r.repeated() ? ResponseEntity.ok().header("Idempotent-Replayed", "true")
        : ResponseEntity.created(URI.create(request.getRequestURI() + "/" + caseId.value()));
    return withVersion(b, r.state()).body(view(r.state()));
  }

  /** Resubmits a rejected case with a revised proposal; the case keeps the SOP revision it began under. */
  @PostMapping(path = "/{caseId}/resubmit", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> resubmit(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.Propose body, HttpServletRequest request) {
    ContentProposal proposal = proposal(body);
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().propose(cmd, id, proposal));
  }

  /** Approves the draft at the current approval activity. */
  @PostMapping(path = "/{caseId}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> approve(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.Approve body, HttpServletRequest request) {
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().approve(cmd, id, Optional.ofNullable(body.note()).filter(n -> !n.isBlank())));
  }

  /** Rejects the draft at the current approval activity. */
  @PostMapping(path = "/{caseId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> reject(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.Reject body, HttpServletRequest request) {
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().reject(cmd, id, body.reason()));
  }

  /** Records the team meeting with its minutes (a PDF or image) uploaded in the same request. */
  @PostMapping(path = "/{caseId}/meeting", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Views.CaseView> meeting(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @RequestParam LocalDate date, @RequestParam @Size(min = 1, max = 50) List<@Size(max = 200) String> attendees,
      @RequestParam @Size(max = 20_000) String conclusions,
      @RequestParam(required = false) @Size(max = 50) List<@Size(max = 100) String> equipment,
      @RequestPart MultipartFile minutes, HttpServletRequest request) throws IOException {
    byte[] file = minutes.getBytes();
    String name = Optional.ofNullable(minutes.getOriginalFilename()).filter(n -> !n.isBlank()).orElse("notulen");
    String type = Optional.ofNullable(minutes.getContentType()).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    String fingerprint = date + "\n" + String.join("\u0001", attendees) + "\n" + conclusions + "\n"
        + (equipment == null ? "" : String.join("\u0001", equipment)) + "\n" + name + "\n" + type + "\n"
        + Hashing.sha256().hashBytes(file);
    return command(office, caseId, key, ifMatch, request, fingerprint.getBytes(StandardCharsets.UTF_8),
        (cmd, id) -> acting().recordMeeting(cmd, id, date, attendees, conclusions,
            DocumentUpload.of(name.length() > 200 ? name.substring(0, 200) : name, type, file),
            equipment == null ? new HashSet<>() : new HashSet<>(equipment)));
  }

  /** Summarises the meeting's results. */
  @PostMapping(path = "/{caseId}/summary", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> summarize(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.Summarize body, HttpServletRequest request) {
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().summarize(cmd, id, body.summary()));
  }

  /**
   * Attaches the design: one or more JPEG or PNG images in posting order. The server reads each image's size
   * itself; each target platform's rules are checked by the library.
   */
  @PostMapping(path = "/{caseId}/design", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Views.CaseView> design(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @RequestPart("images") @Size(min = 1, max = 20) List<MultipartFile> images, HttpServletRequest request)
      throws IOException {
    List<ImageUpload> uploads = new ArrayList<>();
    StringBuilder fingerprint = new StringBuilder();
    for (int i = 0; i < images.size(); i++) {
      MultipartFile f = images.get(i);
      byte[] bytes = f.getBytes();
      String type = Optional.ofNullable(f.getContentType()).orElse("");
      int[] size = imageSize(bytes, "images[" + i + "]");
      uploads.add(ImageUpload.of(type, bytes, size[0], size[1]));
      fingerprint.append(type).append(' ').append(Hashing.sha256().hashBytes(bytes)).append('\n');
    }
    return command(office, caseId, key, ifMatch, request, fingerprint.toString().getBytes(StandardCharsets.UTF_8),
        (cmd, id) -> acting().uploadDesign(cmd, id, uploads));
  }

  /** Writes the caption; the library checks it against each target platform's rules. */
  @PostMapping(path = "/{caseId}/caption", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> caption(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.WriteCaption body, HttpServletRequest request) {
    Map<Platform, String> per = new EnumMap<>(Platform.class);
    if (body.perPlatform() != null) {
      body.perPlatform().forEach((k, v) -> per.put(Platform.valueOf(k), v));
    }
    Caption caption = new Caption(body.text(), com.google.common.collect.ImmutableMap.copyOf(per));
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().writeCaption(cmd, id, caption));
  }

  /** Records posts made by hand, outside the outbox. */
  @PostMapping(path = "/{caseId}/publications", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> publications(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.RecordPublication body, HttpServletRequest request) {
    List<PlatformPost> posts = body.posts().stream().map(p -> new PlatformPost(Platform.valueOf(p.platform()),
        p.postId(), URI.create(p.url()), p.publishedAt())).toList();
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().recordPublication(cmd, id, posts));
  }

  /** Completes a generic task a variant added. */
  @PostMapping(path = "/{caseId}/task", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> task(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.CompleteTask body, HttpServletRequest request) {
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().completeTask(cmd, id, body.result()));
  }

  /** Withdraws the case before publication. */
  @PostMapping(path = "/{caseId}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Views.CaseView> withdraw(@PathVariable String office, @PathVariable String caseId,
      @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch,
      @Valid @RequestBody Requests.Withdraw body, HttpServletRequest request) {
    return command(office, caseId, key, ifMatch, request, bytes(body),
        (cmd, id) -> acting().withdraw(cmd, id, body.reason()));
  }

  // ---------------------------------------------------------------------------------------------------------

  private interface Command {
    CommandResult run(CommandId command, CaseId caseId);
  }

  private ResponseEntity<Views.CaseView> command(String office, String caseIdText, Optional<String> key,
      Optional<String> ifMatch, HttpServletRequest request, byte[] fingerprint, Command command) {
    access.member(office, Scope.CASES_WRITE);
    ContentCase before = visible(office, caseIdText);
    if (ifMatch.isPresent() && !ifMatch.get().trim().equals("*")
        && !ifMatch.get().trim().equals(etag(before.version()))) {
      throw new ServerException(ServerException.Kind.VERSION_MISMATCH, Text.of(
          "Kasus sudah berubah (versi sekarang %s); muat ulang lalu coba lagi",
          "The case has changed (now version %s); reload and try again").format(before.version()));
    }
    CommandId id = idempotency.claim(office, key, before.id(), request.getMethod(), request.getRequestURI(),
        fingerprint);
    CommandResult r = command.run(id, before.id());
    ResponseEntity.BodyBuilder b = ResponseEntity.ok();
    if (r.repeated()) {
      b.header("Idempotent-Replayed", "true");
    }
    return withVersion(b, r.state()).body(view(r.state()));
  }

  /** The case, if it exists and is the office's: another office's case is refused like a missing one. */
  private ContentCase visible(String office, String caseIdText) {
    CaseId id;
    try {
      id = CaseId.of(caseIdText);
    } catch (IllegalArgumentException e) {
      throw ServerException.badField("caseId", "Pattern", Text.of("huruf, angka, - dan _, 1-64 karakter",
          "letters, digits, - and _, 1-64 characters"));
    }
    return acting().find(id).filter(c -> jdih.cases().definitionOf(c.id()).office().id().equals(office))
        .orElseThrow(() -> new ServerException(ServerException.Kind.NOT_FOUND, Text.of(
            "Kasus %s tidak ditemukan di kantor %s", "Case %s not found in office %s").format(caseIdText, office)));
  }

  private static ContentProposal proposal(Requests.Propose body) {
    Optional<LegalProductRef> legal = Optional.ofNullable(body.legalProduct()).map(l -> LegalProductRef.of(
        l.documentType(), l.title(), l.issuingBody(), l.number(), l.form(), l.year()));
    return new ContentProposal(body.title(), ContentCategory.valueOf(body.category()), body.material(), legal,
        body.platforms().stream().map(Platform::valueOf).collect(com.google.common.collect.ImmutableSet
            .toImmutableSet()));
  }

  private Cases.Acting acting() {
    return jdih.cases().as(principal());
  }

  private id.go.kpu.jdih.workflow.Principal principal() {
    return access.caller().principal();
  }

  private Views.CaseView view(ContentCase c) {
    SopDefinition sop = jdih.cases().definitionOf(c.id());
    return Views.CaseView.of(c, sop, deadlines(sop.office().id()), jdih.clock().instant());
  }

  private Deadlines deadlines(String office) {
    return new Deadlines(calendars.forOffice(office).orElse(calendar));
  }

  private Optional<Instant> due(CaseSummary c, Deadlines deadlines) {
    if (c.currentActivity().isEmpty() || c.availableSince().isEmpty()) {
      return Optional.empty();
    }
    return jdih.definitions().find(c.sop()).flatMap(d -> d.activity(c.currentActivity().getAsInt()))
        .flatMap(a -> deadlines.due(a, c.availableSince().get()));
  }

  private static ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder b, ContentCase c) {
    return b.eTag(etag(c.version()));
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }

  private byte[] bytes(Object body) {
    return json.writeValueAsBytes(body);
  }

  private Storage storage() {
    return jdih.storage();
  }

  private JdbcStorage jdbc() {
    if (storage() instanceof JdbcStorage s) {
      return s;
    }
    throw new IllegalStateException("jdih-server needs the JDBC store");
  }

  /** Width and height from the image's header, without decoding it; a file that is no readable image is refused. */
  private static int[] imageSize(byte[] bytes, String field) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          reader.setInput(in, true, true);
          return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
          // fall through to the refusal below
        } finally {
          reader.dispose();
        }
      }
    }
    throw ServerException.badField(field, "Image", Text.of("bukan gambar JPEG atau PNG yang dapat dibaca",
        "not a readable JPEG or PNG image"));
  }
}
