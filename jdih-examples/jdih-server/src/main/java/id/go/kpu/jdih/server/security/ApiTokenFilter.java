package id.go.kpu.jdih.server.security;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.directory.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer jdih_...} with {@link ApiTokens}. A request with any other
 * {@code Authorization} value, or a token that is unknown, revoked, expired or wrong, is answered 401 at once; the
 * token itself never reaches a log or a response. Requests without the header pass on unauthenticated.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final Problems problems;

  /** A filter over {@code tokens}. */
  public ApiTokenFilter(ApiTokens tokens, Problems problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiTokens.Grant> grant = header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() <= 200
        ? tokens.authenticate(header.substring(7).trim()) : Optional.empty();
    if (grant.isEmpty()) {
      problems.write(request, response, new ServerException(ServerException.Kind.UNAUTHORIZED, Text.of(
          "Token API tidak sah, dicabut atau kedaluwarsa", "The API token is invalid, revoked or expired")));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiTokenAuthentication(grant.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
