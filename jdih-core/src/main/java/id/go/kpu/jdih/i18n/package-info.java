/**
 * Bilingual texts: every message the library shows a person exists in Indonesian (the default) and English.
 */
@NullMarked
package id.go.kpu.jdih.i18n;

import org.jspecify.annotations.NullMarked;
