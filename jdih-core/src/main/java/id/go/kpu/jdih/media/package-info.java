/** The media-store port for the designs and minutes a case refers to. */
package id.go.kpu.jdih.media;
