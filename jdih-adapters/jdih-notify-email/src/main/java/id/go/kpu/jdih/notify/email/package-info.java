/**
 * E-mail over SMTP for hand-offs and reminders: {@link id.go.kpu.jdih.notify.email.EmailNotifier} (channel
 * {@code email}) with {@link id.go.kpu.jdih.notify.email.SmtpSettings}. Built on Jakarta Mail 2.1 with Angus Mail;
 * tested against a real local SMTP server (GreenMail), including one that is down and comes back.
 */
package id.go.kpu.jdih.notify.email;
