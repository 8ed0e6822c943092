/** The notifier port: hand-offs and reminders reach people through it. */
package id.go.kpu.jdih.notify;
