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
 * @param publicMediaBase the server's public https address (e.g. {@code https://jdih.example.go.id}) under which
 *     Instagram, Facebook and Threads fetch the design images ({@code /public-media/...}); empty: posts with images
 *     to those platforms wait until it is set
 * @param mediaSigningKey the key of the signatures of those addresses (from the environment,
 *     {@code JDIH_SERVER_MEDIA_SIGNING_KEY}); empty: a random key per start, so addresses do not survive a restart
 *     and several instances behind one address need the same key
 * @param publicMediaTtl how long a signed media address stays valid
 * @param platformBase the API base of a platform instead of the real one, by lower-case platform name
 *     ({@code jdih.server.platform-base.telegram=http://127.0.0.1:8089}), e.g. for an emulator
 */
@ConfigurationProperties("jdih.server")
public record ServerProperties(
    @DefaultValue("admin") String bootstrapAdmin,
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("15m") Duration lockout,
    @DefaultValue("preferred_username") String oidcUsernameClaim,
    @DefaultValue("1048576") int maxJsonBytes,
    @DefaultValue("50") int maxTokensPerOffice,
    @DefaultValue("") String metricsToken,
    @DefaultValue("") String publicMediaBase,
    @DefaultValue("") String mediaSigningKey,
    @DefaultValue("24h") Duration publicMediaTtl,
    java.util.Map<String, String> platformBase) {

  /** Fills the optional map. */
  public ServerProperties {
    platformBase = platformBase == null ? java.util.Map.of() : java.util.Map.copyOf(platformBase);
  }

  /** Never shows the metrics token or the media signing key. */
  @Override
  public String toString() {
    return "ServerProperties[bootstrapAdmin=" + bootstrapAdmin + ", maxFailedLogins=" + maxFailedLogins + ", lockout="
        + lockout + ", oidcUsernameClaim=" + oidcUsernameClaim + ", maxJsonBytes=" + maxJsonBytes
        + ", maxTokensPerOffice=" + maxTokensPerOffice + ", metricsToken=" + (metricsToken.isEmpty() ? "" : "***")
        + ", publicMediaBase=" + publicMediaBase + ", mediaSigningKey=" + (mediaSigningKey.isEmpty() ? "" : "***")
        + ", publicMediaTtl=" + publicMediaTtl + ", platformBase=" + platformBase + "]";
  }
}
