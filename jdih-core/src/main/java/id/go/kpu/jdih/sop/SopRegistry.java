package id.go.kpu.jdih.sop;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Text;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A versioned registry of definitions keyed by office, SOP number and revision, so that each case can pin the exact
 * definition it runs under. A key, once registered, always returns the same definition: registering a different
 * definition under an existing key is refused.
 *
 * <p>Thread-safe.
 */
public final class SopRegistry {

  private final ConcurrentMap<SopKey, SopDefinition> definitions = new ConcurrentHashMap<>();

  /** An empty registry. */
  public SopRegistry() {}

  /** A registry holding {@link ReferenceSop#definition()}. */
  public static SopRegistry withReference() {
    SopRegistry registry = new SopRegistry();
    registry.register(ReferenceSop.definition());
    return registry;
  }

  /**
   * Registers {@code definition} under its {@link SopDefinition#key() key}. Registering an equal definition again
   * is a no-op.
   *
   * @return the key
   * @throws ConflictingDefinitionException if another definition is registered under the same key
   */
  public SopKey register(SopDefinition definition) {
    checkNotNull(definition, "definition");
    SopKey key = definition.key();
    SopDefinition existing = definitions.putIfAbsent(key, definition);
    if (existing != null && !existing.equals(definition)) {
      throw new ConflictingDefinitionException(key);
    }
    return key;
  }

  /** The definition registered under {@code key}. */
  public Optional<SopDefinition> find(SopKey key) {
    return Optional.ofNullable(definitions.get(checkNotNull(key, "key")));
  }

  /**
   * The definition registered under {@code key}.
   *
   * @throws UnknownDefinitionException if none is
   */
  public SopDefinition get(SopKey key) {
    return find(key).orElseThrow(() -> new UnknownDefinitionException(key));
  }

  /** The highest revision of SOP {@code number} of {@code officeId}. */
  public Optional<SopDefinition> latest(String officeId, String number) {
    return definitions.values().stream()
        .filter(d -> d.office().id().equals(officeId) && d.identity().number().equals(number))
        .max(Comparator.comparingInt(d -> d.identity().revision()));
  }

  /** Every registered key, sorted by office, number and revision. */
  public ImmutableList<SopKey> keys() {
    return definitions.keySet().stream()
        .sorted(Comparator.comparing(SopKey::officeId).thenComparing(SopKey::number)
            .thenComparingInt(SopKey::revision))
        .collect(ImmutableList.toImmutableList());
  }

  /** Another definition is already registered under the key. */
  public static final class ConflictingDefinitionException extends JdihException {
    private static final long serialVersionUID = 1L;

    ConflictingDefinitionException(SopKey key) {
      super("JDIH-DEF-002", Text.of(
          "Definisi lain sudah terdaftar dengan kunci %s; naikkan nomor revisinya",
          "Another definition is already registered under %s; raise its revision number").format(key));
    }
  }

  /** No definition is registered under the key. */
  public static final class UnknownDefinitionException extends JdihException {
    private static final long serialVersionUID = 1L;

    /** No definition is registered under {@code key}. */
    public UnknownDefinitionException(SopKey key) {
      super("JDIH-DEF-003", Text.of("Definisi SOP %s tidak terdaftar", "SOP definition %s is not registered")
          .format(key));
    }
  }
}
