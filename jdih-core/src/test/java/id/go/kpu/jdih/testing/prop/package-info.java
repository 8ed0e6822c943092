/**
 * A small property-based testing harness for this project's tests (jqwik is not allowed here, see the parent pom).
 *
 * <p>The pieces:
 * <ul>
 *   <li>{@link id.go.kpu.jdih.testing.prop.Rand}: the seeded random source every generator draws from;</li>
 *   <li>{@link id.go.kpu.jdih.testing.prop.Gen}: a generator of values, with {@code map}, {@code flatMap},
 *       {@code filter} and the usual primitives ({@code ints}, {@code strings}, {@code listOf}, {@code frequency},
 *       ...);</li>
 *   <li>{@link id.go.kpu.jdih.testing.prop.Shrinker}: proposes smaller candidates for a failing value;</li>
 *   <li>{@link id.go.kpu.jdih.testing.prop.StepModel}: how to generate a sequence of steps (commands) whose next
 *       step may depend on a model state, and which step sequences are valid;</li>
 *   <li>{@link id.go.kpu.jdih.testing.prop.Property}: runs a check against many generated values or step sequences,
 *       shrinks the first failure and throws a {@link id.go.kpu.jdih.testing.prop.PropertyFailure} that names the seed
 *       to re-run it with;</li>
 *   <li>{@link id.go.kpu.jdih.testing.prop.PropertyReport}: what a run did (tries, steps, shrinking, seed).</li>
 * </ul>
 *
 * <p>Reproducing a failure: every run has one seed, random unless set in code or with the system property
 * {@code jdih.prop.seed}. Try {@code i} draws from a seed derived from the run seed and {@code i} only, so
 * {@code -Djdih.prop.seed=S} replays the whole run and {@code -Djdih.prop.seed=S -Djdih.prop.try=I} replays just the
 * failing try. A seed set in code wins over the system property, so pinned tests stay pinned.
 *
 * <p>It lives in the test sources of {@code jdih-core} and ships in its test-jar so adapter modules can use it too.
 */
package id.go.kpu.jdih.testing.prop;
