/**
 * The {@code jdih} command-line app: embeds the library over the embedded file store in a home folder, with help and
 * output in Indonesian (default) or English.
 */
package id.go.kpu.jdih.cli;
