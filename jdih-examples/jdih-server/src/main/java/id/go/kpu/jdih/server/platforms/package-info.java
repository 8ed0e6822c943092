/**
 * Each office's platform clients: the real adapters for the accounts an office has configured (tokens read from
 * the environment or secret files at each call), the dry run for the others, and the signed public addresses of
 * design images that the Graph APIs fetch.
 */
package id.go.kpu.jdih.server.platforms;
