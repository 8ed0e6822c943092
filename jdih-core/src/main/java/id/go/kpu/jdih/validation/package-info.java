/**
 * Validation support shared by every feature: the Jakarta Validation engine and bilingual, path-named
 * {@link id.go.kpu.jdih.validation.Violation}s.
 */
package id.go.kpu.jdih.validation;
