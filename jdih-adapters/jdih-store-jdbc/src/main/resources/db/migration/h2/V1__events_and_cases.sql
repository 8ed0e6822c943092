-- jdih-store-jdbc schema, version 1, for H2 2.x.
-- The same tables as postgresql/V1 and mariadb/V1; only the types and collations differ:
-- H2 compares VARCHAR by UTF-16 code unit (String.compareTo) already, so case ids sort as CaseId does.

-- One row per event. The primary key (case_id, sequence_no) is the optimistic-concurrency guard: of two
-- writers appending the same sequence, the second gets a duplicate-key error.
CREATE TABLE case_events (
  case_id       VARCHAR(64)  NOT NULL,
  sequence_no   BIGINT       NOT NULL,
  sop_office    VARCHAR(255) NOT NULL,
  sop_number    VARCHAR(255) NOT NULL,
  sop_revision  INTEGER      NOT NULL,
  command_id    VARCHAR(128) NOT NULL,
  actor_nip     VARCHAR(255) NOT NULL,
  occurred_at   TIMESTAMP(6) NOT NULL,  -- UTC
  activity      INTEGER,                -- NULL for a withdrawal
  payload_type  VARCHAR(64)  NOT NULL,
  event_json    CHARACTER VARYING NOT NULL,  -- the event in the form of EventJson: the source of truth
  previous_hash CHAR(64)     NOT NULL,
  event_hash    CHAR(64)     NOT NULL,
  CONSTRAINT case_events_pk PRIMARY KEY (case_id, sequence_no)
);

-- One row per case, written in the same transaction as its events, for queries.
CREATE TABLE cases (
  case_id          VARCHAR(64)  NOT NULL,
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
