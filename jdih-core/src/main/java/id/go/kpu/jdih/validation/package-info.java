/**
 * Validation support shared by every feature: the Jakarta Validation engine and bilingual, path-named
 * {@link id.go.kpu.jdih.validation.Violation}s.
 */
@NullMarked
package id.go.kpu.jdih.validation;

import org.jspecify.annotations.NullMarked;
