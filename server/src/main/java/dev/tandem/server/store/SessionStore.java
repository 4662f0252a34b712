package dev.tandem.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.domain.SessionStatus;
import dev.tandem.server.domain.SupportSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Support sessions. Thread-safe. */
public final class SessionStore {
    private static final String SELECT = "SELECT s.*, c.code AS code_digits, c.identifier, u.display_name AS technician_name, "
            + "u.username AS technician_username, "
            + PortalStore.COLUMNS + " FROM support_sessions s JOIN portals p ON p.id = s.portal_id"
            + " JOIN users u ON u.id = s.technician_id LEFT JOIN session_codes c ON c.id = s.code_id ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final SessionTeamStore team;

    public SessionStore(Database database) {
        this.jdbi = database.jdbi();
        this.team = new SessionTeamStore(jdbi);
    }

    /** Helpers, control and transfers of the sessions (issue 18.2). */
    public SessionTeamStore team() {
        return team;
    }

    public Jdbi jdbi() { return jdbi; }

    /** Inserts a new active session inside the caller's transaction. */
    public void insert(Handle h, String id, Long codeId, long technicianId, long portalId, String customerName,
                       DeviceInfo device, Capabilities capabilities, String resumeTokenHash, Instant startedAt) {
        h.createUpdate("INSERT INTO support_sessions (id, code_id, technician_id, portal_id, customer_name,"
                        + " device_manufacturer, device_model, android_version, api_level, device_profile, capabilities,"
                        + " status, resume_token_hash, started_at) VALUES (:id, :code, :tech, :portal, :name, :manufacturer,"
                        + " :model, :android, :api, :profile, :caps, 'active', :resume, :started)")
                .bind("id", id).bind("code", codeId).bind("tech", technicianId).bind("portal", portalId)
                .bind("name", customerName).bind("manufacturer", device.manufacturer).bind("model", device.model)
                .bind("android", device.androidVersion).bind("api", device.apiLevel).bind("profile", device.profile)
                .bind("caps", toJson(capabilities)).bind("resume", resumeTokenHash).bind("started", startedAt)
                .execute();
    }

