/**
 * Anchoring of case histories outside the database, against an insider who can write it: a {@link HeadSeal} (an
 * HMAC over each case's head, with a key the database does not hold) checked at every verified read, and a
 * {@link HeadDigest} (a signed list of every case's head) exported through a {@link DigestSink} where the
 * database's administrator cannot rewrite it, and checked later by {@link DigestVerifier}. What this detects and
 * what it does not is set out in {@code docs/anchoring.md}.
 */
package id.go.kpu.jdih.anchor;
