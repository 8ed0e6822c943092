/**
 * The server's own tables and the runtime's directory ports backed by them. Thread-safe: every type here reads the
 * database at each call (the directory must answer with the roles a person holds <em>now</em>).
 */
package id.go.kpu.jdih.server.directory;
