package dev.tandem.server.requests;

import dev.tandem.server.store.Database;
import dev.tandem.server.store.PortalStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Chat requests. Every change of status is a conditional update from {@code waiting}, so two
 * technicians taking the same request, or a take racing a cancel or the timeout, have exactly one
 * winner. Thread-safe.
 */
final class RequestStore {
    private static final String SELECT = "SELECT r.*, u.display_name AS accepted_by_name, "
            + PortalStore.PUBLIC_COLUMNS + " FROM chat_requests r JOIN portals p ON p.id = r.portal_id"
            + " LEFT JOIN users u ON u.id = r.accepted_by ";
    private final Jdbi jdbi;

    RequestStore(Database database) {
        this.jdbi = database.jdbi();
    }

    void insert(String id, long portalId, String name, String description, String email, String tokenHash,
                String address, String manufacturer, String model, String profile, Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO chat_requests (id, portal_id, customer_name, description, email,"
                        + " token_hash, address, device_manufacturer, device_model, device_profile, status, created_at,"
                        + " expires_at) VALUES (:id, :portal, :name, :description, :email, :token, :address, :manufacturer,"
                        + " :model, :profile, 'waiting', :created, :expires)")
                .bind("id", id).bind("portal", portalId).bind("name", name).bind("description", description)
                .bind("email", email).bind("token", tokenHash).bind("address", address)
                .bind("manufacturer", manufacturer).bind("model", model).bind("profile", profile)
                .bind("created", createdAt).bind("expires", expiresAt).execute());
    }

    /**
     * Issue 18.2: a live session transferred to a portal's queue waits in its line as a request that
     * names its session already; taking it is a transfer of that session (no new session opens).
     */
    void insertQueued(String id, long portalId, String name, String description, String tokenHash, String sessionId,
                      Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO chat_requests (id, portal_id, customer_name, description,"
                        + " token_hash, session_id, status, created_at, expires_at) VALUES (:id, :portal, :name,"
                        + " :description, :token, :session, 'waiting', :created, :expires)")
                .bind("id", id).bind("portal", portalId).bind("name", name).bind("description", description)
                .bind("token", tokenHash).bind("session", sessionId).bind("created", createdAt)
                .bind("expires", expiresAt).execute());
    }

    /** The waiting request of a session transferred to a queue, if there is one. */
    Optional<ChatRequest> waitingForSession(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.status = 'waiting' AND r.session_id = :s")
                .bind("s", sessionId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** waiting → accepted for a queued session's request; false when someone else took it first or it expired. */
    boolean acceptQueued(String id, long technicianId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE chat_requests SET status = 'accepted', closed_at = :at,"
                        + " accepted_by = :tech WHERE id = :id AND status = 'waiting'")
                .bind("at", at).bind("tech", technicianId).bind("id", id).execute() == 1);
    }

    Optional<ChatRequest> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** Requests with {@code status} (all when empty), oldest first, at most {@code limit}. */
    List<ChatRequest> list(Optional<ChatRequest.Status> status, int limit) {
        String where = status.map(s -> "WHERE r.status = :status ").orElse("");
        return jdbi.withHandle(h -> h.createQuery(SELECT + where + "ORDER BY r.seq")
                .bind("status", status.map(ChatRequest.Status::wireName).orElse("")).setMaxRows(limit)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** The waiting requests of a portal, in line order. */
    List<ChatRequest> waiting(long portalId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.status = 'waiting' AND r.portal_id = :portal"
                        + " ORDER BY r.seq").bind("portal", portalId).map((rs, ctx) -> map(rs)).list());
    }

    /** 1 for the first in line of its portal; 0 when the request is not waiting. */
    int position(ChatRequest request) {
        if (request.status() != ChatRequest.Status.WAITING) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM chat_requests WHERE portal_id = :portal"
                        + " AND status = 'waiting' AND seq <= :seq").bind("portal", request.portal().id())
                .bind("seq", request.seq()).mapTo(Integer.class).one());
    }

    /** Waiting requests whose time is up at {@code now}. */
    List<String> due(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM chat_requests WHERE status = 'waiting'"
                + " AND expires_at <= :now ORDER BY seq").bind("now", now).mapTo(String.class).list());
    }

    /** waiting → cancelled or expired; false when it was not waiting any more. */
    boolean close(String id, ChatRequest.Status to, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE chat_requests SET status = :to, closed_at = :at"
                        + " WHERE id = :id AND status = 'waiting'")
                .bind("to", to.wireName()).bind("at", at).bind("id", id).execute() == 1);
    }

    /** waiting → accepted inside the caller's transaction; false when another took, cancelled or expired it. */
    static boolean accept(Handle h, String id, long technicianId, String sessionId, Instant at) {
        return h.createUpdate("UPDATE chat_requests SET status = 'accepted', closed_at = :at, accepted_by = :tech,"
                        + " session_id = :session WHERE id = :id AND status = 'waiting'")
                .bind("at", at).bind("tech", technicianId).bind("session", sessionId).bind("id", id).execute() == 1;
    }

    /** Stores the follow-up address of an expired request; false when it is not expired. */
    boolean followUp(String id, String email) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE chat_requests SET follow_up_email = :email"
                + " WHERE id = :id AND status = 'expired'").bind("email", email).bind("id", id).execute() == 1);
    }

    private static ChatRequest map(ResultSet rs) throws SQLException {
        return new ChatRequest(rs.getLong("seq"), rs.getString("id"), PortalStore.map(rs), rs.getString("customer_name"),
                rs.getString("description"), Optional.ofNullable(rs.getString("email")),
                Optional.ofNullable(rs.getString("follow_up_email")), rs.getString("token_hash"),
                rs.getString("address"), rs.getString("device_manufacturer"), rs.getString("device_model"),
                rs.getString("device_profile"), ChatRequest.Status.fromWire(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "expires_at"), Optional.ofNullable(instant(rs, "closed_at")),
                Optional.ofNullable(rs.getString("accepted_by_name")), Optional.ofNullable(rs.getString("session_id")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
