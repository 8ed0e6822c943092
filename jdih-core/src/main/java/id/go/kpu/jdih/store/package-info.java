/**
 * The case-store port (an append-only event log per case with optimistic concurrency), the checks every store
 * makes, and the thread-safe in-memory store.
 */
@NullMarked
package id.go.kpu.jdih.store;

import org.jspecify.annotations.NullMarked;
