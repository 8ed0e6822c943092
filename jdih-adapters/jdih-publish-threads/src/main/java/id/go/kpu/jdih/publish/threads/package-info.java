/**
 * The Threads adapter: {@link id.go.kpu.jdih.publish.threads.ThreadsClient} publishes a text post, an image or a
 * carousel through a container and {@code threads_publish}, stores each container and post id through the outbox
 * the moment Threads returns it, and answers the outbox's reconciliation by the container's status.
 */
package id.go.kpu.jdih.publish.threads;
