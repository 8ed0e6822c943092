/**
 * Golden events and their hash vectors in both hash formats, for anyone who stores or transcodes events: what is
 * written and read back must verify and hash exactly as the vectors say; and {@link
 * id.go.kpu.jdih.testkit.hash.InsiderRewrite}, the rewrite of a history whose chain still verifies.
 */
package id.go.kpu.jdih.testkit.hash;