    public Optional<SupportSession> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<String> resumeTokenHash(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT resume_token_hash FROM support_sessions WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    /** What the customer allows on the screen of a session, as last stored. */
    public record ScreenGrant(boolean shared, boolean control) {
        public static final ScreenGrant NONE = new ScreenGrant(false, false);
    }

    /** Stores what the customer allows on the session's screen now (sharing, control). */
    public void rememberScreen(String id, ScreenGrant grant) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE support_sessions SET screen_shared = :shared, screen_control = :control"
                        + " WHERE id = :id").bind("shared", grant.shared()).bind("control", grant.control())
                .bind("id", id).execute());
    }

    /** What the customer allowed on the session's screen when it was last stored; none for an unknown session. */
    public ScreenGrant screenGrant(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT screen_shared, screen_control FROM support_sessions WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new ScreenGrant(rs.getBoolean(1), rs.getBoolean(2))).findOne())
                .orElse(ScreenGrant.NONE);
    }

    /** Sessions newest first, filtered by owner (empty = all) and status (empty = any). */
    public List<SupportSession> list(Optional<Long> technicianId, Optional<SessionStatus> status, int limit) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        // A technician's sessions: those they own and those they help with (issue 18.2).
        technicianId.ifPresent(t -> where.append("AND (s.technician_id = :tech OR EXISTS (SELECT 1 FROM session_helpers"
                + " sh WHERE sh.session_id = s.id AND sh.user_id = :tech AND sh.left_at IS NULL)) "));
        status.ifPresent(s -> where.append("AND s.status = :status "));
        return jdbi.withHandle(h -> h.createQuery(SELECT + where + "ORDER BY s.started_at DESC")
                .bind("tech", technicianId.orElse(0L)).bind("status", status.map(SessionStatus::wireName).orElse(""))
                .setMaxRows(limit).map((rs, ctx) -> map(rs)).list());
    }

    /** Sessions matching {@code query}, newest first. */
    public List<SupportSession> list(SessionQuery query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        query.ownerId().ifPresent(t -> where.append("AND (s.technician_id = :owner OR EXISTS (SELECT 1 FROM session_helpers"
                + " sh WHERE sh.session_id = s.id AND sh.user_id = :owner AND sh.left_at IS NULL)) "));
        query.technician().ifPresent(t -> where.append("AND u.username = :username "));
        query.portal().ifPresent(p -> where.append("AND p.slug = :portal "));
        query.status().ifPresent(s -> where.append("AND s.status = :status "));
        query.from().ifPresent(f -> where.append("AND s.started_at >= :from "));
        query.to().ifPresent(t -> where.append("AND s.started_at < :to "));
        return jdbi.withHandle(h -> h.createQuery(SELECT + where + "ORDER BY s.started_at DESC, s.id DESC")
                .bind("owner", query.ownerId().orElse(0L)).bind("username", query.technician().orElse(""))
                .bind("portal", query.portal().orElse("")).bind("status", query.status().map(SessionStatus::wireName).orElse(""))
                .bind("from", query.from().orElse(Instant.EPOCH)).bind("to", query.to().orElse(Instant.EPOCH))
                .setMaxRows(query.limit()).map((rs, ctx) -> map(rs)).list());
    }

    public List<SupportSession> listActive() {
        return list(Optional.empty(), Optional.of(SessionStatus.ACTIVE), Integer.MAX_VALUE);
    }

    /** Ends an active session; false when it had already ended. {@code byName}: the user who ended it, if one did. */
    public boolean end(String id, String by, String byName, String reason, Instant at) {
        return end(id, by, byName, reason, at, 0);
    }

    /**
     * As {@link #end(String, String, String, String, Instant)}, by the node that owns the session at
     * {@code epoch} (0: not fenced); false as well when another node has taken the session since.
     */
    public boolean end(String id, String by, String byName, String reason, Instant at, long epoch) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE support_sessions SET status = 'ended', ended_at = :at,"
                        + " ended_by = :by, ended_by_name = :byName, end_reason = :reason"
                        + " WHERE id = :id AND status = 'active'" + (epoch > 0 ? " AND owner_epoch = :epoch" : ""))
                .bind("at", at).bind("by", by).bind("byName", byName).bind("reason", reason).bind("id", id)
                .bind("epoch", epoch).execute() == 1);
    }

    /**
     * As the session's owner at {@code epoch}: whether its phone is connected now. Nothing changes
     * when another node has taken the session since (its epoch is higher).
     */
    public void phoneConnected(String id, boolean connected, long epoch) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE support_sessions SET phone_connected = :connected"
                        + " WHERE id = :id AND owner_epoch = :epoch").bind("connected", connected).bind("id", id)
                .bind("epoch", epoch).execute());
    }

    public void updateCapabilities(String id, Capabilities capabilities) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE support_sessions SET capabilities = :caps WHERE id = :id")
                .bind("caps", toJson(capabilities)).bind("id", id).execute());
    }

    private static SupportSession map(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new SupportSession(rs.getString("id"), Optional.ofNullable(rs.getString("code_digits")),
                Optional.ofNullable(rs.getString("identifier")), rs.getLong("technician_id"),
                rs.getString("technician_name"), rs.getString("technician_username"), PortalStore.map(rs), rs.getString("customer_name"),
                new DeviceInfo(rs.getString("device_manufacturer"), rs.getString("device_model"),
                        rs.getString("android_version"), rs.getInt("api_level"), rs.getString("device_profile")),
                fromJson(rs.getString("capabilities")),
                "active".equals(rs.getString("status")) ? SessionStatus.ACTIVE : SessionStatus.ENDED,
                rs.getTimestamp("started_at").toInstant(), Optional.ofNullable(ended).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("ended_by")), Optional.ofNullable(rs.getString("end_reason")),
                Optional.ofNullable(rs.getString("ended_by_name")), Optional.ofNullable(rs.getString("owner_node")),
                rs.getBoolean("phone_connected"));
    }

    static String toJson(Capabilities capabilities) {
        try {
            return JSON.writeValueAsString(capabilities);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Capabilities fromJson(String json) {
        try {
            return JSON.readValue(json, Capabilities.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored capabilities are unreadable", e);
        }
    }
}
