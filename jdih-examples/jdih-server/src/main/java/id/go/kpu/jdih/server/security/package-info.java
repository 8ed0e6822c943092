/**
 * Login and authorization. Who someone is comes from a login (a local account with lock-out, OIDC, or an API
 * token); what they may do comes only from the server's directory, read at each request.
 */
package id.go.kpu.jdih.server.security;
