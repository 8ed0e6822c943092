package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.actor.ForbiddenOfficeException;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.Accounts;
import id.go.kpu.jdih.server.directory.ApiTokens;
import id.go.kpu.jdih.server.directory.Offices;
import id.go.kpu.jdih.server.directory.PersonRecord;
import id.go.kpu.jdih.server.directory.ServerDefinitions;
import id.go.kpu.jdih.server.directory.ServerDirectory;
import id.go.kpu.jdih.server.security.ApiTokenAuthentication;
import id.go.kpu.jdih.workflow.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling and what they may do, decided from the server's directory at each request: the office a person
 * belongs to, whether they administer it, whether they administer the server; for an API token also its office
 * and scopes. A refusal for another office's data is {@code JDIH-ACTOR-002} whether or not that office exists, so
 * that office ids cannot be probed. Thread-safe.
 */
@Component
public class Access {

  /** The caller of the current request. */
  public record Caller(String username, Optional<ApiTokens.Grant> token) {
    /** The principal the runtime is told about. */
    public Principal principal() {
      return Principal.of(username);
    }
  }

  private final ServerDirectory directory;
  private final Accounts accounts;
  private final Offices offices;
  private final ServerDefinitions definitions;

  Access(ServerDirectory directory, Accounts accounts, Offices offices, ServerDefinitions definitions) {
    this.directory = directory;
    this.accounts = accounts;
    this.offices = offices;
    this.definitions = definitions;
  }

  /** The caller; 401 if the request is not authenticated (the filter chain lets none such through). */
  public Caller caller() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
      throw new ServerException(ServerException.Kind.UNAUTHORIZED, Text.of("Masuk terlebih dahulu",
          "Log in first"));
    }
    return new Caller(auth.getName(), auth instanceof ApiTokenAuthentication t ? Optional.of(t.grant())
        : Optional.empty());
  }

  /** The caller's directory entry, if they are a person of an office. */
  public Optional<PersonRecord> person(Caller caller) {
    return directory.activePerson(caller.username());
  }

  /**
   * The caller as a person of {@code officeId} using {@code scope}.
   *
   * @throws ForbiddenOfficeException if they are not a person of that office, or their token is of another
   *     office or lacks the scope
   */
  public PersonRecord member(String officeId, ApiTokens.Scope scope) {
    Caller caller = caller();
    PersonRecord p = person(caller).filter(x -> x.officeId().equals(officeId))
        .orElseThrow(() -> new ForbiddenOfficeException(caller.principal()));
    if (caller.token().isPresent()) {
      ApiTokens.Grant g = caller.token().get();
      if (!g.officeId().equals(officeId)) {
        throw new ForbiddenOfficeException(caller.principal());
      }
      if (!g.scopes().contains(scope)) {
        throw new ServerException(ServerException.Kind.FORBIDDEN, Text.of(
            "Token ini tidak memiliki cakupan %s", "This token lacks the scope %s").format(scope.value()));
      }
    }
    // Another instance may have published a revision of this office's SOP since this one last looked.
    definitions.refresh(Optional.of(officeId));
    return p;
  }

  /** The caller as an administrator of {@code officeId}; never through an API token. */
  public PersonRecord officeAdmin(String officeId) {
    Caller caller = caller();
    PersonRecord p = person(caller).filter(x -> x.officeId().equals(officeId))
        .orElseThrow(() -> new ForbiddenOfficeException(caller.principal()));
    if (caller.token().isPresent() || !p.officeAdmin()) {
      throw new ServerException(ServerException.Kind.FORBIDDEN, Text.of(
          "Hanya administrator kantor yang boleh melakukannya", "Only the office's administrators may do this"));
    }
    return p;
  }

  /**
   * The caller as an administrator of {@code officeId}: one of its office administrators, or a server
   * administrator (to set up a new office); never through an API token.
   *
   * @throws ServerException {@code NOT_FOUND} if a server administrator names an office that does not exist
   * @throws ForbiddenOfficeException if the caller is a person of another office
   */
  public void administer(String officeId) {
    Caller c = caller();
    if (isServerAdmin(c)) {
      if (!offices.exists(officeId)) {
        throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of("Kantor %s tidak ditemukan",
            "Office %s not found").format(officeId));
      }
      return;
    }
    officeAdmin(officeId);
  }

  /** The caller as a server administrator; never through an API token. */
  public Caller serverAdmin() {
    Caller caller = caller();
    if (caller.token().isPresent() || !isServerAdmin(caller)) {
      throw new ServerException(ServerException.Kind.FORBIDDEN, Text.of(
          "Hanya administrator server yang boleh melakukannya", "Only server administrators may do this"));
    }
    return caller;
  }

  /** Whether the caller administers the server (never through a token). */
  public boolean isServerAdmin(Caller caller) {
    return caller.token().isEmpty() && accounts.find(caller.username()).map(Accounts.Account::serverAdmin)
        .orElse(false);
  }

  /** The offices, for checks that the office exists after access was granted. */
  public Offices offices() {
    return offices;
  }
}
