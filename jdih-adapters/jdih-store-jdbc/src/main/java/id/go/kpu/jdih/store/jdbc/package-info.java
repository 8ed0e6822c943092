/**
 * A case store in a relational database over JDBC: {@link id.go.kpu.jdih.store.jdbc.JdbcCaseStore}, for H2 in
 * file mode (the embedded default), PostgreSQL 15 and MariaDB 10.11, with the queries a compliance report and a
 * case list need.
 *
 * <h2>Schema</h2>
 *
 * Created and migrated by Flyway when a store opens (history table {@code jdih_schema_history}); the scripts are
 * {@code db/migration/{h2,postgresql,mariadb}/V1__events_and_cases.sql} (the same tables, with each database's
 * text and time types and a binary collation for case ids) and {@code db/migration/common/V2__case_query_indexes.sql}.
 *
 * <p>{@code case_events}, one row per event, primary key {@code (case_id, sequence_no)}:
 * <pre>
 * case_id        VARCHAR(64)    the case
 * sequence_no    BIGINT         the event's sequence, 1, 2, 3, ...: the case's version after it
 * sop_office     VARCHAR(255)   the definition's key: office,
 * sop_number     VARCHAR(255)     number,
 * sop_revision   INTEGER          revision
 * command_id     VARCHAR(128)   the command that produced it
 * actor_nip      VARCHAR(255)   who (NIP)
 * occurred_at    TIMESTAMP(6)   when, UTC (DATETIME(6) on MariaDB), truncated to the microsecond
 * activity       INTEGER        the activity; NULL for a withdrawal
 * payload_type   VARCHAR(64)    the event's type as in its JSON: proposed, approved, meetingRecorded, ...
 * event_json     CLOB / TEXT / LONGTEXT   the event as one line of EventJson: the source of truth
 * previous_hash  CHAR(64)       the previous event's hash
 * event_hash     CHAR(64)       this event's hash
 * </pre>
 * Every column but {@code event_json} repeats a field of the event for queries and for people reading the
 * database; {@link id.go.kpu.jdih.store.jdbc.JdbcCaseStore#load} reads the events from {@code event_json} alone.
 *
 * <p>{@code cases}, one row per case, primary key {@code case_id}, written in the same transaction as the events:
 * <pre>
 * case_id, sop_office, sop_number, sop_revision   the case and the definition of its first event
 * status            VARCHAR(16)    OPEN, PUBLISHED or WITHDRAWN; NULL if not summarised
 * current_activity  INTEGER        the activity available now; NULL when closed
 * available_since   TIMESTAMP(6)   when it became available, UTC
 * opened_at         TIMESTAMP(6)   when the first event happened, UTC
 * version           BIGINT         the number of events
 * head_hash         CHAR(64)       the last event's hash
 * </pre>
 * Indexed on {@code (status, case_id)} and {@code (opened_at, case_id)}.
 *
 * <h2>Concurrency</h2>
 *
 * The primary key of {@code case_events} makes appends optimistic: see
 * {@link id.go.kpu.jdih.store.jdbc.JdbcCaseStore}. Several processes may share a PostgreSQL or MariaDB database;
 * an H2 file database is opened by one process at a time.
 */
package id.go.kpu.jdih.store.jdbc;
