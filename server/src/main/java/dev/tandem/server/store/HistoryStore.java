package dev.tandem.server.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What the session history needs beyond the sessions themselves. Read-only; thread-safe. */
public final class HistoryStore {
    private final Jdbi jdbi;

    public HistoryStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Transcript entries per session, for the sessions in {@code ids} that have any. */
    public Map<String, Long> messageCounts(List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT session_id, COUNT(*) AS n FROM messages WHERE session_id IN (<ids>)"
                        + " GROUP BY session_id")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getString("session_id"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** What retention removed from a session. */
    public Removed removed(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT transcript_removed_at, log_files_removed_at"
                        + " FROM support_sessions WHERE id = :id")
                .bind("id", sessionId)
                .map((rs, ctx) -> new Removed(rs.getTimestamp("transcript_removed_at") != null,
                        rs.getTimestamp("log_files_removed_at") != null))
                .findOne().orElse(new Removed(false, false)));
    }

    /** Whether retention removed a session's transcript (with its reports) and its log files. */
    public record Removed(boolean transcript, boolean logFiles) {
    }
}
