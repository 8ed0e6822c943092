package id.go.kpu.jdih.server.platforms;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.io.BaseEncoding;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PublicMediaUrls;
import id.go.kpu.jdih.server.ServerProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Public addresses of design images for the Graph APIs (Instagram, Facebook, Threads), which fetch an image
 * themselves: {@code <public-media-base>/public-media/<ref>?exp=<epoch seconds>&sig=<HMAC-SHA256>}. The signature
 * covers the reference and the expiry, keyed by {@code jdih.server.media-signing-key}; only content-addressed
 * references ({@code sha256:<hex>}) are signed or served. Thread-safe.
 */
@Component
public class SignedMediaUrls implements PublicMediaUrls {

  /** The path under which the images are served. */
  public static final String PATH = "/public-media/";
  /** Content-addressed references, the only ones served. */
  public static final Pattern REF = Pattern.compile("sha256:[0-9a-f]{64}");

  private static final Logger LOG = LoggerFactory.getLogger(SignedMediaUrls.class);
  private static final BaseEncoding HEX = BaseEncoding.base16().lowerCase();

  private final byte[] key;
  private final Optional<String> base;
  private final Duration ttl;
  private final Clock clock;

  /** Addresses under {@code properties.publicMediaBase()}. */
  public SignedMediaUrls(ServerProperties properties, Clock clock) {
    this.clock = checkNotNull(clock, "clock");
    this.ttl = properties.publicMediaTtl();
    String b = properties.publicMediaBase().strip();
    this.base = b.isEmpty() ? Optional.empty() : Optional.of(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    if (base.isPresent() && !base.get().startsWith("https://")) {
      throw new IllegalStateException("jdih.server.public-media-base harus https:// / must be https://");
    }
    if (properties.mediaSigningKey().isEmpty()) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      if (base.isPresent()) {
        LOG.warn("jdih.server.media-signing-key tidak diatur: kunci acak dipakai, alamat media publik tidak bertahan"
            + " setelah restart dan beberapa instans butuh kunci yang sama / not set: a random key is used, public media"
            + " addresses do not survive a restart and several instances need the same key");
      }
    } else {
      key = properties.mediaSigningKey().getBytes(StandardCharsets.UTF_8);
      if (key.length < 32) {
        LOG.warn("jdih.server.media-signing-key kurang dari 32 byte / is shorter than 32 bytes");
      }
    }
    if (base.isEmpty()) {
      LOG.warn("jdih.server.public-media-base tidak diatur: kiriman bergambar ke Instagram, Facebook dan Threads"
          + " menunggu sampai diatur / not set: posts with images to Instagram, Facebook and Threads wait until it is");
    }
  }

  @Override
  public URI publicUrl(MediaItem item) {
    if (base.isEmpty()) {
      throw new PlatformCallException(FailureKind.NOT_SENT, "JDIH-PUBLIC-MEDIA", Text.of(
          "Alamat publik server (jdih.server.public-media-base) belum diatur; gambar tidak dapat diambil platform",
          "The server's public address (jdih.server.public-media-base) is not set; the platform cannot fetch images"));
    }
    if (!REF.matcher(item.fileRef()).matches()) {
      throw new PlatformCallException(FailureKind.NOT_SENT, "JDIH-PUBLIC-MEDIA", Text.of(
          "Berkas ini tidak beralamat isi; tidak dapat diberi alamat publik",
          "This file is not content-addressed; it cannot be given a public address"));
    }
    return URI.create(base.get() + path(item.fileRef(), clock.instant().plus(ttl).getEpochSecond()));
  }

  /** The signed path and query of {@code ref} valid until {@code expiry} (epoch seconds). */
  public String path(String ref, long expiry) {
    return PATH + ref + "?exp=" + expiry + "&sig=" + sign(ref, expiry);
  }

  /** Whether {@code sig} is this server's signature of {@code ref} until {@code expiry}, not yet passed. */
  public boolean valid(String ref, String expiry, String sig) {
    if (ref == null || expiry == null || sig == null || !REF.matcher(ref).matches() || !expiry.matches("\\d{1,12}")
        || sig.length() != 64) {
      return false;
    }
    long exp = Long.parseLong(expiry);
    boolean match = MessageDigest.isEqual(sign(ref, exp).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII));
    return match && clock.instant().getEpochSecond() <= exp;
  }

  private String sign(String ref, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HEX.encode(mac.doFinal((ref + "\n" + expiry).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
