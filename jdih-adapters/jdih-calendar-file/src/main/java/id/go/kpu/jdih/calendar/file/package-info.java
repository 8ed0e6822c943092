/** Reads the days-off calendar, or an amendment to it, from a CSV file. */
package id.go.kpu.jdih.calendar.file;
