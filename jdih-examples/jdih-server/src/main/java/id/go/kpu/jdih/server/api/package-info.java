/**
 * The HTTP/JSON API under {@code /api/v1}: offices, cases and their activities, the SOP, reports, people and
 * tokens. Errors are RFC 9457 problem details ({@code application/problem+json}) carrying the library's stable
 * {@code JDIH-*} codes, in Indonesian or English by {@code Accept-Language}.
 */
package id.go.kpu.jdih.server.api;
