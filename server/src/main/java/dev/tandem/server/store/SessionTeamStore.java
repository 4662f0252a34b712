package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Who works on a session besides its owner (issue 18.2): its helpers, the technician holding
 * control of the phone, and a transfer of the session to another owner. Reached through
 * {@link SessionStore#team()}. Thread-safe.
 */
public final class SessionTeamStore {
    private final Jdbi jdbi;

    SessionTeamStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The ids of the session's helpers now (not those who left), in the order they joined. */
    public List<Long> helpers(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM session_helpers WHERE session_id = :s"
                        + " AND left_at IS NULL ORDER BY joined_at, user_id").bind("s", sessionId)
                .mapTo(Long.class).list());
    }

    public boolean isHelper(String sessionId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM session_helpers WHERE session_id = :s"
                        + " AND user_id = :u AND left_at IS NULL").bind("s", sessionId).bind("u", userId)
                .mapTo(Integer.class).one()) > 0;
    }

    /** Adds (or brings back) a helper. */
    public void join(String sessionId, long userId, long invitedBy, Instant at) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE session_helpers SET left_at = NULL, joined_at = :at, invited_by = :by"
                    + " WHERE session_id = :s AND user_id = :u").bind("s", sessionId).bind("u", userId)
                    .bind("by", invitedBy).bind("at", at).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO session_helpers (session_id, user_id, invited_by, joined_at)"
                                + " VALUES (:s, :u, :by, :at)").bind("s", sessionId).bind("u", userId)
                        .bind("by", invitedBy).bind("at", at).execute();
            }
        });
    }

    public void leave(String sessionId, long userId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE session_helpers SET left_at = :at WHERE session_id = :s"
                + " AND user_id = :u AND left_at IS NULL").bind("s", sessionId).bind("u", userId).bind("at", at)
                .execute());
    }

    /** The technician holding control of the phone; empty means the session's owner. */
    public Optional<Long> controlHolder(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT control_holder FROM support_sessions WHERE id = :s")
                .bind("s", sessionId).map((rs, ctx) -> rs.getObject(1) == null ? null : rs.getLong(1)).findOne());
    }

    /** Passes control to {@code userId}; {@code null} gives it back to the session's owner. */
    public void passControl(String sessionId, Long userId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE support_sessions SET control_holder = :u WHERE id = :s")
                .bind("s", sessionId).bind("u", userId).execute());
    }

    /**
     * The session has a new owner: control is theirs, and if they were a helper they are one no more.
     * One transaction, so no reader sees the new owner also listed as a helper.
     */
    public void transfer(String sessionId, long toUserId, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE support_sessions SET technician_id = :u, control_holder = NULL WHERE id = :s")
                    .bind("s", sessionId).bind("u", toUserId).execute();
            h.createUpdate("UPDATE session_helpers SET left_at = :at WHERE session_id = :s AND user_id = :u"
                    + " AND left_at IS NULL").bind("s", sessionId).bind("u", toUserId).bind("at", at).execute();
        });
    }
}
