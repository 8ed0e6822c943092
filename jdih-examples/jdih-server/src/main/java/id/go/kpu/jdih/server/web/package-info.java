/**
 * The staff's web pages: server-rendered (Thymeleaf), Indonesian by default with an English switch, light enough
 * for a phone on a weak connection (one small CSS file, one tiny script, no inline script or style so that the
 * strict Content-Security-Policy holds). Every page and form asks {@link id.go.kpu.jdih.server.api.Access} who the
 * caller is and which office they belong to, exactly as the API does, and acts through the runtime as that
 * person; roles come from the server's directory only.
 */
package id.go.kpu.jdih.server.web;
