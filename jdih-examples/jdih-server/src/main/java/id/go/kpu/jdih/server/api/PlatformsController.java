package id.go.kpu.jdih.server.api;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.directory.PlatformAccounts;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An office's accounts on the platforms, managed by its administrators (never through an API token). A token is
 * never sent or shown: an account names where the server finds it, {@code env:NAME} or {@code file:/path}, and the
 * listing says only whether it can be had now. An office without an account on a platform posts there through the
 * dry run.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/offices/{office}/platforms", produces = MediaType.APPLICATION_JSON_VALUE)
public class PlatformsController {

  /**
   * An account to set. Every field is checked as the platform's adapter will (see {@link PlatformAccounts#check});
   * a token pasted as {@code secretRef} is refused without being echoed.
   *
   * @param accountId the Instagram, Facebook or Threads id (digits), the X user id (digits) or the Telegram chat
   *     ({@code @channel} or its numeric id)
   * @param displayUrl the account's public {@code https://} address (for X, {@code https://x.com/<handle>})
   * @param secretRef {@code env:NAME} or {@code file:/absolute/path}
   */
  public record AccountBody(@Size(max = 64) String accountId, @Size(max = 500) String displayUrl,
      @Size(max = 600) String secretRef) {
    /** Never shows the reference in case it holds a pasted token. */
    @Override
    public String toString() {
      return "AccountBody[accountId=" + accountId + ", displayUrl=" + displayUrl + ", secretRef=***]";
    }
  }

  /** An account as listed: where its token is and whether it is there now, never the token. */
  public record AccountView(String platform, String accountId, String displayUrl, String secretRef,
      boolean secretAvailable, Instant createdAt, Instant updatedAt) {
    static AccountView of(PlatformAccounts.Account a) {
      return new AccountView(a.platform().name(), a.accountId(), a.displayUrl().toString(), a.secretRef().value(),
          a.secretRef().available(), a.createdAt(), a.updatedAt());
    }
  }

  private final Access access;
  private final PlatformAccounts accounts;

  PlatformsController(Access access, PlatformAccounts accounts) {
    this.access = access;
    this.accounts = accounts;
  }

  /** The office's accounts. */
  @GetMapping
  public ResponseEntity<List<AccountView>> list(@PathVariable String office) {
    access.administer(office);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(accounts.list(office).stream().map(AccountView::of).toList());
  }

  /** Sets the office's account on {@code platform}; it is used from the next post on. */
  @PutMapping(path = "/{platform}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<AccountView> put(@PathVariable String office, @PathVariable @Size(max = 16) String platform,
      @jakarta.validation.Valid @RequestBody AccountBody body) {
    access.administer(office);
    Platform p = PlatformAccounts.platform(platform);
    if (body == null) {
      throw ServerException.badField("body", "Required", Text.of("wajib diisi", "required"));
    }
    PlatformAccounts.check(p, body.accountId(), body.displayUrl(), body.secretRef());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(AccountView.of(accounts.put(office, p, body.accountId(), body.displayUrl(), body.secretRef())));
  }

  /** Removes the office's account on {@code platform}: its posts there go to the dry run again. */
  @DeleteMapping("/{platform}")
  public ResponseEntity<Void> delete(@PathVariable String office, @PathVariable @Size(max = 16) String platform) {
    access.administer(office);
    Platform p = PlatformAccounts.platform(platform);
    if (!accounts.delete(office, p)) {
      throw new ServerException(ServerException.Kind.NOT_FOUND, Text.of("Kantor ini tidak memiliki akun %s",
          "This office has no %s account").format(p.displayName()));
    }
    return ResponseEntity.noContent().build();
  }
}
