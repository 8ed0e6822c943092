package id.go.kpu.jdih.sop;

import static com.google.common.base.Preconditions.checkNotNull;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.validation.Violation;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Violations under {@code activities[i]} name their activity by number: {@code i} is the row's place in a list or a
 * file, which need not be activity {@code i + 1}. Used by {@link SopDefinition.Builder#build()} and by readers of
 * definitions (the JSON reader). Thread-safe: stateless.
 */
public final class ActivityPaths {

  private static final Pattern ACTIVITY_PATH = Pattern.compile("activities\\[(\\d+)\\]");

  private ActivityPaths() {}

  /**
   * {@code v} with its message prefixed "kegiatan N: " / "activity N: " when its path is under {@code activities[i]}
   * and {@code numberOfRow} knows row {@code i}'s number; {@code v} itself when the message names it already or the
   * path is elsewhere.
   */
  public static Violation named(Violation v, IntFunction<OptionalInt> numberOfRow) {
    checkNotNull(v, "violation");
    Matcher m = ACTIVITY_PATH.matcher(v.path());
    if (!m.lookingAt()) {
      return v;
    }
    OptionalInt number = numberOfRow.apply(Integer.parseInt(m.group(1)));
    if (number.isEmpty()
        || v.message().id().toLowerCase(Locale.ROOT).contains("kegiatan " + number.getAsInt())) {
      return v;
    }
    int n = number.getAsInt();
    return new Violation(v.path(), v.rule(), Text.of("kegiatan " + n + ": " + v.message().id(),
        "activity " + n + ": " + v.message().en()));
  }
}
