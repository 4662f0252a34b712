package dev.tandem.server.domain;

import java.time.Instant;
import java.util.Optional;

/** An email the server composed, with where it is on its way out. */
public record Email(String id, Optional<Long> createdBy, Optional<String> sessionId, String kind, String recipient,
                    String subject, EmailStatus status, int attempts, Optional<String> lastError, Instant createdAt,
                    Optional<Instant> sentAt) {
}
