/**
 * Test support for the publishing adapters, in jdih-testkit: the WireMock emulator base
 * ({@link id.go.kpu.jdih.testkit.emulator.WireMockEmulator}) that runs a platform's semantics with scheduled
 * faults on 127.0.0.1, its request and reply types, test media, and
 * {@link id.go.kpu.jdih.testkit.emulator.EmulatorRuns}, the outbox simulation against a real adapter.
 */
package id.go.kpu.jdih.testkit.emulator;
