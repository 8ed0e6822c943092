package id.go.kpu.jdih.oidcprovider;

import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server with one client ({@code jdih}) and two
 * users. Like Keycloak it puts {@code preferred_username} in the ID token, and it adds a {@code roles} claim, which
 * the jdih server must ignore (roles come from its directory only).
 */
@SpringBootApplication
public class OidcProvider {

  /** Users: {@code kab-a.staf} has an account on the jdih server, {@code stranger} does not. */
  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("kab-a.staf").password("{noop}sso-password").roles("USER").build(),
        User.withUsername("stranger").password("{noop}sso-password").roles("USER").build());
  }

  /** Keycloak-style claims in the ID token. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims() {
    return context -> {
      if ("id_token".equals(context.getTokenType().getValue())) {
        context.getClaims().claim("preferred_username", context.getPrincipal().getName());
        context.getClaims().claim("roles", List.of("kasubag-hukum", "admin"));
      }
    };
  }

  /** Starts the provider on {@code port}, accepting the jdih server's redirect at {@code redirectUri}. */
  public static ConfigurableApplicationContext start(int port, String redirectUri) {
    String client = "spring.security.oauth2.authorizationserver.client.jdih.";
    // Command-line arguments: they win over the application.properties the class path also holds (the server's).
    return new SpringApplicationBuilder(OidcProvider.class).run(
        "--server.port=" + port,
        "--spring.application.name=oidc-provider",
        "--server.servlet.session.cookie.secure=false",
        "--jdih.enabled=false",
        "--spring.jmx.enabled=false",
        "--management.endpoints.web.exposure.exclude=*",
        "--springdoc.api-docs.enabled=false",
        "--spring.datasource.url=jdbc:h2:mem:oidc-provider",
        "--spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port,
        "--" + client + "registration.client-id=jdih",
        "--" + client + "registration.client-secret={noop}jdih-client-secret",
        "--" + client + "registration.client-authentication-methods=client_secret_basic",
        "--" + client + "registration.authorization-grant-types=authorization_code",
        "--" + client + "registration.redirect-uris=" + redirectUri,
        "--" + client + "registration.scopes=openid,profile",
        "--" + client + "require-authorization-consent=false");
  }
}
