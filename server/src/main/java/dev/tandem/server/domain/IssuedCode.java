package dev.tandem.server.domain;

import java.time.Instant;
import java.util.Optional;

/** A session code a technician created, with its state. */
public record IssuedCode(long id, String code, long technicianId, String technicianName, Portal portal,
                         Optional<String> identifier, CodeStatus status, Optional<String> sessionId,
                         Instant createdAt, Instant expiresAt) {

    /** The status as it is now: a waiting code past its expiry is expired even before the sweeper runs. */
    public CodeStatus statusAt(Instant now) {
        return status == CodeStatus.WAITING && !now.isBefore(expiresAt) ? CodeStatus.EXPIRED : status;
    }
}
