/** A content-addressed media store on the file system. */
package id.go.kpu.jdih.media.file;
