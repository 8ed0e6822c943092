-- jdih-store-jdbc schema, version 3, for H2 2.x: the publishing outbox and the notification ledger, so that one
-- database holds everything the runtime keeps (JdbcStorage). The same tables as postgresql/V3 and mariadb/V3;
-- only the types, collations and the identity column differ. H2 compares VARCHAR by UTF-16 code unit
-- (String.compareTo) already, so ids sort as IntentId and CaseId do.
-- Every *_json column holds the whole record (OutboxJson, NotificationJson): the source of truth. The other
-- columns repeat what the queries need; their times are UTC, truncated to the microsecond.

-- One row per publication intent, its current state. Every change is a compare-and-set on version.
CREATE TABLE outbox_intents (
  intent_id    VARCHAR(96)  NOT NULL,  -- <case>.<platform>.r<round>
  case_id      VARCHAR(64)  NOT NULL,
  platform     VARCHAR(16)  NOT NULL,
  status       VARCHAR(24)  NOT NULL,
  version      BIGINT       NOT NULL,
  due_at       TIMESTAMP(6),           -- IntentState.dueAt(); NULL: waits for a person, or done
  lease_owner  VARCHAR(128),           -- the store instance holding it while IN_PROGRESS; NULL otherwise
  updated_at   TIMESTAMP(6) NOT NULL,
  state_json   CHARACTER VARYING NOT NULL,
  CONSTRAINT outbox_intents_pk PRIMARY KEY (intent_id)
);
CREATE INDEX outbox_intents_case ON outbox_intents (case_id, intent_id);
CREATE INDEX outbox_intents_due ON outbox_intents (due_at, intent_id);

-- One row per notification delivery (a notification through one channel), kept after it is sent so that its key
-- stays known. revision counts the row's changes: every change is a compare-and-set on it.
CREATE TABLE notification_deliveries (
  delivery_key    VARCHAR(512) NOT NULL,
  recorded_seq    BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,  -- recording order
  channel         VARCHAR(64)  NOT NULL,
  case_id         VARCHAR(64)  NOT NULL,
  status          VARCHAR(16)  NOT NULL,  -- PENDING, SENDING, SENT, FAILED
  attempts        INTEGER      NOT NULL,
  revision        BIGINT       NOT NULL,
  next_attempt_at TIMESTAMP(6),           -- when it is due (SENDING: when the lease ends); NULL once SENT or FAILED
  lease_owner     VARCHAR(128),           -- the store instance holding it while SENDING; NULL otherwise
  recorded_at     TIMESTAMP(6) NOT NULL,
  delivery_json   CHARACTER VARYING NOT NULL,
  CONSTRAINT notification_deliveries_pk PRIMARY KEY (delivery_key),
  CONSTRAINT notification_deliveries_seq UNIQUE (recorded_seq)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at, recorded_seq);

-- How far the notification service read each case.
CREATE TABLE notification_progress (
  case_id       VARCHAR(64)  NOT NULL,
  version       BIGINT       NOT NULL,
  checked_until TIMESTAMP(6) NOT NULL,
  closed        BOOLEAN      NOT NULL,
  progress_json CHARACTER VARYING NOT NULL,
  CONSTRAINT notification_progress_pk PRIMARY KEY (case_id)
);
