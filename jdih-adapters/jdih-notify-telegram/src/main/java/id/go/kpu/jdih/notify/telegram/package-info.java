/**
 * Telegram for hand-offs and reminders: {@link id.go.kpu.jdih.notify.telegram.TelegramNotifier} (channel
 * {@code telegram}) sends to a person's chat with the Bot API's {@code sendMessage} over {@code java.net.http} and
 * Jackson, with a time-out, honouring {@code retry_after}; {@link id.go.kpu.jdih.notify.telegram.BotToken} keeps
 * the token out of every log, message and {@code toString}. Tested against a local Bot API emulation on 127.0.0.1.
 */
package id.go.kpu.jdih.notify.telegram;
