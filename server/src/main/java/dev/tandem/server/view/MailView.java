package dev.tandem.server.view;

/** A message of the caller's outbox, with how its delivery went. */
public record MailView(String id, String kind, String to, String subject, String status, int attempts, String error,
                       String createdAt, String sentAt) {
}
