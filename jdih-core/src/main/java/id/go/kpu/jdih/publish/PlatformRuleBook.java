package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import id.go.kpu.jdih.content.Platform;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rules of every platform, as data: the built-in ones ({@link #defaults()}) with any platform's rules replaced by
 * an office's own ({@link #with(PlatformRules)}), e.g. when a platform changes a limit before the library does.
 *
 * @param rules the rules of every {@link Platform}, each under its own platform
 */
public record PlatformRuleBook(ImmutableMap<Platform, PlatformRules> rules) {

  /** Checks that every platform has rules and that each is filed under its own platform. */
  public PlatformRuleBook {
    checkNotNull(rules, "rules");
    for (Platform platform : Platform.values()) {
      PlatformRules r = rules.get(platform);
      checkArgument(r != null, "no rules for %s", platform);
      checkArgument(r.platform() == platform, "rules for %s filed under %s", r.platform(), platform);
    }
    rules = Maps.immutableEnumMap(rules); // platform order, whatever order the caller used
  }

  /**
   * The built-in rules of every platform ({@link PlatformRules#of(Platform)}).
   *
   * @return the default rule book
   */
  public static PlatformRuleBook defaults() {
    Map<Platform, PlatformRules> map = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      map.put(platform, PlatformRules.of(platform));
    }
    return new PlatformRuleBook(ImmutableMap.copyOf(map));
  }

  /**
   * A rule book with {@code replacement} as the rules of {@code replacement.platform()} and this book's rules for the
   * other platforms. This book is unchanged.
   *
   * @param replacement the new rules of one platform
   * @return the new rule book
   */
  public PlatformRuleBook with(PlatformRules replacement) {
    checkNotNull(replacement, "replacement");
    Map<Platform, PlatformRules> map = new EnumMap<>(rules);
    map.put(replacement.platform(), replacement);
    return new PlatformRuleBook(ImmutableMap.copyOf(map));
  }

  /**
   * The rules of {@code platform}.
   *
   * @param platform the platform
   * @return its rules in this book
   */
  public PlatformRules rules(Platform platform) {
    return checkNotNull(rules.get(checkNotNull(platform, "platform")), "every platform has rules");
  }
}
