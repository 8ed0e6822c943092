/**
 * Test support for the outbox, in jdih-testkit: cases at their upload activity
 * ({@link id.go.kpu.jdih.testkit.publish.OutboxFixtures}), the fault model of emulated platforms
 * ({@link id.go.kpu.jdih.testkit.publish.NetFault}, {@link id.go.kpu.jdih.testkit.publish.EmulatedPlatform}), an
 * in-process fake of the five platforms ({@link id.go.kpu.jdih.testkit.publish.FakePlatform}) and the
 * fault-schedule simulation that judges the outbox against the platforms' ground truth
 * ({@link id.go.kpu.jdih.testkit.publish.OutboxSimulation}). The adapter modules run the same simulation against
 * their WireMock emulators.
 */
package id.go.kpu.jdih.testkit.publish;
