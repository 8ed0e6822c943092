/**
 * The Instagram adapter: {@link id.go.kpu.jdih.publish.instagram.InstagramClient} publishes a single image or a
 * carousel through the Graph API's container flow (container, {@code status_code}, {@code media_publish}), stores
 * each container and media id through the outbox the moment Instagram returns it, and answers the outbox's
 * reconciliation by the container's status.
 */
package id.go.kpu.jdih.publish.instagram;
