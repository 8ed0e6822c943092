/**
 * What each platform accepts for a post, as data: caption length (counted the platform's way), hashtag and mention
 * limits, media types, sizes, aspect ratios, widths and item counts, and the checks of a caption and of media
 * against them as bilingual {@link id.go.kpu.jdih.validation.Violation}s.
 *
 * <p>The built-in limits ({@link id.go.kpu.jdih.publish.PlatformRules#of(id.go.kpu.jdih.content.Platform)}) follow
 * the platforms' published contracts as the project's domain brief records them; an office whose platform changes
 * a limit replaces that platform's rules in a {@link id.go.kpu.jdih.publish.PlatformRuleBook} instead of waiting
 * for a release.
 */
package id.go.kpu.jdih.publish;
