package id.go.kpu.jdih.error;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the library throws on purpose. Each carries a stable {@link #code() code} that
 * programs can switch on and a {@link #text() message} in Indonesian and English. {@link #getMessage()} gives
 * the code and both languages, so logs are readable by everyone.
 */
public abstract class JdihException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final Text text;

  /** An exception with a stable code and a bilingual message. */
  protected JdihException(String code, Text text) {
    this(code, text, null);
  }

  /** An exception with a stable code, a bilingual message and a cause. */
  protected JdihException(String code, Text text, @Nullable Throwable cause) {
    super(checkNotNull(code, "code") + ": " + checkNotNull(text, "text").bilingual(), cause);
    this.code = code;
    this.text = text;
  }

  /** The code and the message in both languages; never null. */
  @Override
  public String getMessage() {
    return checkNotNull(super.getMessage());
  }

  /** The stable code, e.g. {@code JDIH-DEF-001}. */
  public String code() {
    return code;
  }

  /** The message in both languages. */
  public Text text() {
    return text;
  }

  /** The message in one language, without the code. */
  public String message(Language language) {
    return text.in(language);
  }
}
