package dev.tandem.server.store;

import dev.tandem.server.domain.CodeStatus;
import dev.tandem.server.domain.IssuedCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Issued session codes. Thread-safe. */
public final class CodeStore {
    private static final String SELECT = "SELECT c.id, c.code, c.technician_id, u.display_name AS technician_name,"
            + " c.identifier, c.status, c.session_id, c.created_at, c.expires_at, " + PortalStore.COLUMNS
            + " FROM session_codes c JOIN portals p ON p.id = c.portal_id JOIN users u ON u.id = c.technician_id ";
    private final Jdbi jdbi;

    public CodeStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Issues a waiting code to the technician unless they hold {@code maxLive} live codes already
     * (then empty): one transaction locks the technician's row, counts and inserts, so nodes issuing
     * at once cannot pass the limit together. A drawn code that is live already is drawn again.
     */
    public Optional<Long> insertUnderLimit(java.util.function.Supplier<String> draw, long technicianId, long portalId,
                                           String identifier, Instant createdAt, Instant expiresAt, int maxLive) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM users WHERE id = :tech FOR UPDATE").bind("tech", technicianId)
                    .mapTo(Long.class).findOne();
            int live = h.createQuery("SELECT COUNT(*) FROM session_codes WHERE technician_id = :tech"
                            + " AND status = 'waiting' AND expires_at > :now")
                    .bind("tech", technicianId).bind("now", createdAt).mapTo(Integer.class).one();
            if (live >= maxLive) {
                return Optional.<Long>empty();
            }
            for (int attempt = 0; attempt < 20; attempt++) {
                // A unique violation spoils a PostgreSQL transaction: each draw gets a savepoint.
                h.savepoint("draw");
                try {
                    return Optional.of(h.createUpdate("INSERT INTO session_codes (code, live_code, technician_id,"
                                    + " portal_id, identifier, status, created_at, expires_at) VALUES (:code, :code,"
                                    + " :tech, :portal, :identifier, 'waiting', :created, :expires)")
                            .bind("code", draw.get()).bind("tech", technicianId).bind("portal", portalId)
                            .bind("identifier", identifier).bind("created", createdAt).bind("expires", expiresAt)
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
                } catch (UnableToExecuteStatementException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    h.rollbackToSavepoint("draw");
                }
            }
            throw new IllegalStateException("Could not draw a free session code in 20 attempts");
        });
    }

    public Optional<IssuedCode> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** The newest code with these digits: the live one if there is one, else the last one issued. */
    public Optional<IssuedCode> findNewest(String code) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.code = :code ORDER BY c.id DESC")
                .bind("code", code).setMaxRows(1).map((rs, ctx) -> map(rs)).findFirst());
    }

    /** Codes newest first: one technician's, or everybody's when {@code technicianId} is empty. */
    public List<IssuedCode> list(Optional<Long> technicianId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + (technicianId.isPresent() ? "WHERE c.technician_id = :tech " : "")
                        + "ORDER BY c.id DESC")
                .bind("tech", technicianId.orElse(0L)).setMaxRows(limit).map((rs, ctx) -> map(rs)).list());
    }

    /** Moves a waiting code to {@code status}; false when it was no longer waiting (somebody else won). */
    public boolean finish(long id, CodeStatus status, String sessionId) {
        return jdbi.withHandle(h -> finish(h, id, status, sessionId));
    }

    public boolean finish(Handle handle, long id, CodeStatus status, String sessionId) {
        return handle.createUpdate("UPDATE session_codes SET status = :status, live_code = NULL, session_id = :session"
                        + " WHERE id = :id AND status = 'waiting'")
                .bind("status", status.wireName()).bind("session", sessionId).bind("id", id).execute() == 1;
    }

    /** Marks every waiting code past its expiry as expired and returns their ids. */
    public List<Long> expireDue(Instant now) {
        return jdbi.inTransaction(h -> {
            List<Long> due = h.createQuery("SELECT id FROM session_codes WHERE status = 'waiting' AND expires_at <= :now")
                    .bind("now", now).mapTo(Long.class).list();
            for (Long id : due) {
                finish(h, id, CodeStatus.EXPIRED, null);
            }
            return due;
        });
    }

    private static IssuedCode map(ResultSet rs) throws SQLException {
        return new IssuedCode(rs.getLong("id"), rs.getString("code"), rs.getLong("technician_id"),
                rs.getString("technician_name"), PortalStore.map(rs), Optional.ofNullable(rs.getString("identifier")),
                CodeStatus.fromWire(rs.getString("status")), Optional.ofNullable(rs.getString("session_id")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
