/**
 * SOP lint: consistency findings on a definition, each with a stable code, a severity and a bilingual message.
 */
@NullMarked
package id.go.kpu.jdih.sop.lint;

import org.jspecify.annotations.NullMarked;
