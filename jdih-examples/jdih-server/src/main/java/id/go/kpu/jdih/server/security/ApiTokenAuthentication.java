package id.go.kpu.jdih.server.security;

import id.go.kpu.jdih.server.directory.ApiTokens;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API token presented as {@code Authorization: Bearer jdih_...}, authenticated. Never carries the secret. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final transient ApiTokens.Grant grant;

  /** The authentication for {@code grant}. */
  public ApiTokenAuthentication(ApiTokens.Grant grant) {
    super(grant.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value())).toList());
    this.grant = grant;
    setAuthenticated(true);
  }

  /** What the token grants. */
  public ApiTokens.Grant grant() {
    return grant;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return grant.username();
  }

  @Override
  public String getName() {
    return grant.username();
  }

  @Override
  public List<org.springframework.security.core.GrantedAuthority> getAuthorities() {
    return List.copyOf(super.getAuthorities());
  }
}
