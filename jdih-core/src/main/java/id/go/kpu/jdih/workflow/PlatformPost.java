package id.go.kpu.jdih.workflow;

import id.go.kpu.jdih.content.Platform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;

/**
 * Content as published on one platform.
 *
 * @param platform the platform
 * @param postId the platform's id of the post
 * @param url the post's public address
 * @param publishedAt when the platform published it
 */
public record PlatformPost(@NotNull Platform platform, @NotBlank String postId, @NotNull URI url,
    @NotNull Instant publishedAt) {}
