package dev.tandem.server.requests;

import dev.tandem.server.domain.Portal;
import java.time.Instant;
import java.util.Optional;

/** A customer's request for a chat-only session, as stored. */
public record ChatRequest(long seq, String id, Portal portal, String customerName, String description,
                          Optional<String> email, Optional<String> followUpEmail, String tokenHash, String address,
                          String deviceManufacturer, String deviceModel, String deviceProfile, Status status,
                          Instant createdAt, Instant expiresAt, Optional<Instant> closedAt,
                          Optional<String> acceptedBy, Optional<String> sessionId) {

    /** The life of a request: only {@code WAITING} ever changes, to one of the others. */
    public enum Status {
        WAITING, ACCEPTED, CANCELLED, EXPIRED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status fromWire(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
