package id.go.kpu.jdih.publish.http;

import id.go.kpu.jdih.content.Platform;

/**
 * Where adapters get their tokens: asked before every call, so that a provider can refresh a token (a Facebook page
 * token, an X OAuth 2.0 token) without the adapter knowing. Implementations are thread-safe and never log a token.
 */
@FunctionalInterface
public interface CredentialProvider {

  /**
   * The current token for {@code platform}.
   *
   * @param platform the platform
   * @return the token
   * @throws CredentialException if there is none ({@link CredentialException#temporary()} false: a person must act)
   *     or it cannot be had right now (true: e.g. the refresh endpoint is down; retried like any transient failure)
   */
  AccessToken token(Platform platform);

  /**
   * A provider with one fixed token per platform.
   *
   * @param tokens the tokens
   * @return the provider; a platform without a token gives a permanent {@link CredentialException}
   */
  static CredentialProvider fixed(java.util.Map<Platform, AccessToken> tokens) {
    java.util.Map<Platform, AccessToken> copy = java.util.Map.copyOf(tokens);
    return platform -> {
      AccessToken t = copy.get(platform);
      if (t == null) {
        throw CredentialException.missing(platform);
      }
      return t;
    };
  }
}
