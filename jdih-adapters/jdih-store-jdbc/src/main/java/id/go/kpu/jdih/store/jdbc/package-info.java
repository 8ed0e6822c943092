/**
 * The runtime's storage in a relational database over JDBC, for H2 in file mode (the embedded default),
 * PostgreSQL 15 and MariaDB 10.11: {@link id.go.kpu.jdih.store.jdbc.JdbcStorage} holds the case histories
 * ({@link id.go.kpu.jdih.store.jdbc.JdbcCaseStore}, with the queries a compliance report and a case list need), the
 * publishing outbox ({@link id.go.kpu.jdih.store.jdbc.JdbcOutboxStore}) and the notification ledger
 * ({@link id.go.kpu.jdih.store.jdbc.JdbcNotificationLedger}) in one database, and appends a command's events with
 * the publication intents they call for in one transaction.
 *
 * <h2>What an embedder adds</h2>
 *
 * This module brings jdih-core, jdih-event-json, Guava, SLF4J's API and Flyway (with its PostgreSQL and MySQL/MariaDB
 * support). The connection pool and the JDBC drivers are optional dependencies, so that an app that brings its own
 * {@link javax.sql.DataSource} gets none of them; it adds what the way it opens the storage needs:
 * <table>
 * <caption>Artifacts to add, by factory</caption>
 * <tr><th>factory</th><th>artifacts (groupId:artifactId)</th></tr>
 * <tr><td>{@code JdbcStorage.open(DataSource, ...)}, {@code JdbcCaseStore.open(DataSource, ...)}</td>
 *     <td>none from this module: the data source's own driver (and pool, if any)</td></tr>
 * <tr><td>{@code JdbcStorage.h2File}, {@code JdbcCaseStore.h2File}</td>
 *     <td>{@code com.h2database:h2} and {@code com.zaxxer:HikariCP}</td></tr>
 * <tr><td>{@code open(jdbcUrl, ...)} on {@code jdbc:postgresql:}</td>
 *     <td>{@code org.postgresql:postgresql} and {@code com.zaxxer:HikariCP}</td></tr>
 * <tr><td>{@code open(jdbcUrl, ...)} on {@code jdbc:mariadb:}</td>
 *     <td>{@code org.mariadb.jdbc:mariadb-java-client} and {@code com.zaxxer:HikariCP}</td></tr>
 * </table>
 * The versions this module is built and tested with are in the parent pom ({@code h2.version},
 * {@code hikaricp.version}, {@code postgresql.version}, {@code mariadb.version}). A URL factory called without
 * HikariCP, or without the driver of the URL's database, fails with a {@link
 * id.go.kpu.jdih.store.jdbc.JdbcStoreException} of kind {@code MISSING_LIBRARY} ({@code JDIH-JDBC-006}) that names
 * the artifact to add. Only the package-private class that opens the pool refers to HikariCP's classes, so the
 * storage on a caller's data source runs with HikariCP and the PostgreSQL and MariaDB drivers absent.
 *
 * <h2>Schema</h2>
 *
 * Created and migrated by Flyway when a store opens (history table {@code jdih_schema_history}); the scripts are
 * {@code db/migration/{h2,postgresql,mariadb}/V1__events_and_cases.sql} (the same tables, with each database's
 * text and time types and a binary collation for case ids), {@code db/migration/common/V2__case_query_indexes.sql}
 * and {@code db/migration/{h2,postgresql,mariadb}/V3__outbox_and_notifications.sql},
 * {@code db/migration/common/V4__case_office_index.sql} and
 * {@code db/migration/{h2,postgresql,mariadb}/V5__head_seals.sql} and
 * {@code db/migration/common/V6__case_office_status_index.sql} (the open cases of one office). A database made at an
 * earlier version is migrated when it opens.
 *
 * <p>Version 5 adds {@code head_seals} ({@link id.go.kpu.jdih.store.jdbc.JdbcSealStore}): one row per seal of a case
 * head (an HMAC with a key kept outside the database), primary key {@code (case_id, sequence_no, head_hash,
 * key_id)}, columns {@code tag} (lower-case hex) and the key's public {@code key_id}.
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
 * <p>Version 3 adds the outbox and the ledger. In each, a JSON column holds the whole record (the source of
 * truth, read back exactly); the other columns repeat what the queries need, their times UTC and truncated to the
 * microsecond (the stores decide from the exact instants in the JSON). Ids, keys and case ids sort by code point
 * (H2's default, {@code COLLATE "C"}, {@code ascii_bin} / {@code utf8mb4_bin}).
 *
 * <p>{@code outbox_intents}, one row per publication intent, primary key {@code intent_id}; indexed on
 * {@code (case_id, intent_id)} and {@code (due_at, intent_id)}:
 * <pre>
 * intent_id    VARCHAR(96)    the intent: &lt;case&gt;.&lt;platform&gt;.r&lt;round&gt;
 * case_id      VARCHAR(64)    its case
 * platform     VARCHAR(16)    INSTAGRAM, FACEBOOK, THREADS, X, TELEGRAM
 * status       VARCHAR(24)    PENDING, IN_PROGRESS, PUBLISHED, RETRY_SCHEDULED, NEEDS_CONFIRMATION, FAILED
 * version      BIGINT         the state's version: every change is UPDATE ... WHERE version = the one read
 * due_at       TIMESTAMP(6)   IntentState.dueAt(); NULL when it waits for a person or is done
 * lease_owner  VARCHAR(128)   the store instance that stored it IN_PROGRESS; NULL in any other status
 * updated_at   TIMESTAMP(6)   when this version was written
 * state_json   CLOB / TEXT / LONGTEXT   the state as OutboxJson
 * </pre>
 *
 * <p>{@code notification_deliveries}, one row per delivery (a notification through one channel), kept once sent
 * so that its key stays known; primary key {@code delivery_key}; indexed on {@code (next_attempt_at,
 * recorded_seq)}:
 * <pre>
 * delivery_key     VARCHAR(512)   the delivery's key
 * recorded_seq     BIGINT         identity (AUTO_INCREMENT on MariaDB), unique: the recording order
 * channel          VARCHAR(64)    email, telegram, ...
 * case_id          VARCHAR(64)    the case it is about
 * status           VARCHAR(16)    PENDING, SENDING, SENT, FAILED
 * attempts         INTEGER        attempts started
 * revision         BIGINT         1, then one more with each change: every change is a compare-and-set on it
 * next_attempt_at  TIMESTAMP(6)   when it is due (SENDING: when the lease ends); NULL once SENT or FAILED
 * lease_owner      VARCHAR(128)   the store instance that claimed it, while SENDING; NULL otherwise
 * recorded_at      TIMESTAMP(6)   when it was recorded
 * delivery_json    CLOB / TEXT / LONGTEXT   the delivery as NotificationJson, addresses in full
 * </pre>
 *
 * <p>{@code notification_progress}, how far the notification service read each case, primary key
 * {@code case_id}: {@code version BIGINT}, {@code checked_until TIMESTAMP(6)}, {@code closed BOOLEAN} and
 * {@code progress_json} (NotificationJson).
 *
 * <h2>Concurrency</h2>
 *
 * The primary key of {@code case_events} makes appends optimistic: see
 * {@link id.go.kpu.jdih.store.jdbc.JdbcCaseStore}. Intents and deliveries change by compare-and-set on their
 * version or revision; deliveries are claimed with {@code FOR UPDATE SKIP LOCKED}: see
 * {@link id.go.kpu.jdih.store.jdbc.JdbcOutboxStore} and {@link id.go.kpu.jdih.store.jdbc.JdbcNotificationLedger}.
 * Several processes may share a PostgreSQL or MariaDB database; an H2 file database is opened by one process at a
 * time.
 */
package id.go.kpu.jdih.store.jdbc;
