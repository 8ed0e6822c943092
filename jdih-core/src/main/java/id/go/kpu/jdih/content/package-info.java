/**
 * What a content case is about: its category, the platforms it targets, the legal product it refers to (with
 * JDIHN metadata) and the stored media and documents it carries.
 */
package id.go.kpu.jdih.content;
