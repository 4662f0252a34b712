package dev.tandem.server.view;

/** How a test email went: {@code sent} (the SMTP server took it) or {@code outbox} (no server set), in a sentence. */
public record TestEmailView(String status, String message) {
}
