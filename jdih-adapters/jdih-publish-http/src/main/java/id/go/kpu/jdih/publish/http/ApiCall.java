package id.go.kpu.jdih.publish.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP call to a platform, as data: method, path, query, headers, body, the token (sent as a bearer header, or
 * only scrubbed where the platform wants it elsewhere) and whether the call can publish. The last decides how a
 * failure without a response is classified: {@code AMBIGUOUS} for a call that can publish, {@code NOT_SENT} for one
 * that cannot. Immutable.
 */
public final class ApiCall {

  final String method;
  final String path;
  final ImmutableMap<String, String> query;
  final ImmutableMap<String, String> headers;
  final ImmutableMap<String, String> form;
  final String json;
  final Multipart multipart;
  final AccessToken token;
  final boolean bearer;
  final boolean publishing;

  private ApiCall(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = ImmutableMap.copyOf(b.query);
    this.headers = ImmutableMap.copyOf(b.headers);
    this.form = ImmutableMap.copyOf(b.form);
    this.json = b.json;
    this.multipart = b.multipart;
    this.token = b.token;
    this.bearer = b.bearer;
    this.publishing = b.publishing;
  }

  /** A GET of {@code path} (which starts with {@code /}). */
  public static Builder get(String path) {
    return new Builder("GET", path);
  }

  /** A POST to {@code path} (which starts with {@code /}). */
  public static Builder post(String path) {
    return new Builder("POST", path);
  }

  /** The method. */
  public String method() {
    return method;
  }

  /** The path, which may contain a token (Telegram): never log it unscrubbed. */
  public String path() {
    return path;
  }

  /** True if this call can publish. */
  public boolean publishing() {
    return publishing;
  }

  /** The token in use, if any. */
  public Optional<AccessToken> token() {
    return Optional.ofNullable(token);
  }

  /** {@code METHOD path} with credentials masked, for messages. */
  @Override
  public String toString() {
    return method + " " + Scrubber.scrub(path, token);
  }

  /** Builds an {@link ApiCall}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> form = new LinkedHashMap<>();
    private String json;
    private Multipart multipart;
    private AccessToken token;
    private boolean bearer;
    private boolean publishing;

    private Builder(String method, String path) {
      checkArgument(path.startsWith("/"), "path must start with /: %s", path);
      this.method = method;
      this.path = path;
    }

    /** Adds a query parameter. */
    public Builder query(String name, String value) {
      query.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
      return this;
    }

    /** Adds a header. */
    public Builder header(String name, String value) {
      headers.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
      return this;
    }

    /** Adds a form field ({@code application/x-www-form-urlencoded} body). */
    public Builder form(String name, String value) {
      checkState(json == null && multipart == null, "one body only");
      form.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
      return this;
    }

    /** Sets a JSON body. */
    public Builder json(String body) {
      checkState(form.isEmpty() && multipart == null, "one body only");
      this.json = checkNotNull(body, "body");
      return this;
    }

    /** Sets a multipart body. */
    public Builder multipart(Multipart body) {
      checkState(form.isEmpty() && json == null, "one body only");
      this.multipart = checkNotNull(body, "body");
      return this;
    }

    /** Sends {@code value} as {@code Authorization: Bearer}; it is also scrubbed from everything that comes back. */
    public Builder bearer(AccessToken value) {
      this.token = checkNotNull(value, "token");
      this.bearer = true;
      return this;
    }

    /** Scrubs {@code value} from everything (for a token the caller put in the path itself). */
    public Builder scrubbing(AccessToken value) {
      this.token = checkNotNull(value, "token");
      return this;
    }

    /** Marks the call as one that can publish. */
    public Builder publishing() {
      this.publishing = true;
      return this;
    }

    /** The call. */
    public ApiCall build() {
      return new ApiCall(this);
    }
  }
}
