-- jdih-store-jdbc schema, version 1, for PostgreSQL 15.
-- The same tables as h2/V1 and mariadb/V1. Case ids use the "C" collation so that they compare and sort by
-- code point, as CaseId does, whatever the database's locale.

-- One row per event. The primary key (case_id, sequence_no) is the optimistic-concurrency guard: of two
-- writers appending the same sequence, the second gets a duplicate-key error (23505).
CREATE TABLE case_events (
  case_id       VARCHAR(64) COLLATE "C" NOT NULL,
  sequence_no   BIGINT       NOT NULL,
  sop_office    VARCHAR(255) NOT NULL,
  sop_number    VARCHAR(255) NOT NULL,
  sop_revision  INTEGER      NOT NULL,
  command_id    VARCHAR(128) NOT NULL,
  actor_nip     VARCHAR(255) NOT NULL,
  occurred_at   TIMESTAMP(6) NOT NULL,  -- UTC
  activity      INTEGER,                -- NULL for a withdrawal
  payload_type  VARCHAR(64)  NOT NULL,
  event_json    TEXT         NOT NULL,  -- the event in the form of EventJson: the source of truth
  previous_hash CHAR(64)     NOT NULL,
  event_hash    CHAR(64)     NOT NULL,
  CONSTRAINT case_events_pk PRIMARY KEY (case_id, sequence_no)
);

-- One row per case, written in the same transaction as its events, for queries.
CREATE TABLE cases (
  case_id          VARCHAR(64) COLLATE "C" NOT NULL,
  sop_office       VARCHAR(255) NOT NULL,
  sop_number       VARCHAR(255) NOT NULL,
  sop_revision     INTEGER      NOT NULL,
  status           VARCHAR(16),           -- OPEN, PUBLISHED, WITHDRAWN; NULL: not summarised
  current_activity INTEGER,
  available_since  TIMESTAMP(6),          -- UTC
  opened_at        TIMESTAMP(6) NOT NULL, -- UTC, the first event's time
  version          BIGINT       NOT NULL,
  head_hash        CHAR(64)     NOT NULL,
  CONSTRAINT cases_pk PRIMARY KEY (case_id)
);
