/** The media-store port for the designs and minutes a case refers to. */
@NullMarked
package id.go.kpu.jdih.media;

import org.jspecify.annotations.NullMarked;
