package id.go.kpu.jdih.publish;

import id.go.kpu.jdih.content.Platform;
import java.net.URI;
import java.time.Instant;

/**
 * A post a platform published.
 *
 * @param platform the platform
 * @param postId the platform's id of the post
 * @param url its public address
 * @param publishedAt when
 */
public record PublishedPost(Platform platform, String postId, URI url, Instant publishedAt) {}
