package dev.tandem.server.store;

import dev.tandem.server.domain.SessionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Which sessions to list: {@code ownerId} limits to one technician's sessions (what a technician
 * may see), {@code technician} and {@code portal} are the history's filters by user name and slug,
 * {@code from} (inclusive) and {@code to} (exclusive) bound the start time.
 */
public record SessionQuery(Optional<Long> ownerId, Optional<String> technician, Optional<String> portal,
                           Optional<SessionStatus> status, Optional<Instant> from, Optional<Instant> to, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public SessionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
