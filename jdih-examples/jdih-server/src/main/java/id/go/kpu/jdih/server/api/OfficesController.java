package id.go.kpu.jdih.server.api;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.Accounts;
import id.go.kpu.jdih.server.directory.ApiTokens;
import id.go.kpu.jdih.server.directory.Offices;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.server.directory.ServerDefinitions;
import id.go.kpu.jdih.server.directory.ServerDirectory;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.Office;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller, the offices, and each office's people, publishing account and API tokens. Offices are created by
 * server administrators; an office's people and tokens are managed by its administrators (or a server
 * administrator, to set up a new office).
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class OfficesController {

  /** Who the caller is and what the directory says they may do. */
  public record Me(String username, Optional<String> office, Optional<String> nip, Optional<String> name,
      List<String> roles, boolean officeAdmin, boolean serverAdmin, String via, List<String> scopes) {}

  /** A new office: its identity, its first SOP (the reference SOP under its identity if none is given). */
  public record NewOffice(
      @NotBlank @Size(max = 40) @Pattern(regexp = SopKey.ID_PATTERN) String id,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 200) String unit,
      @NotBlank @Size(max = 64) String zone,
      JsonNode definition) {}

  /** An office as listed. */
  public record OfficeView(String id, String name, String unit, String zone, String sop, List<String> revisions,
      Optional<String> publisher) {}

  /** A person of an office, with their account. */
  public record PersonBody(
      @NotBlank @Pattern(regexp = "\\d{18}") String nip,
      @NotBlank @Size(max = 200) String name,
      @NotNull @Size(max = 20) List<@NotBlank @Pattern(regexp = SopKey.ID_PATTERN) @Size(max = 40) String> roles,
      boolean officeAdmin,
      @Email @Size(max = 254) String email,
      @Size(max = 64) @Pattern(regexp = "-?\\d{1,20}|@[A-Za-z0-9_]{5,32}") String telegramChat,
      @Pattern(regexp = "id|en") String language,
      Boolean active,
      @Size(min = 12, max = 200) String password) {}

  /** A person as listed (never a password). */
  public record PersonView(String username, String nip, String name, List<String> roles, boolean officeAdmin,
      Optional<String> email, Optional<String> telegramChat, String language, boolean active) {
    static PersonView of(PersonRecord p) {
      return new PersonView(p.username(), p.nip().value(), p.name(), p.roles().stream().map(RoleId::value).sorted()
          .toList(), p.officeAdmin(), p.email(), p.telegramChat(), p.language().name().toLowerCase(java.util.Locale.ROOT),
          p.active());
    }
  }

  /** A token to issue. */
  public record NewToken(@NotBlank @Size(max = 100) String label,
      @NotBlank @Size(max = 64) String username,
      @NotEmpty @Size(max = 4) List<@Pattern(regexp = "cases:read|cases:write|sop:read|reports:read") String> scopes,
      Instant expiresAt) {}

  /** A token just issued: the only response that carries its secret. */
  public record IssuedToken(String id, String token, List<String> scopes) {}

  /** A token as listed. */
  public record TokenView(String id, String username, String label, List<String> scopes, Instant createdAt,
      Optional<Instant> expiresAt, Optional<Instant> revokedAt) {}

  /** The account the outbox records the office's posts as. */
  public record Publisher(@Size(max = 64) String username) {}

  private final Access access;
  private final Offices offices;
  private final ServerDirectory directory;
  private final Accounts accounts;
  private final ApiTokens tokens;
  private final ServerDefinitions definitions;
  private final JsonMapper json;
  private final id.go.kpu.jdih.server.ServerProperties properties;

  OfficesController(Access access, Offices offices, ServerDirectory directory, Accounts accounts, ApiTokens tokens,
      ServerDefinitions definitions, JsonMapper json, id.go.kpu.jdih.server.ServerProperties properties) {
    this.access = access;
    this.offices = offices;
    this.directory = directory;
    this.accounts = accounts;
    this.tokens = tokens;
    this.definitions = definitions;
    this.json = json;
    this.properties = properties;
  }

  /** The caller. */
  @GetMapping("/me")
  public Me me() {
    Access.Caller c = access.caller();
    Optional<PersonRecord> p = access.person(c);
    return new Me(c.username(), p.map(PersonRecord::officeId), p.map(x -> x.nip().value()), p.map(PersonRecord::name),
        p.map(x -> x.roles().stream().map(RoleId::value).sorted().toList()).orElse(List.of()),
        p.map(PersonRecord::officeAdmin).orElse(false) && c.token().isEmpty(), access.isServerAdmin(c),
        c.token().isPresent() ? "token" : "session",
        c.token().map(t -> t.scopes().stream().map(ApiTokens.Scope::value).sorted().toList())
            .orElse(List.of()));
  }

  /** A new password for the caller's own local login. */
  public record PasswordChange(@NotBlank @Size(max = 200) String current, @NotBlank @Size(min = 12, max = 200)
      String password) {}

  /**
   * Changes the caller's own password (a session only, never a token): the current password must be given, and a
   * wrong one counts as a failed login.
   */
  @PutMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange body) {
    Access.Caller c = access.caller();
    if (c.token().isPresent()) {
      throw new ServerException(ServerException.Kind.FORBIDDEN, Text.of("Token API tidak dapat mengganti kata sandi",
          "An API token cannot change a password"));
    }
    Accounts.Account account = accounts.find(c.username()).orElseThrow();
    if (account.lockedAt(accounts.now()) || account.passwordHash().isEmpty()
        || !accounts.matches(account, body.current())) {
      accounts.recordFailure(c.username());
      throw ServerException.badField("current", "CurrentPassword", Text.of("kata sandi sekarang salah",
          "the current password is wrong"));
    }
    accounts.setPassword(c.username(), body.password());
    return ResponseEntity.noContent().build();
  }

  /** The offices: all for a server administrator, otherwise the caller's own. */
  @GetMapping("/offices")
  public List<OfficeView> offices() {
    Access.Caller c = access.caller();
    List<String> ids = access.isServerAdmin(c) ? offices.ids()
        : access.person(c).map(p -> List.of(p.officeId())).orElse(List.of());
    return ids.stream().map(this::view).flatMap(Optional::stream).toList();
  }

  /** Creates an office (server administrators). */
  @PostMapping(path = "/offices", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(responseCode = "201", description = "The office was created")
  public ResponseEntity<OfficeView> create(@Valid @RequestBody NewOffice body) {
    Access.Caller c = access.serverAdmin();
    ZoneId zone;
    try {
      zone = ZoneId.of(body.zone());
    } catch (DateTimeException e) {
      throw ServerException.badField("zone", "ZoneId", Text.of("zona waktu tidak dikenal, mis. Asia/Jakarta",
          "unknown time zone, e.g. Asia/Jakarta"));
    }
    Office office = new Office(body.id(), body.name(), body.unit(), zone);
    SopDefinition d = body.definition() == null || body.definition().isNull() ? Offices.referenceFor(office)
        : definitions.fromJson(json.writeValueAsString(body.definition()));
    if (!d.office().id().equals(body.id())) {
      throw ServerException.badField("definition.office.id", "SameOffice", Text.of(
          "definisi harus untuk kantor %s", "the definition must be for office %s").format(body.id()));
    }
    offices.create(d, c.username());
    return ResponseEntity.created(URI.create("/api/v1/offices/" + body.id())).body(view(body.id()).orElseThrow());
  }

  /** One office. */
  @GetMapping("/offices/{office}")
  public OfficeView office(@PathVariable String office) {
    Access.Caller c = access.caller();
    if (!access.isServerAdmin(c)) {
      access.member(office, ApiTokens.Scope.SOP_READ);
    }
    return view(office).orElseThrow(() -> new ServerException(ServerException.Kind.NOT_FOUND, Text.of(
        "Kantor %s tidak ditemukan", "Office %s not found").format(office)));
  }

  /** The office's people (its administrators, or a server administrator). */
  @GetMapping("/offices/{office}/people")
  public List<PersonView> people(@PathVariable String office) {
    administer(office);
    return directory.people(office).stream().map(PersonView::of).toList();
  }

  /**
   * Adds or changes the person of account {@code username} in the office; the roles must be roles of the office's
   * current SOP. A password creates or resets the account's local login.
   */
  @PutMapping(path = "/offices/{office}/people/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public PersonView putPerson(@PathVariable String office,
      @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username, @Valid @RequestBody PersonBody body) {
    administer(office);
    SopDefinition sop = offices.currentDefinition(office).orElseThrow(() -> new ServerException(
        ServerException.Kind.NOT_FOUND, Text.of("Kantor %s tidak ditemukan", "Office %s not found").format(office)));
    Set<String> known = sop.roles().stream().map(Role::id).map(RoleId::value).collect(Collectors.toSet());
    for (int i = 0; i < body.roles().size(); i++) {
      if (!known.contains(body.roles().get(i))) {
        throw ServerException.badField("roles[" + i + "]", "KnownRole", Text.of(
            "peran %s tidak ada di SOP kantor ini (ada: %s)", "role %s is not in this office's SOP (known: %s)")
            .format(body.roles().get(i), known.stream().sorted().collect(Collectors.joining(", "))));
      }
    }
    Optional<PersonRecord> existing = directory.person(username);
    if (existing.isPresent() && !existing.get().officeId().equals(office)) {
      throw new ServerException(ServerException.Kind.CONFLICT, Text.of("Akun %s milik kantor lain",
          "Account %s belongs to another office").format(username));
    }
    // A NIP is unique nationally: one held by another account (of any office) is a conflict, not a 500.
    if (directory.personWithNip(body.nip()).filter(p -> !p.username().equals(username)).isPresent()) {
      throw new ServerException(ServerException.Kind.CONFLICT, Text.of("NIP %s sudah dipakai akun lain",
          "NIP %s is used by another account").format(body.nip()));
    }
    if (accounts.find(username).isEmpty()) {
      accounts.create(username, Optional.ofNullable(body.password()), false);
    } else if (body.password() != null) {
      accounts.setPassword(username, body.password());
    }
    PersonRecord p = new PersonRecord(username, office, Nip.of(body.nip()), body.name(),
        body.roles().stream().map(RoleId::of).collect(ImmutableSet.toImmutableSet()), body.officeAdmin(),
        Optional.ofNullable(body.email()), Optional.ofNullable(body.telegramChat()),
        body.language() == null ? Language.ID : Language.fromTag(body.language()),
        body.active() == null || body.active());
    directory.save(p);
    return PersonView.of(p);
  }

  /** Sets the account the outbox records the office's posts as (it must hold the upload activity's role). */
  @PutMapping(path = "/offices/{office}/publisher", consumes = MediaType.APPLICATION_JSON_VALUE)
  public OfficeView publisher(@PathVariable String office, @Valid @RequestBody Publisher body) {
    administer(office);
    Optional<String> username = Optional.ofNullable(body.username()).filter(u -> !u.isBlank());
    if (username.isPresent() && directory.activePerson(username.get()).filter(p -> p.officeId().equals(office))
        .isEmpty()) {
      throw ServerException.badField("username", "PersonOfOffice", Text.of("bukan orang aktif kantor ini",
          "not an active person of this office"));
    }
    offices.setPublisher(office, username);
    return view(office).orElseThrow();
  }

  /** The office's API tokens (never their secrets). */
  @GetMapping("/offices/{office}/tokens")
  public List<TokenView> tokens(@PathVariable String office) {
    administer(office);
    return tokens.list(office).stream().map(t -> new TokenView(t.id(), t.username(), t.label(),
        t.scopes().stream().map(ApiTokens.Scope::value).toList(), t.createdAt(), t.expiresAt(), t.revokedAt()))
        .toList();
  }

  /** Issues a token acting as a person of the office; the secret is in this response only. */
  @PostMapping(path = "/offices/{office}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(responseCode = "201", description = "The token was issued; its secret is in this response only")
  public ResponseEntity<IssuedToken> issue(@PathVariable String office, @Valid @RequestBody NewToken body) {
    administer(office);
    if (directory.activePerson(body.username()).filter(p -> p.officeId().equals(office)).isEmpty()) {
      throw ServerException.badField("username", "PersonOfOffice", Text.of("bukan orang aktif kantor ini",
          "not an active person of this office"));
    }
    if (tokens.activeCount(office) >= properties.maxTokensPerOffice()) {
      throw new ServerException(ServerException.Kind.CONFLICT, Text.of("Kantor ini sudah memiliki %s token",
          "This office has %s tokens already").format(properties.maxTokensPerOffice()));
    }
    Set<ApiTokens.Scope> scopes = EnumSet.noneOf(ApiTokens.Scope.class);
    body.scopes().forEach(s -> scopes.add(ApiTokens.Scope.of(s).orElseThrow()));
    String token = tokens.issue(body.username(), office, body.label(), scopes, Optional.ofNullable(body.expiresAt()));
    String id = token.substring(5, 21);
    return ResponseEntity.created(URI.create("/api/v1/offices/" + office + "/tokens/" + id))
        .header("Cache-Control", "no-store")
        .body(new IssuedToken(id, token, scopes.stream().map(ApiTokens.Scope::value).toList()));
  }

  /** Revokes a token. */
  @DeleteMapping("/offices/{office}/tokens/{id}")
  @ApiResponse(responseCode = "204", description = "The token was revoked")
  public ResponseEntity<Void> revoke(@PathVariable String office, @PathVariable @Size(max = 32) String id) {
    administer(office);
    if (!tokens.revoke(office, id)) {
      throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of("Token %s tidak ditemukan",
          "Token %s not found").format(id));
    }
    return ResponseEntity.noContent().build();
  }

  private void administer(String office) {
    access.administer(office);
  }

  private Optional<OfficeView> view(String id) {
    return offices.currentDefinition(id).map(d -> new OfficeView(id, d.office().name(), d.office().unit(),
        d.office().zone().getId(), d.key().toString(), offices.revisions(id).stream().map(SopKey::toString).toList(),
        offices.publisher(id)));
  }

}
