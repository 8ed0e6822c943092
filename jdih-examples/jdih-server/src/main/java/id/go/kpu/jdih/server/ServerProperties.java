package id.go.kpu.jdih.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's settings under {@code jdih.server.*}.
 *
 * @param bootstrapAdmin the first administrator's user name, created with a one-time password printed once at the
 *     first start when the server has no account yet
 * @param maxFailedLogins failed password logins after which an account is locked
 * @param lockout how long an account stays locked
 * @param oidcUsernameClaim the OIDC claim that names the server account of a person logging in through single
 *     sign-on; the account's roles come from the server's directory, never from the token
 * @param maxJsonBytes the largest JSON request body accepted
 * @param maxTokensPerOffice the most API tokens an office may hold
 * @param metricsToken a bearer token a Prometheus scraper may send for {@code /actuator/prometheus} (from the
 *     environment, e.g. {@code JDIH_SERVER_METRICS_TOKEN}); empty: server administrators' sessions only
 */
@ConfigurationProperties("jdih.server")
public record ServerProperties(
    @DefaultValue("admin") String bootstrapAdmin,
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("15m") Duration lockout,
    @DefaultValue("preferred_username") String oidcUsernameClaim,
    @DefaultValue("1048576") int maxJsonBytes,
    @DefaultValue("50") int maxTokensPerOffice,
    @DefaultValue("") String metricsToken) {

  /** Never shows the metrics token. */
  @Override
  public String toString() {
    return "ServerProperties[bootstrapAdmin=" + bootstrapAdmin + ", maxFailedLogins=" + maxFailedLogins + ", lockout="
        + lockout + ", oidcUsernameClaim=" + oidcUsernameClaim + ", maxJsonBytes=" + maxJsonBytes
        + ", maxTokensPerOffice=" + maxTokensPerOffice + ", metricsToken=" + (metricsToken.isEmpty() ? "" : "***")
        + "]";
  }
}
