package dev.tandem.server.store;

import dev.tandem.server.domain.CannedReply;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Canned replies, shared per portal or personal. A shortcut taken twice in one scope is refused by
 * the database's unique indexes (on every node at once), reported here as an empty answer. Thread-safe.
 */
public final class CannedReplyStore {
    private static final String SELECT = "SELECT r.id, p.slug AS portal_slug, r.owner_id, r.shortcut, r.body,"
            + " r.updated_by, r.updated_at FROM canned_replies r LEFT JOIN portals p ON p.id = r.portal_id";
    private final Jdbi jdbi;

    public CannedReplyStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The personal replies of {@code ownerId} and the shared replies of every portal, by shortcut. */
    public List<CannedReply> usableBy(long ownerId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.owner_id = :owner OR r.portal_id IS NOT NULL"
                        + " ORDER BY r.shortcut, p.slug NULLS FIRST, r.id")
                .bind("owner", ownerId).map((rs, ctx) -> map(rs)).list());
    }

    /** The shared replies of one portal, by shortcut. */
    public List<CannedReply> ofPortal(long portalId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.portal_id = :portal ORDER BY r.shortcut, r.id")
                .bind("portal", portalId).map((rs, ctx) -> map(rs)).list());
    }

    public Optional<CannedReply> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /**
     * A new reply of the portal {@code portalId} or of the user {@code ownerId} (one of them null);
     * empty when the scope already has this shortcut.
     */
    public Optional<Long> insert(Long portalId, Long ownerId, String shortcut, String text, String by, Instant at) {
        try {
            return Optional.of(jdbi.withHandle(h -> h.createUpdate("INSERT INTO canned_replies (portal_id, owner_id,"
                            + " shortcut, body, updated_by, updated_at) VALUES (:portal, :owner, :shortcut, :body, :by, :at)")
                    .bind("portal", portalId).bind("owner", ownerId).bind("shortcut", shortcut).bind("body", text)
                    .bind("by", by).bind("at", at)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
        } catch (RuntimeException e) {
            if (CodeStore.isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Changes a reply's shortcut and text; false when another reply of its scope has that shortcut. */
    public boolean update(long id, String shortcut, String text, String by, Instant at) {
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE canned_replies SET shortcut = :shortcut, body = :body,"
                            + " updated_by = :by, updated_at = :at WHERE id = :id")
                    .bind("shortcut", shortcut).bind("body", text).bind("by", by).bind("at", at).bind("id", id).execute());
            return true;
        } catch (RuntimeException e) {
            if (CodeStore.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    public void delete(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM canned_replies WHERE id = :id").bind("id", id).execute());
    }

    private static CannedReply map(ResultSet rs) throws SQLException {
        long owner = rs.getLong("owner_id");
        Optional<Long> ownerId = rs.wasNull() ? Optional.empty() : Optional.of(owner);
        return new CannedReply(rs.getLong("id"), Optional.ofNullable(rs.getString("portal_slug")), ownerId,
                rs.getString("shortcut"), rs.getString("body"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
