/**
 * The Facebook Page adapter: {@link id.go.kpu.jdih.publish.facebook.FacebookClient} publishes one photo with its
 * caption, several photos attached to a feed post, or a text post; stores each photo and post id through the
 * outbox the moment Facebook returns it; and answers the outbox's reconciliation by reading the page's published
 * posts back.
 */
package id.go.kpu.jdih.publish.facebook;
