package dev.tandem.server.cluster;

import dev.tandem.server.store.Database;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Which node owns each live session, and the fencing epoch of that ownership
 * ({@code support_sessions.owner_node}, {@code owner_epoch}). PostgreSQL is the only source of truth:
 * a node that takes a session raises the epoch in the same transaction as it names itself owner, and
 * every transcript write of the old owner then fails its epoch check. Thread-safe.
 */
public final class SessionOwners {
    private final Jdbi jdbi;
    private final String nodeId;

    public SessionOwners(Database database, String nodeId) {
        this.jdbi = database.jdbi();
        this.nodeId = nodeId;
    }

    /** This node's id. */
    public String nodeId() { return nodeId; }

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
     * Makes this node the owner of an active session and raises its epoch, in one transaction.
     * Returns the new epoch, which this node's writes to the session must carry; empty when the
     * session is not active (ended meanwhile, or unknown).
     */
    public OptionalLong take(String sessionId) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE support_sessions SET owner_node = :node, owner_epoch = owner_epoch + 1"
                            + " WHERE id = :id AND status = 'active'")
                    .bind("node", nodeId).bind("id", sessionId).execute();
            if (changed != 1) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(h.createQuery("SELECT owner_epoch FROM support_sessions WHERE id = :id")
                    .bind("id", sessionId).mapTo(Long.class).one());
        });
    }

    /** True while this node still owns the session at {@code epoch} (no other node has taken it since). */
    public boolean stillOwns(String sessionId, long epoch) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM support_sessions WHERE id = :id"
                        + " AND owner_node = :node AND owner_epoch = :epoch")
                .bind("id", sessionId).bind("node", nodeId).bind("epoch", epoch).mapTo(Integer.class).one() == 1);
    }
}
