/**
 * The Telegram adapter: {@link id.go.kpu.jdih.publish.telegram.TelegramClient} sends a message, a photo or a media
 * group to a channel through the Bot API, honours {@code retry_after}, and, since a bot cannot read a channel back,
 * leaves an ambiguous send to a person's confirmation (the outbox's NEEDS_CONFIRMATION).
 */
package id.go.kpu.jdih.publish.telegram;
