-- jdih-store-jdbc schema, version 5, for H2 2.x: the seals of case heads (jdih-core id.go.kpu.jdih.anchor).
-- The same table as postgresql/V5 and mariadb/V5; only the collations differ.

-- One row per seal: an HMAC, with a key the database does not hold, over (case_id, sequence_no, head_hash). The
-- runtime writes the seal of a head before it appends the events that make it, so a case may have, at one
-- sequence, seals of heads that were never stored (an append that lost a race or never happened): harmless.
-- Seals below a case's verified head are deleted when the next one is written.
CREATE TABLE head_seals (
  case_id     VARCHAR(64)  NOT NULL,
  sequence_no BIGINT       NOT NULL,  -- the number of events the head closes
  head_hash   CHAR(64)     NOT NULL,  -- the hash of the event numbered sequence_no
  key_id      VARCHAR(64)  NOT NULL,  -- the key's public name, never the key
  tag         VARCHAR(256) NOT NULL,  -- the HMAC, lower-case hex
  CONSTRAINT head_seals_pk PRIMARY KEY (case_id, sequence_no, head_hash, key_id)
);
