/** The library's exception root: every deliberate failure carries a stable code and a bilingual message. */
package id.go.kpu.jdih.error;
