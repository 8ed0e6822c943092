/**
 * SOP lint: consistency findings on a definition, each with a stable code, a severity and a bilingual message.
 */
package id.go.kpu.jdih.sop.lint;
