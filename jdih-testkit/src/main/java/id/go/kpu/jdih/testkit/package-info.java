/**
 * jdih-testkit: what adapter authors test with (depend on it with scope {@code test}). This package holds the
 * fixtures of the reference SOP ({@link id.go.kpu.jdih.testkit.Fixtures}, {@link id.go.kpu.jdih.testkit.TestCases},
 * {@link id.go.kpu.jdih.testkit.HistoryBuilder}, {@link id.go.kpu.jdih.testkit.NotifyFixtures}) and
 * {@link id.go.kpu.jdih.testkit.MutableClock}; the sub-packages hold the contract suites of the storage ports
 * ({@code store}), the property-testing harness ({@code property}), the golden hash vectors ({@code hash}), the
 * outbox's fakes and fault simulation ({@code publish}) and the WireMock platform emulators ({@code emulator}).
 * See the module's README.md.
 */
package id.go.kpu.jdih.testkit;
