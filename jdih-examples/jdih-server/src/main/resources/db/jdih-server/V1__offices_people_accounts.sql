-- jdih-server's own tables, beside the store's (cases, events, outbox) and with their own Flyway history
-- (jdih_server_schema_history). One script for H2, PostgreSQL and MariaDB: ${text} is the vendor's long text type
-- (CLOB, TEXT, LONGTEXT); instants are epoch milliseconds in BIGINT so that no time zone or TIMESTAMP quirk of a
-- vendor can move them.

-- The offices the server hosts. The office's name, unit and zone live in its SOP definitions; this row says which
-- definition new cases open under.
CREATE TABLE jdih_office (
  office_id     VARCHAR(40)  NOT NULL,
  sop_number    VARCHAR(100) NOT NULL,
  sop_revision  INTEGER      NOT NULL,
  publisher     VARCHAR(64), -- the account the outbox records its posts as (it must hold the upload role)
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (office_id)
);

-- Every revision of every office's SOP, as jdih-sop-definition/1 JSON. Rows are never changed: a new revision is a
-- new row, and cases keep the revision they began under.
CREATE TABLE jdih_definition (
  office_id     VARCHAR(40)  NOT NULL,
  sop_number    VARCHAR(100) NOT NULL,
  sop_revision  INTEGER      NOT NULL,
  definition    ${text}      NOT NULL,
  created_at    BIGINT       NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  PRIMARY KEY (office_id, sop_number, sop_revision)
);

-- Login accounts. A password hash is in Spring Security's {id}hash form; NULL for an account that logs in through
-- OIDC only. failed_attempts and locked_until implement the lock-out after repeated failures.
CREATE TABLE jdih_account (
  username        VARCHAR(64)  NOT NULL,
  password_hash   VARCHAR(200),
  server_admin    BOOLEAN      NOT NULL,
  failed_attempts INTEGER      NOT NULL,
  locked_until    BIGINT,
  created_at      BIGINT       NOT NULL,
  PRIMARY KEY (username)
);

-- The directory: which person of which office an account is, and the SOP roles they hold now. An account is a
-- person of at most one office; the runtime asks this table at every command.
CREATE TABLE jdih_person (
  username      VARCHAR(64)   NOT NULL,
  office_id     VARCHAR(40)   NOT NULL,
  nip           CHAR(18)      NOT NULL,
  full_name     VARCHAR(200)  NOT NULL,
  roles         VARCHAR(1000) NOT NULL, -- role ids separated by commas
  office_admin  BOOLEAN       NOT NULL,
  email         VARCHAR(254),
  telegram_chat VARCHAR(64),
  language      VARCHAR(2)    NOT NULL,
  active        BOOLEAN       NOT NULL,
  PRIMARY KEY (username),
  CONSTRAINT jdih_person_nip UNIQUE (nip) -- a NIP is one civil servant, nationally
);

-- API tokens for machine clients (an office's PHP JDIH site). Only the SHA-256 of the secret is kept; the token
-- acts as the person of its account, with at most the scopes listed.
CREATE TABLE jdih_api_token (
  token_id      VARCHAR(32)  NOT NULL,
  secret_sha256 CHAR(64)     NOT NULL,
  username      VARCHAR(64)  NOT NULL,
  office_id     VARCHAR(40)  NOT NULL,
  label         VARCHAR(100) NOT NULL,
  scopes        VARCHAR(200) NOT NULL,
  created_at    BIGINT       NOT NULL,
  expires_at    BIGINT,
  revoked_at    BIGINT,
  PRIMARY KEY (token_id)
);

-- Idempotency keys: the first request's fingerprint per office and key. A repeat with the same fingerprint is
-- answered as before; a different request under a used key is refused.
CREATE TABLE jdih_idempotency (
  office_id     VARCHAR(40)  NOT NULL,
  idem_key      VARCHAR(100) NOT NULL,
  fingerprint   CHAR(64)     NOT NULL,
  case_id       VARCHAR(64)  NOT NULL,
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (office_id, idem_key)
);
