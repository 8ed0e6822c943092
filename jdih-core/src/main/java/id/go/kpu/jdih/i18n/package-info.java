/**
 * Bilingual texts: every message the library shows a person exists in Indonesian (the default) and English.
 */
package id.go.kpu.jdih.i18n;
