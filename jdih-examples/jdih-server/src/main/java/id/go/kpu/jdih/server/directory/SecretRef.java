package id.go.kpu.jdih.server.directory;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.http.AccessToken;
import id.go.kpu.jdih.publish.http.CredentialException;
import id.go.kpu.jdih.publish.http.CredentialProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a platform token is, never the token: {@code env:NAME} (an environment variable of the server process) or
 * {@code file:/absolute/path} (the file's content, trimmed, e.g. a Docker or Kubernetes secret). The reference is
 * not secret and may be shown and logged; the token it resolves to is read only when a call is made and is never
 * logged or returned. Immutable and thread-safe.
 *
 * @param value the reference as written, e.g. {@code env:JDIH_TELEGRAM_TOKEN}
 */
public record SecretRef(String value) {

  /** Names of environment variables. */
  public static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
  /** The largest secret file read (a token is far smaller). */
  static final int MAX_FILE_BYTES = 16 * 1024;
  private static final int MAX_LENGTH = 512;
  /** Environment variables of the server itself that no office may point at. */
  private static final Pattern SERVER_OWN = Pattern.compile("(SPRING|JDIH_SERVER|SERVER|MANAGEMENT)_.*");
  /** What an office's token would look like if someone pasted it instead of a reference. */
  private static final Pattern RAW_TOKEN = Pattern.compile(
      "\\d{5,}:[A-Za-z0-9_-]{20,}" // a Telegram bot token
          + "|EA[A-Za-z0-9]{20,}" // a Graph API token
          + "|TH[A-Za-z0-9]{20,}" // a Threads token
          + "|[A-Za-z0-9._~+/=-]{24,}"); // any long opaque string

  /** Checks the form. */
  public SecretRef {
    checkNotNull(value, "value");
    if (problem(value).isPresent()) {
      throw new IllegalArgumentException("invalid secret reference");
    }
  }

  /** The reference {@code value}, or what is wrong with it (never quoting it). */
  public static Optional<Text> problem(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(Text.of("wajib diisi: env:NAMA atau file:/jalur/absolut",
          "required: env:NAME or file:/absolute/path"));
    }
    if (value.length() > MAX_LENGTH) {
      return Optional.of(Text.of("paling banyak %s karakter", "at most %s characters").format(MAX_LENGTH));
    }
    if (value.startsWith("env:")) {
      String name = value.substring(4);
      if (!ENV_NAME.matcher(name).matches()) {
        return Optional.of(Text.of("nama variabel lingkungan harus cocok dengan [A-Z_][A-Z0-9_]{0,63}",
            "the environment variable's name must match [A-Z_][A-Z0-9_]{0,63}"));
      }
      if (SERVER_OWN.matcher(name).matches()) {
        return Optional.of(Text.of("variabel lingkungan server sendiri tidak boleh dipakai",
            "the server's own environment variables may not be used"));
      }
      return Optional.empty();
    }
    if (value.startsWith("file:")) {
      String path = value.substring(5);
      if (!path.startsWith("/") || path.contains("..") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        return Optional.of(Text.of("jalur berkas harus absolut, tanpa '..'",
            "the file's path must be absolute, without '..'"));
      }
      return Optional.empty();
    }
    if (looksLikeToken(value)) {
      return Optional.of(Text.of("ini tampak seperti token: simpan token di variabel lingkungan atau berkas, lalu"
          + " tulis env:NAMA atau file:/jalur", "this looks like a token: keep the token in an environment variable"
          + " or a file and write env:NAME or file:/path"));
    }
    return Optional.of(Text.of("harus env:NAMA atau file:/jalur/absolut", "must be env:NAME or file:/absolute/path"));
  }

  /** Whether {@code value} looks like a pasted token rather than a reference. */
  public static boolean looksLikeToken(String value) {
    return RAW_TOKEN.matcher(value.strip()).matches();
  }

  /** The secret now, from the real environment; empty if it is not set, unreadable or empty. */
  public Optional<String> resolve() {
    return resolve(System::getenv);
  }

  /** The secret now, with {@code env} as the environment. */
  Optional<String> resolve(Function<String, String> env) {
    if (value.startsWith("env:")) {
      return Optional.ofNullable(env.apply(value.substring(4))).map(String::strip).filter(s -> !s.isEmpty());
    }
    Path file = Path.of(value.substring(5));
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
    } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Whether the secret can be had now (and nothing else about it). */
  public boolean available() {
    return resolve().isPresent();
  }

  /**
   * A provider that reads the secret at each call. A missing or empty secret is a temporary
   * {@link CredentialException}: the intent is retried (a person places the file or sets the variable) and the
   * problem is on the intent, naming the reference, never the secret.
   */
  public CredentialProvider provider() {
    return platform -> resolve().map(AccessToken::of).orElseThrow(() -> unavailable(platform));
  }

  private CredentialException unavailable(Platform platform) {
    return new CredentialException(true, Text.of(
        "Token %s tidak tersedia dari %s (tidak ada, kosong atau tidak terbaca); perbaiki lalu tunggu percobaan"
            + " berikutnya", "The %s token is not available from %s (missing, empty or unreadable); fix it and wait"
            + " for the next attempt").format(platform.displayName(), value), null);
  }

  @Override
  public String toString() {
    return value;
  }
}
