/**
 * Test support for the publishing adapters, shipped in jdih-publish-http's test-jar: the WireMock emulator base
 * ({@link id.go.kpu.jdih.publish.http.testing.WireMockEmulator}) that runs a platform's semantics with scheduled
 * faults on 127.0.0.1, its request and reply types, test media, and
 * {@link id.go.kpu.jdih.publish.http.testing.EmulatorRuns}, the outbox simulation against a real adapter.
 */
package id.go.kpu.jdih.publish.http.testing;
