/** The library's exception root: every deliberate failure carries a stable code and a bilingual message. */
@NullMarked
package id.go.kpu.jdih.error;

import org.jspecify.annotations.NullMarked;
