-- jdih-store-jdbc schema, version 5, for MariaDB 10.11 (InnoDB): the seals of case heads (jdih-core
-- id.go.kpu.jdih.anchor). The same table as h2/V5 and postgresql/V5. Ids, hashes and tags are ASCII with a binary
-- collation, as in V1: MariaDB's default collations ignore case.

-- One row per seal: an HMAC, with a key the database does not hold, over (case_id, sequence_no, head_hash). The
-- runtime writes the seal of a head before it appends the events that make it, so a case may have, at one
-- sequence, seals of heads that were never stored (an append that lost a race or never happened): harmless.
-- Seals below a case's verified head are deleted when the next one is written.
CREATE TABLE head_seals (
  case_id     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sequence_no BIGINT       NOT NULL,  -- the number of events the head closes
  head_hash   CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,  -- the hash of event sequence_no
  key_id      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,  -- the key's public name, never the key
  tag         VARCHAR(256) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,  -- the HMAC, lower-case hex
  PRIMARY KEY (case_id, sequence_no, head_hash, key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
