/**
 * A case store on the local file system: {@link id.go.kpu.jdih.store.file.FileCaseStore}, one append-only,
 * fsynced JSON-lines log per case (lines in the form of {@code id.go.kpu.jdih.event.json.EventJson}), locked
 * against other threads and other processes, and recovering from a crash mid-write by ignoring and later
 * truncating the torn tail after the last committed event.
 */
package id.go.kpu.jdih.store.file;
