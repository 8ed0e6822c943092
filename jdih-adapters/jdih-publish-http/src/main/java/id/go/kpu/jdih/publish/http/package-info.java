/**
 * The plumbing the publishing adapters share: {@link id.go.kpu.jdih.publish.http.HttpApi} sends
 * {@link id.go.kpu.jdih.publish.http.ApiCall}s over {@code java.net.http} with a time-out on every call to a
 * configurable {@link id.go.kpu.jdih.publish.http.Endpoint} (the platform, or an emulator on 127.0.0.1), and
 * classifies a call without an answer as not sent or ambiguous; {@link id.go.kpu.jdih.publish.http.PlatformErrors}
 * classifies Graph API errors; tokens come from a {@link id.go.kpu.jdih.publish.http.CredentialProvider} as
 * {@link id.go.kpu.jdih.publish.http.AccessToken}s whose {@code toString} is masked, and the
 * {@link id.go.kpu.jdih.publish.http.Scrubber} removes them from anything a platform sends back before it reaches a
 * message or a log.
 */
package id.go.kpu.jdih.publish.http;
