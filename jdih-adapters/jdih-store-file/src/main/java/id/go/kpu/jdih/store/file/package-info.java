/**
 * Storage on the local file system, in one home directory.
 *
 * <ul>
 *   <li>{@link id.go.kpu.jdih.store.file.FileCaseStore}: the case histories, one append-only, fsynced JSON-lines
 *       log per case (lines in the form of {@code id.go.kpu.jdih.event.json.EventJson}), locked against other
 *       threads and other processes, recovering from a crash mid-write by ignoring and later truncating the torn
 *       tail after the last committed write;
 *   <li>{@link id.go.kpu.jdih.store.file.FileOutboxStore}: the publishing outbox, one JSON file per intent, each
 *       change a compare-and-set under a lock and an atomic rename;
 *   <li>{@link id.go.kpu.jdih.store.file.FileNotificationLedger}: the notification ledger, one fsynced journal
 *       under one lock, compacted now and then;
 *   <li>{@link id.go.kpu.jdih.store.file.FileStorage}: the three together as the runtime's
 *       {@link id.go.kpu.jdih.runtime.Storage}, a command's events and its publication intents written as one batch
 *       of the case's log.
 * </ul>
 *
 * <p>Every process using a directory must go through these classes (file locks are advisory), and the directory
 * should be on a local file system. Failures are {@link id.go.kpu.jdih.store.file.FileStoreException}s with stable
 * codes.
 */
package id.go.kpu.jdih.store.file;
