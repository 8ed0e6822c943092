/**
 * What goes into log lines: {@link id.go.kpu.jdih.log.LogSafe} escapes control characters in values that come from
 * people or platforms, so that they cannot forge log lines. Part of the base layer.
 */
package id.go.kpu.jdih.log;
