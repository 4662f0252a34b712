package dev.tandem.server.view;

/**
 * A mail that was queued or changed status: its id and where it stands. The answer of the routes
 * that send mail, and the console's {@code outbox} event.
 */
public record MailReceiptView(String id, String status) {
}
