/** A dry-run publisher: writes what each platform would receive, publishes nothing. */
package id.go.kpu.jdih.publish.dryrun;
