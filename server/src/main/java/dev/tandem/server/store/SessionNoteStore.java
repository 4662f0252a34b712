package dev.tandem.server.store;

import dev.tandem.server.domain.SessionNote;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Private session notes, append-only, oldest first. Thread-safe. */
public final class SessionNoteStore {
    private static final String SELECT = "SELECT n.id, n.session_id, n.author_id, u.username, n.author_name, n.body,"
            + " n.created_at FROM session_notes n JOIN users u ON u.id = n.author_id";
    private final Jdbi jdbi;

    public SessionNoteStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public SessionNote add(String sessionId, long authorId, String author, String authorName, String text, Instant at) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO session_notes (session_id, author_id, author_name,"
                        + " body, created_at) VALUES (:session, :author, :name, :body, :at)")
                .bind("session", sessionId).bind("author", authorId).bind("name", authorName).bind("body", text)
                .bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new SessionNote(id, sessionId, authorId, author, authorName, text, at);
    }

    public List<SessionNote> of(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE n.session_id = :session ORDER BY n.id")
                .bind("session", sessionId).map((rs, ctx) -> map(rs)).list());
    }

    /** The notes of several sessions (the CSV export), each session's oldest first. */
    public Map<String, List<SessionNote>> of(List<String> sessionIds) {
        Map<String, List<SessionNote>> notes = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) {
            return notes;
        }
        jdbi.useHandle(h -> h.createQuery(SELECT + " WHERE n.session_id IN (<ids>) ORDER BY n.id")
                .bindList("ids", sessionIds).map((rs, ctx) -> map(rs))
                .forEach(n -> notes.computeIfAbsent(n.sessionId(), k -> new ArrayList<>()).add(n)));
        return notes;
    }

    private static SessionNote map(ResultSet rs) throws SQLException {
        return new SessionNote(rs.getLong("id"), rs.getString("session_id"), rs.getLong("author_id"),
                rs.getString("username"), rs.getString("author_name"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant());
    }
}
