package dev.tandem.server.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What to read from the audit log. {@code action} matches an action exactly or as a prefix of
 * dotted names ({@code permission} matches {@code permission.granted}).
 */
public record AuditFilter(Optional<String> session, Optional<String> actor, Optional<String> action,
                          Optional<Instant> from, Optional<Instant> to, Optional<Long> afterId, int limit) {
    public static final int MAX_LIMIT = 5000;

    public AuditFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    public static AuditFilter ofSession(String session) {
        return new AuditFilter(Optional.of(session), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), MAX_LIMIT);
    }
}
