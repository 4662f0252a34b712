package dev.tandem.server.store;

import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Composed emails with their raw MIME bytes, so a queued one survives a restart. Thread-safe. */
public final class EmailStore {
    private static final String COLUMNS = "id, created_by, session_id, kind, recipient, subject, status, attempts,"
            + " last_error, created_at, sent_at";
    private final Jdbi jdbi;
    /** On PostgreSQL several nodes may send: a delivery claims its row first (see {@link #sendClaimed}). */
    private final boolean claims;

    /** What one delivery attempt came to. */
    public record Attempt(EmailStatus status, String error, Instant sentAt) {
    }

    public EmailStore(Database database) {
        this.jdbi = database.jdbi();
        this.claims = !database.isEmbedded();
    }

    /**
     * Delivers the queued message {@code id} with {@code send} and records the attempt, once for the
     * whole cluster: on PostgreSQL the row is claimed with {@code FOR UPDATE SKIP LOCKED} and held
     * while {@code send} runs, and the attempt is written in that transaction, so of several nodes
     * retrying at once one sends it and the others skip it. Empty when the message is not queued (any
     * more) or another node is sending it. The embedded database has one server: no claim there.
     */
    public Optional<Attempt> sendClaimed(String id, java.util.function.Function<Email, Attempt> send) {
        if (!claims) {
            Optional<Attempt> attempt = find(id).filter(e -> e.status() == EmailStatus.QUEUED).map(send);
            attempt.ifPresent(a -> recordAttempt(id, a.status(), a.error(), a.sentAt()));
            return attempt;
        }
        return jdbi.inTransaction(h -> {
            Optional<Email> claimed = h.createQuery("SELECT " + COLUMNS + " FROM emails WHERE id = :id AND status = 'queued'"
                            + " FOR UPDATE SKIP LOCKED").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
            if (claimed.isEmpty()) {
                return Optional.<Attempt>empty();
            }
            Attempt attempt = send.apply(claimed.get());
            h.createUpdate("UPDATE emails SET status = :status, attempts = attempts + 1, last_error = :error,"
                            + " sent_at = :sent WHERE id = :id")
                    .bind("status", attempt.status().wireName()).bind("error", attempt.error())
                    .bind("sent", attempt.sentAt()).bind("id", id).execute();
            return Optional.of(attempt);
        });
    }

    /** Stores a queued message; returns once it is on disk (its 202 promises it will be sent). */
    public void insert(Email email, byte[] eml) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO emails (" + COLUMNS + ", eml) VALUES (:id, :by, :session, :kind,"
                        + " :to, :subject, :status, 0, NULL, :created, NULL, :eml)")
                .bind("id", email.id()).bind("by", email.createdBy().orElse(null))
                .bind("session", email.sessionId().orElse(null)).bind("kind", email.kind())
                .bind("to", email.recipient()).bind("subject", email.subject()).bind("status", email.status().wireName())
                .bind("created", email.createdAt()).bind("eml", eml).execute());
    }

    public void recordAttempt(String id, EmailStatus status, String error, Instant sentAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE emails SET status = :status, attempts = attempts + 1,"
                        + " last_error = :error, sent_at = :sent WHERE id = :id")
                .bind("status", status.wireName()).bind("error", error).bind("sent", sentAt).bind("id", id).execute());
    }

    public void markOutbox(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE emails SET status = 'outbox' WHERE id = :id").bind("id", id).execute());
    }

    public Optional<Email> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM emails WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<byte[]> eml(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT eml FROM emails WHERE id = :id").bind("id", id)
                .mapTo(byte[].class).findOne());
    }

    public List<Email> list(Optional<Long> createdBy, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM emails "
                        + (createdBy.isPresent() ? "WHERE created_by = :by " : "") + "ORDER BY created_at DESC")
                .bind("by", createdBy.orElse(0L)).setMaxRows(limit).map((rs, ctx) -> map(rs)).list());
    }

    public List<Email> listQueued() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM emails WHERE status = 'queued'"
                + " ORDER BY created_at").map((rs, ctx) -> map(rs)).list());
    }

    private static Email map(ResultSet rs) throws SQLException {
        long by = rs.getLong("created_by");
        Optional<Long> createdBy = rs.wasNull() ? Optional.empty() : Optional.of(by);
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Email(rs.getString("id"), createdBy, Optional.ofNullable(rs.getString("session_id")),
                rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                EmailStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")), rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(sent).map(Timestamp::toInstant));
    }
}
