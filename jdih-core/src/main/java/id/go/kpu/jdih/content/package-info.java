/**
 * What a content case is about: its category, the platforms it targets, the legal product it refers to (with
 * JDIHN metadata) and the stored media and documents it carries.
 */
@NullMarked
package id.go.kpu.jdih.content;

import org.jspecify.annotations.NullMarked;
