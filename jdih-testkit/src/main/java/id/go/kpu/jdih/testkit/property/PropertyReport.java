package id.go.kpu.jdih.testkit.property;

import java.util.Locale;

/**
 * What one run of a {@link Property} did: returned when it passes, and carried by a {@link PropertyFailure} when it
 * does not.
 *
 * @param name the property's name
 * @param seed the run seed ({@code -Djdih.prop.seed=} this value replays the run)
 * @param sequences whether the tries were step sequences ({@code forAllSequences}) rather than single values
 * @param triesRun how many values or sequences were generated and checked, the failing one included
 * @param totalSteps the steps in all generated sequences (not counting shrinking); 0 for single values
 * @param shrinkAttempts how many shrink candidates were considered after a failure (0 when the property passed)
 * @param shrinkSteps how many of those were accepted, each one a smaller failing counterexample
 * @param elapsedNanos wall-clock time of the run, shrinking included
 */
public record PropertyReport(String name, long seed, boolean sequences, int triesRun, long totalSteps,
    int shrinkAttempts, int shrinkSteps, long elapsedNanos) {

  /**
   * One line for test output or notes, e.g. {@code property 'stack': ran 10,000 sequences, 412,334 steps, seed 42
   * (-Djdih.prop.seed=42), 310 ms}.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder()
        .append("property '").append(name).append("': ran ")
        .append(String.format(Locale.ROOT, "%,d", triesRun))
        .append(sequences ? " sequences, " : " tries");
    if (sequences) {
      sb.append(String.format(Locale.ROOT, "%,d", totalSteps)).append(" steps");
    }
    sb.append(", seed ").append(seed).append(" (-D").append(Property.SEED_PROPERTY).append('=').append(seed)
        .append(')');
    if (shrinkAttempts > 0) {
      sb.append(", ").append(shrinkSteps).append(" shrink steps in ").append(shrinkAttempts).append(" attempts");
    }
    return sb.append(", ").append(elapsedNanos / 1_000_000).append(" ms").toString();
  }
}
