-- jdih-store-jdbc schema, version 1, for MariaDB 10.11 (InnoDB).
-- The same tables as h2/V1 and postgresql/V1. Case ids are ASCII with a binary collation: MariaDB's default
-- collations ignore case, which would make 'Kasus-1' and 'kasus-1' the same key. Text is utf8mb4 with a binary
-- collation, so every character of the event JSON is kept and compared exactly.

-- One row per event. The primary key (case_id, sequence_no) is the optimistic-concurrency guard: of two
-- writers appending the same sequence, the second gets a duplicate-key error (1062).
CREATE TABLE case_events (
  case_id       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sequence_no   BIGINT       NOT NULL,
  sop_office    VARCHAR(255) NOT NULL,
  sop_number    VARCHAR(255) NOT NULL,
  sop_revision  INTEGER      NOT NULL,
  command_id    VARCHAR(128) NOT NULL,
  actor_nip     VARCHAR(255) NOT NULL,
  occurred_at   DATETIME(6)  NOT NULL,  -- UTC
  activity      INTEGER,                -- NULL for a withdrawal
  payload_type  VARCHAR(64)  NOT NULL,
  event_json    LONGTEXT     NOT NULL,  -- the event in the form of EventJson: the source of truth
  previous_hash CHAR(64)     NOT NULL,
  event_hash    CHAR(64)     NOT NULL,
  PRIMARY KEY (case_id, sequence_no) -- MariaDB names every primary key PRIMARY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per case, written in the same transaction as its events, for queries.
CREATE TABLE cases (
  case_id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sop_office       VARCHAR(255) NOT NULL,
  sop_number       VARCHAR(255) NOT NULL,
  sop_revision     INTEGER      NOT NULL,
  status           VARCHAR(16),           -- OPEN, PUBLISHED, WITHDRAWN; NULL: not summarised
  current_activity INTEGER,
  available_since  DATETIME(6),           -- UTC
  opened_at        DATETIME(6)  NOT NULL, -- UTC, the first event's time
  version          BIGINT       NOT NULL,
  head_hash        CHAR(64)     NOT NULL,
  PRIMARY KEY (case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
