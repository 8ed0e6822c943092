/**
 * The X adapter: {@link id.go.kpu.jdih.publish.x.XClient} uploads the design's images (bytes from the media store)
 * and posts through API v2, stores each media id and the post id through the outbox the moment X returns it,
 * honours {@code x-rate-limit-reset}, recognises X's duplicate-content refusal, and answers the outbox's
 * reconciliation by reading the account's recent posts back.
 */
package id.go.kpu.jdih.publish.x;
