/**
 * Test support for the outbox, shipped in jdih-core's test-jar: cases at their upload activity
 * ({@link id.go.kpu.jdih.publish.testing.OutboxFixtures}), the fault model of emulated platforms
 * ({@link id.go.kpu.jdih.publish.testing.NetFault}, {@link id.go.kpu.jdih.publish.testing.EmulatedPlatform}), an
 * in-process fake of the five platforms ({@link id.go.kpu.jdih.publish.testing.FakePlatform}) and the
 * fault-schedule simulation that judges the outbox against the platforms' ground truth
 * ({@link id.go.kpu.jdih.publish.testing.OutboxSimulation}). The adapter modules run the same simulation against
 * their WireMock emulators.
 */
package id.go.kpu.jdih.publish.testing;
