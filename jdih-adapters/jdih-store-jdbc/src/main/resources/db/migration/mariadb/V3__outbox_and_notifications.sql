-- jdih-store-jdbc schema, version 3, for MariaDB 10.11 (InnoDB): the publishing outbox and the notification
-- ledger, so that one database holds everything the runtime keeps (JdbcStorage). The same tables as h2/V3 and
-- postgresql/V3. Intent and case ids are ASCII with a binary collation, as in V1 (MariaDB's default collations
-- ignore case); delivery keys may hold any character, so they are utf8mb4 with the binary collation.
-- Every *_json column holds the whole record (OutboxJson, NotificationJson): the source of truth. The other
-- columns repeat what the queries need; their times are UTC, truncated to the microsecond.

-- One row per publication intent, its current state. Every change is a compare-and-set on version.
CREATE TABLE outbox_intents (
  intent_id    VARCHAR(96) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,  -- <case>.<platform>.r<round>
  case_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  platform     VARCHAR(16)  NOT NULL,
  status       VARCHAR(24)  NOT NULL,
  version      BIGINT       NOT NULL,
  due_at       DATETIME(6),            -- IntentState.dueAt(); NULL: waits for a person, or done
  lease_owner  VARCHAR(128),           -- the store instance holding it while IN_PROGRESS; NULL otherwise
  updated_at   DATETIME(6)  NOT NULL,
  state_json   LONGTEXT     NOT NULL,
  PRIMARY KEY (intent_id),
  KEY outbox_intents_case (case_id, intent_id),
  KEY outbox_intents_due (due_at, intent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per notification delivery (a notification through one channel), kept after it is sent so that its key
-- stays known. revision counts the row's changes: every change is a compare-and-set on it.
CREATE TABLE notification_deliveries (
  delivery_key    VARCHAR(512) NOT NULL,  -- utf8mb4_bin: 2,048 bytes at most, under InnoDB's 3,072 for a key
  recorded_seq    BIGINT       NOT NULL AUTO_INCREMENT,  -- recording order
  channel         VARCHAR(64)  NOT NULL,
  case_id         VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status          VARCHAR(16)  NOT NULL,  -- PENDING, SENDING, SENT, FAILED
  attempts        INTEGER      NOT NULL,
  revision        BIGINT       NOT NULL,
  next_attempt_at DATETIME(6),            -- when it is due (SENDING: when the lease ends); NULL once SENT or FAILED
  lease_owner     VARCHAR(128),           -- the store instance holding it while SENDING; NULL otherwise
  recorded_at     DATETIME(6)  NOT NULL,
  delivery_json   LONGTEXT     NOT NULL,
  PRIMARY KEY (delivery_key),
  UNIQUE KEY notification_deliveries_seq (recorded_seq),  -- an AUTO_INCREMENT column must lead an index
  KEY notification_deliveries_due (next_attempt_at, recorded_seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- How far the notification service read each case.
CREATE TABLE notification_progress (
  case_id       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version       BIGINT       NOT NULL,
  checked_until DATETIME(6)  NOT NULL,
  closed        BOOLEAN      NOT NULL,
  progress_json LONGTEXT     NOT NULL,
  PRIMARY KEY (case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
