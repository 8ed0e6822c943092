/**
 * The reference jdih server: a Spring Boot app on {@code jdih-spring-boot-starter} hosting any number of offices.
 *
 * <ul>
 *   <li>{@code directory}: the server's own tables (offices, SOP revisions, accounts, the people directory, API
 *       tokens) and the runtime's directory ports backed by them;
 *   <li>{@code security}: login (local accounts with lock-out, OIDC, API tokens) and the filter chains;
 *   <li>{@code api}: the HTTP/JSON API under {@code /api/v1}, with RFC 9457 problem details.
 * </ul>
 */
package id.go.kpu.jdih.server;
