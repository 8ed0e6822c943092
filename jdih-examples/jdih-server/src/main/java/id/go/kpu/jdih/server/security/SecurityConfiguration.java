package id.go.kpu.jdih.server.security;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.ServerProperties;
import id.go.kpu.jdih.server.api.Problems;
import id.go.kpu.jdih.server.directory.Accounts;
import id.go.kpu.jdih.server.directory.ApiTokens;
import id.go.kpu.jdih.server.platforms.SignedMediaUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The API ({@code /api/**}) takes an API token ({@code Authorization: Bearer jdih_...}) or the
 * browser session of a login; it answers 401/403 as problem details and needs the CSRF token only from session
 * callers. Everything else (pages, login, actuator) uses the session: form login at the server's own page
 * {@code /login} with local accounts and
 * lock-out, and OIDC login when a client registration is configured
 * ({@code spring.security.oauth2.client.registration.*}). Roles are never taken from a login: the directory is
 * asked at each request.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /** A strict policy: nothing but the server's own scripts, styles, images and forms; no framing. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The API's chain. */
  @Bean
  @Order(1)
  public SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, Problems problems) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/openapi.json").permitAll()
            .anyRequest().authenticated())
        .addFilterBefore(new ApiTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
        // CSRF rides on the session cookie: a token caller, or one with no session at all (answered 401), cannot be
        // its victim; a session caller must send the CSRF token.
        .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null
            || r.getRequestedSessionId() == null))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, new ServerException(
                ServerException.Kind.UNAUTHORIZED, Text.of("Masuk terlebih dahulu atau kirim token API",
                    "Log in first or send an API token"))))
            .accessDeniedHandler((req, res, ex) -> problems.write(req, res, new ServerException(
                ServerException.Kind.FORBIDDEN, Text.of("Ditolak (token CSRF hilang atau tidak sah?)",
                    "Denied (a missing or invalid CSRF token?)")))))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .requestCache(c -> c.disable());
    return http.build();
  }

  /** The chain of pages, login and operations. */
  @Bean
  @Order(2)
  public SecurityFilterChain webChain(HttpSecurity http, Accounts accounts, ServerProperties properties,
      SignedMediaUrls mediaUrls, ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
    AuthorizationManager<RequestAuthorizationContext> serverAdmin = (auth, ctx) -> new AuthorizationDecision(
        auth.get() != null && auth.get().isAuthenticated() && accounts.find(auth.get().getName())
            .map(Accounts.Account::serverAdmin).orElse(false));
    byte[] metricsToken = ("Bearer " + properties.metricsToken()).getBytes(StandardCharsets.UTF_8);
    AuthorizationManager<RequestAuthorizationContext> scraper = (auth, ctx) -> {
      String header = ctx.getRequest().getHeader("Authorization");
      boolean token = !properties.metricsToken().isEmpty() && header != null
          && MessageDigest.isEqual(metricsToken, header.getBytes(StandardCharsets.UTF_8));
      return new AuthorizationDecision(token || serverAdmin.authorize(auth, ctx).isGranted());
    };
    // The design images the Graph APIs fetch: no login, but only with a valid signature (the controller checks again).
    AuthorizationManager<RequestAuthorizationContext> signedMedia = (auth, ctx) -> {
      jakarta.servlet.http.HttpServletRequest r = ctx.getRequest();
      String path = r.getRequestURI().substring(r.getContextPath().length());
      return new AuthorizationDecision(path.startsWith(SignedMediaUrls.PATH) && mediaUrls.valid(
          path.substring(SignedMediaUrls.PATH.length()), r.getParameter("exp"), r.getParameter("sig")));
    };
    http.authorizeHttpRequests(a -> a
            .requestMatchers(SignedMediaUrls.PATH + "**").access(signedMedia)
            .requestMatchers("/login", "/login/**", "/oauth2/**", "/error", "/actuator/health",
                "/actuator/health/liveness", "/actuator/health/readiness", "/favicon.ico", "/css/**", "/js/**")
            .permitAll()
            .requestMatchers("/actuator/prometheus").access(scraper)
            .requestMatchers("/actuator/**").access(serverAdmin)
            .anyRequest().authenticated())
        // Machines (a scraper, a probe) get 401 instead of a redirect to the login page.
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                r -> r.getRequestURI().startsWith("/actuator/"))
            // An unsigned or expired media address is simply not there.
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND),
                r -> r.getRequestURI().startsWith(r.getContextPath() + SignedMediaUrls.PATH))
            .defaultAccessDeniedHandlerFor((req, res, ex) -> res.sendError(HttpStatus.NOT_FOUND.value()),
                r -> r.getRequestURI().startsWith(r.getContextPath() + SignedMediaUrls.PATH))
            // (A single mapping would be used for every request: the others keep Spring's 403.)
            .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), r -> true))
        // The login page is the server's own (id.go.kpu.jdih.server.web); the form posts back to /login.
        .formLogin(f -> f.loginPage("/login")
            .successHandler(new LockoutSuccessHandler(accounts))
            .failureHandler(new LockoutFailureHandler(accounts)))
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    if (oidc.getIfAvailable() != null) {
      // The same login page offers the providers (else Spring Security would generate its own at /login).
      http.oauth2Login(o -> o.loginPage("/login")
          .userInfoEndpoint(u -> u.oidcUserService(oidcUsers(accounts, properties))));
    }
    return http.build();
  }

  /** Bounds every request body before anything reads it. */
  @Bean
  public org.springframework.boot.web.servlet.FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
      ServerProperties properties, Problems problems) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
        new RequestSizeFilter(properties.maxJsonBytes(), problems));
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Local accounts for the form login; a locked account is refused before its password is checked. */
  @Bean
  public UserDetailsService userDetailsService(Accounts accounts) {
    return username -> {
      String name = username.toLowerCase(Locale.ROOT);
      Accounts.Account a = accounts.find(name).filter(x -> x.passwordHash().isPresent())
          .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
      return User.withUsername(a.username()).password(a.passwordHash().get())
          .accountLocked(a.lockedAt(accounts.now())).authorities("ROLE_USER").build();
    };
  }

  /**
   * OIDC users: the configured claim names the server account; a person without an account is refused. The token's
   * own roles or groups are ignored: the directory alone says what the person may do.
   */
  static OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(Accounts accounts, ServerProperties properties) {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      String username = user.getClaimAsString(properties.oidcUsernameClaim());
      if (username == null || !Accounts.USERNAME.matcher(username).matches()
          || accounts.find(username).isEmpty()) {
        throw new OAuth2AuthenticationException(new OAuth2Error("jdih_unknown_account",
            "Akun tidak terdaftar di server ini / no account on this server", null));
      }
      return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_USER")), user.getIdToken(),
          user.getUserInfo(), properties.oidcUsernameClaim());
    };
  }

  /** Clears the count of failures after a good password. */
  static final class LockoutSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
    private final Accounts accounts;

    LockoutSuccessHandler(Accounts accounts) {
      this.accounts = accounts;
    }

    @Override
    public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response, org.springframework.security.core.Authentication auth)
        throws jakarta.servlet.ServletException, java.io.IOException {
      accounts.recordSuccess(auth.getName());
      super.onAuthenticationSuccess(request, response, auth);
    }
  }

  /** Counts a wrong password against the account; enough in a row lock it. */
  static final class LockoutFailureHandler extends SimpleUrlAuthenticationFailureHandler {
    private final Accounts accounts;

    LockoutFailureHandler(Accounts accounts) {
      super("/login?error");
      this.accounts = accounts;
    }

    @Override
    public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        org.springframework.security.core.AuthenticationException exception)
        throws jakarta.servlet.ServletException, java.io.IOException {
      if (exception instanceof org.springframework.security.authentication.BadCredentialsException) {
        String username = request.getParameter("username");
        if (username != null && username.length() <= 64) {
          accounts.recordFailure(username.toLowerCase(Locale.ROOT));
        }
      }
      super.onAuthenticationFailure(request, response, exception);
    }
  }
}
