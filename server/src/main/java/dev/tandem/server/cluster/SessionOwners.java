package dev.tandem.server.cluster;

import dev.tandem.server.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which node owns each live session, and the fencing epoch of that ownership
 * ({@code support_sessions.owner_node}, {@code owner_epoch}). PostgreSQL is the only source of truth:
 * a node that takes a session raises the epoch in the same transaction as it names itself owner, and
 * every transcript write of the old owner then fails its epoch check
 * ({@code store.SessionTakenOverException}).
 *
 * <p>A server that runs alone ({@link #clustered()} false) names no owner and raises no epoch: its
 * sessions keep {@code owner_node} NULL and its writes are not fenced, exactly as before. Thread-safe.
 */
public final class SessionOwners {
    private final Jdbi jdbi;
    private final String nodeId;
    private final boolean clustered;

    /** A session this node may take at start: its id and the epoch it had when listed. */
    public record Claim(String sessionId, long epoch) {
    }

    public SessionOwners(Database database, String nodeId, boolean clustered) {
        this.jdbi = database.jdbi();
        this.nodeId = nodeId;
        this.clustered = clustered;
    }

    /** The owners of a server that runs alone. */
    public static SessionOwners alone(Database database) {
        return new SessionOwners(database, Node.LOCAL_ID, false);
    }

    /** This node's id. */
    public String nodeId() { return nodeId; }

    /** True when this server is one node of several: it names itself owner and fences its writes. */
    public boolean clustered() { return clustered; }

    /** The node that owns the session, empty when none does (an ended session, a server that runs alone, an older row). */
    public Optional<String> ownerOf(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_node FROM support_sessions WHERE id = :id")
                .bind("id", sessionId).mapTo(String.class).findOne());
    }

    /** The address of the node that owns the session ({@code nodes.address}), for routing to it. */
    public Optional<String> ownerAddressOf(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT n.address FROM support_sessions s JOIN nodes n"
                        + " ON n.id = s.owner_node WHERE s.id = :id")
                .bind("id", sessionId).mapTo(String.class).findOne());
    }

    /**
     * Inside the caller's transaction (the one that inserts the session): this node owns it. Returns
     * the epoch its writes must carry, 0 when the server runs alone.
     */
    public long take(Handle h, String sessionId) {
        if (!clustered) {
            return 0;
        }
        h.createUpdate("UPDATE support_sessions SET owner_node = :node, owner_epoch = owner_epoch + 1 WHERE id = :id")
                .bind("node", nodeId).bind("id", sessionId).execute();
        return h.createQuery("SELECT owner_epoch FROM support_sessions WHERE id = :id").bind("id", sessionId)
                .mapTo(Long.class).one();
    }

    /**
     * Makes this node the owner of an active session and raises its epoch, in one transaction (a
     * phone resumed here). Returns the new epoch; 0 when the server runs alone; empty when the session
     * is not active (ended meanwhile, or unknown).
     */
    public OptionalLong take(String sessionId) {
        return raise(sessionId, null);
    }

    /**
     * As {@link #take(String)}, but only while the session still has the epoch {@code seen}: of two
     * nodes adopting an orphaned session at once, one wins.
     */
    public OptionalLong adopt(Claim claim) {
        return raise(claim.sessionId(), claim.epoch());
    }

    private OptionalLong raise(String sessionId, Long seen) {
        if (!clustered) {
            return OptionalLong.of(0);
        }
        return jdbi.inTransaction(h -> {
            // The new owner holds no phone yet: it says so until the phone attaches here (a dead node's
            // phone stops counting as connected once its session is adopted).
            int changed = h.createUpdate("UPDATE support_sessions SET owner_node = :node, owner_epoch = owner_epoch + 1,"
                            + " phone_connected = FALSE"
                            + " WHERE id = :id AND status = 'active'" + (seen == null ? "" : " AND owner_epoch = :seen"))
                    .bind("node", nodeId).bind("id", sessionId).bind("seen", seen == null ? 0L : seen).execute();
            if (changed != 1) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(h.createQuery("SELECT owner_epoch FROM support_sessions WHERE id = :id")
                    .bind("id", sessionId).mapTo(Long.class).one());
        });
    }

    /**
     * The active sessions this node may take without harming another live node: its own (a restart
     * under the same id), those of no node, and those of a node whose heartbeat is older than
     * {@code staleBefore} or that has no row (it died or stopped).
     */
    public List<Claim> orphansAndOwn(Instant staleBefore) {
        return claims(staleBefore, true);
    }

    /**
     * The active sessions of no node or of dead nodes (the timer leader's periodic look), without
     * this node's own: those are live here, or joining here right now.
     */
    public List<Claim> orphans(Instant staleBefore) {
        return claims(staleBefore, false);
    }

    private List<Claim> claims(Instant staleBefore, boolean own) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.id, s.owner_epoch FROM support_sessions s"
                        + " LEFT JOIN nodes n ON n.id = s.owner_node WHERE s.status = 'active' AND (s.owner_node IS NULL"
                        + (own ? " OR s.owner_node = :node" : "") + " OR (s.owner_node <> :node AND (n.id IS NULL"
                        + " OR n.heartbeat_at < :stale))) ORDER BY s.started_at")
                .bind("node", nodeId).bind("stale", staleBefore)
                .map((rs, ctx) -> new Claim(rs.getString("id"), rs.getLong("owner_epoch"))).list());
    }

    /** True while this node still owns the active session at {@code epoch} (no other node has taken it since). */
    public boolean stillOwns(String sessionId, long epoch) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM support_sessions WHERE id = :id"
                        + " AND status = 'active' AND owner_node = :node AND owner_epoch = :epoch")
                .bind("id", sessionId).bind("node", nodeId).bind("epoch", epoch).mapTo(Integer.class).one() == 1);
    }

    /** The active sessions this node owns now, with their epochs (to notice one taken away without a write). */
    public Map<String, Long> owned() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, owner_epoch FROM support_sessions"
                        + " WHERE owner_node = :node AND status = 'active'")
                .bind("node", nodeId).map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getLong("owner_epoch")))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
