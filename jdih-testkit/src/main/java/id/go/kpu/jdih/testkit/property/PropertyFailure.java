package id.go.kpu.jdih.testkit.property;

import java.util.List;

/**
 * Thrown when a {@link Property} finds a counterexample: an {@link AssertionError} whose message names the property,
 * the seed, the failing try, the re-run flag, the shrunk and the original counterexample and both failures.
 *
 * <p>The {@linkplain #getCause() cause} is the failure of the shrunk counterexample; the original failure is added as
 * suppressed when it is a different throwable. The accessors let tests of the harness itself inspect the result
 * without parsing the message.
 */
public final class PropertyFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  // Transient: the counterexamples are arbitrary test objects; a serialized failure keeps its message, which
  // already has their toString.
  private final transient Object counterexample;
  private final transient Object originalCounterexample;
  private final transient Throwable originalFailure;
  private final transient PropertyReport report;
  private final int tryIndex;
  private final long trySeed;

  PropertyFailure(String message, Throwable failure, Object counterexample, Object originalCounterexample,
      Throwable originalFailure, PropertyReport report, int tryIndex, long trySeed) {
    super(message, failure);
    this.counterexample = counterexample;
    this.originalCounterexample = originalCounterexample;
    this.originalFailure = originalFailure;
    this.report = report;
    this.tryIndex = tryIndex;
    this.trySeed = trySeed;
    if (originalFailure != failure) {
      addSuppressed(originalFailure);
    }
  }

  /** The shrunk counterexample: a value, or for sequence properties an unmodifiable {@link List} of steps. */
  public Object counterexample() {
    return counterexample;
  }

  /** The counterexample as first generated, before shrinking. */
  public Object originalCounterexample() {
    return originalCounterexample;
  }

  /** What the check threw for the shrunk counterexample (also {@link #getCause()}). */
  public Throwable failure() {
    return getCause();
  }

  /** What the check threw for the original counterexample. */
  public Throwable originalFailure() {
    return originalFailure;
  }

  /** The run's statistics, up to and including the failing try and its shrinking. */
  public PropertyReport report() {
    return report;
  }

  /** The run seed. */
  public long seed() {
    return report.seed();
  }

  /** The index (from 0) of the failing try within the run. */
  public int tryIndex() {
    return tryIndex;
  }

  /** The seed the failing try drew from, derived from the run seed and {@link #tryIndex()}. */
  public long trySeed() {
    return trySeed;
  }

  /** The JVM flags that replay only the failing try, e.g. {@code -Djdih.prop.seed=42 -Djdih.prop.try=17}. */
  public String rerunFlags() {
    return "-D" + Property.SEED_PROPERTY + "=" + seed() + " -D" + Property.TRY_PROPERTY + "=" + tryIndex;
  }
}
