/**
 * A small property-based testing harness for this project's tests (jqwik is not allowed here, see the parent pom).
 *
 * <p>The pieces:
 * <ul>
 *   <li>{@link id.go.kpu.jdih.testkit.property.Rand}: the seeded random source every generator draws from;</li>
 *   <li>{@link id.go.kpu.jdih.testkit.property.Gen}: a generator of values, with {@code map}, {@code flatMap},
 *       {@code filter} and the usual primitives ({@code ints}, {@code strings}, {@code listOf}, {@code frequency},
 *       ...);</li>
 *   <li>{@link id.go.kpu.jdih.testkit.property.Shrinker}: proposes smaller candidates for a failing value;</li>
 *   <li>{@link id.go.kpu.jdih.testkit.property.StepModel}: how to generate a sequence of steps (commands) whose next
 *       step may depend on a model state, and which step sequences are valid;</li>
 *   <li>{@link id.go.kpu.jdih.testkit.property.Property}: runs a check against many generated values or step sequences,
 *       shrinks the first failure and throws a {@link id.go.kpu.jdih.testkit.property.PropertyFailure} that names the seed
 *       to re-run it with;</li>
 *   <li>{@link id.go.kpu.jdih.testkit.property.PropertyReport}: what a run did (tries, steps, shrinking, seed).</li>
 * </ul>
 *
 * <p>Reproducing a failure: every run has one seed, random unless set in code or with the system property
 * {@code jdih.prop.seed}. Try {@code i} draws from a seed derived from the run seed and {@code i} only, so
 * {@code -Djdih.prop.seed=S} replays the whole run and {@code -Djdih.prop.seed=S -Djdih.prop.try=I} replays just the
 * failing try. A seed set in code wins over the system property, so pinned tests stay pinned.
 *
 * <p>It ships in jdih-testkit, so that adapter modules (and anyone's) can use it too; jdih-core's own tests compile
 * its sources.
 */
package id.go.kpu.jdih.testkit.property;
