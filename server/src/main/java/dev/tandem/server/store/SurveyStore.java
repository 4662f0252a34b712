package dev.tandem.server.store;

import dev.tandem.server.domain.SurveyAnswer;
import dev.tandem.server.domain.SurveyTally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The satisfaction surveys of sessions: one per session, asked when it ended, answered once with a
 * one-time token of which only the hash is stored. Thread-safe.
 */
public final class SurveyStore {
    /** What became of an answer. */
    public enum Outcome { ANSWERED, NOT_FOUND, ALREADY_ANSWERED }

    /** What became of an answer, and the session and customer it was for (null when not found). */
    public record Answered(Outcome outcome, String sessionId, String customerName) {
    }

    private final Jdbi jdbi;

    public SurveyStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Asks the survey of {@code sessionId}; false when it was asked already (a session ends once).
     * One insert: the session's primary key, not a count before it, keeps two endings from asking twice.
     */
    public boolean ask(String sessionId, String tokenHash, Instant askedAt, Instant expiresAt) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO session_surveys (session_id, token_hash, asked_at, expires_at)"
                            + " VALUES (:s, :hash, :asked, :expires)")
                    .bind("s", sessionId).bind("hash", tokenHash).bind("asked", askedAt).bind("expires", expiresAt)
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (CodeStore.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Takes the answer for the survey whose token hashes to {@code tokenHash}: once, before it
     * expires. A second answer, an unknown token and an expired one change nothing.
     */
    public Answered answer(String tokenHash, int rating, String comment, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Answered> session = h.createQuery("SELECT v.session_id, s.customer_name FROM session_surveys v"
                            + " JOIN support_sessions s ON s.id = v.session_id WHERE v.token_hash = :hash"
                            + " AND v.expires_at > :now").bind("hash", tokenHash).bind("now", now)
                    .map((rs, ctx) -> new Answered(Outcome.ANSWERED, rs.getString("session_id"),
                            rs.getString("customer_name"))).findOne();
            if (session.isEmpty()) {
                return new Answered(Outcome.NOT_FOUND, null, null);
            }
            int taken = h.createUpdate("UPDATE session_surveys SET rating = :rating, comment = :comment,"
                            + " answered_at = :now WHERE token_hash = :hash AND answered_at IS NULL")
                    .bind("rating", rating).bind("comment", comment).bind("now", now).bind("hash", tokenHash)
                    .execute();
            Answered found = session.get();
            return new Answered(taken == 1 ? Outcome.ANSWERED : Outcome.ALREADY_ANSWERED, found.sessionId(),
                    found.customerName());
        });
    }

    /** The answer of a session's survey, when the customer gave one. */
    public Optional<SurveyAnswer> answerOf(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT rating, comment, answered_at FROM session_surveys"
                        + " WHERE session_id = :s AND answered_at IS NOT NULL")
                .bind("s", sessionId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** The answers of those of {@code sessionIds} whose customer answered, by session. */
    public Map<String, SurveyAnswer> answersOf(List<String> sessionIds) {
        Map<String, SurveyAnswer> answers = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return answers;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT session_id, rating, comment, answered_at FROM session_surveys"
                        + " WHERE session_id IN (<ids>) AND answered_at IS NOT NULL")
                .bindList("ids", sessionIds)
                .map((rs, ctx) -> Map.entry(rs.getString("session_id"), map(rs)))
                .forEach(e -> answers.put(e.getKey(), e.getValue())));
        return answers;
    }

    /** Per technician, then per portal: the surveys asked in {@code [from, to)}, busiest first. */
    public List<SurveyTally> byTechnician(Instant from, Instant to) {
        return tally("u.username", "u.display_name", from, to);
    }

    public List<SurveyTally> byPortal(Instant from, Instant to) {
        return tally("p.slug", "p.name", from, to);
    }

    private List<SurveyTally> tally(String key, String name, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + key + " AS tally_key, " + name + " AS tally_name,"
                        + " COUNT(*) AS asked, COUNT(v.answered_at) AS answered, AVG(CAST(v.rating AS DOUBLE PRECISION))"
                        + " AS average FROM session_surveys v JOIN support_sessions s ON s.id = v.session_id"
                        + " JOIN users u ON u.id = s.technician_id JOIN portals p ON p.id = s.portal_id"
                        + " WHERE v.asked_at >= :from AND v.asked_at < :to GROUP BY " + key + ", " + name
                        + " ORDER BY asked DESC, tally_key")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new SurveyTally(rs.getString("tally_key"), rs.getString("tally_name"),
                        rs.getInt("asked"), rs.getInt("answered"), rs.getDouble("average")))
                .list());
    }

    static SurveyAnswer map(ResultSet rs) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp("answered_at");
        return new SurveyAnswer(rs.getInt("rating"), rs.getString("comment"), at == null ? null : at.toInstant());
    }
}
