-- Each office's platform accounts and its own calendar amendments. One script for H2, PostgreSQL and MariaDB, like
-- V1: ${text} is the vendor's long text type; instants are epoch milliseconds in BIGINT.

-- An office's account on a platform. secret_ref is a reference to the token, never the token itself:
-- env:NAME (an environment variable of the server) or file:/absolute/path (the file's content, trimmed). It is
-- resolved only when a call is made. updated_at changes at every PUT, so that clients built from the row are
-- rebuilt.
CREATE TABLE jdih_platform_account (
  office_id     VARCHAR(40)  NOT NULL,
  platform      VARCHAR(16)  NOT NULL, -- INSTAGRAM, FACEBOOK, THREADS, X, TELEGRAM
  account_id    VARCHAR(64)  NOT NULL, -- the Graph or X user id, the Facebook page id, the Telegram chat
  display_url   VARCHAR(500) NOT NULL, -- the account's public address (https)
  secret_ref    VARCHAR(600) NOT NULL,
  created_at    BIGINT       NOT NULL,
  updated_at    BIGINT       NOT NULL,
  PRIMARY KEY (office_id, platform)
);

-- An office's amendments of the server's calendar, the rows of jdih-calendar-file's CSV (date,kind,name,source): a
-- day off of its own (kind NATIONAL_HOLIDAY, CUTI_BERSAMA or VOTING_DAY, e.g. a regional holiday) or REMOVE, a
-- bundled day off that is a working day there (name and source empty). day_iso is the ISO date (yyyy-MM-dd) as
-- text: DAY is a keyword in H2, and a DATE column would tempt a vendor's time zone.
CREATE TABLE jdih_calendar_day (
  office_id     VARCHAR(40)  NOT NULL,
  day_iso       VARCHAR(10)  NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  source        VARCHAR(300) NOT NULL, -- the decree or letter behind the day
  PRIMARY KEY (office_id, day_iso)
);
