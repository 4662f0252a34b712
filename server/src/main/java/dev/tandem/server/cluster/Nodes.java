package dev.tandem.server.cluster;

import dev.tandem.server.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The nodes table: each node writes its row every few seconds (its heartbeat, with the phones,
 * consoles and viewers connected to it, and whether it is stopping). A row whose heartbeat is older
 * than {@link #stale} belongs to a dead node, whose sessions other nodes may take. Thread-safe.
 */
public final class Nodes {
    /** The longest time between two heartbeats of a node. */
    private static final Duration MOST_BETWEEN_BEATS = Duration.ofSeconds(5);
    /** How many missed heartbeats make a node dead. */
    private static final int MISSED_BEATS = 3;
    private final Jdbi jdbi;

    /**
     * One node as its row says.
     *
     * @param heartbeatAt when the node last wrote its row
     * @param stopping    the node is handing its sessions over and takes no new sockets
     */
    public record Status(String id, String address, Instant startedAt, Instant heartbeatAt, boolean stopping,
                         int phones, int consoles, int viewers) {
    }

    public Nodes(Database database) {
        this.jdbi = database.jdbi();
    }

    /** How often a node writes its heartbeat: every 5 s, or as often as it pings phones when that is more often. */
    public static Duration every(Duration deviceHeartbeat) {
        return deviceHeartbeat.compareTo(MOST_BETWEEN_BEATS) < 0 ? deviceHeartbeat : MOST_BETWEEN_BEATS;
    }

    /** How old a heartbeat must be for its node to count as dead. */
    public static Duration stale(Duration deviceHeartbeat) {
        return every(deviceHeartbeat).multipliedBy(MISSED_BEATS);
    }

    /** Writes this node's row (inserted on its first beat). */
    public void beat(Node node, Instant startedAt, Instant now, boolean stopping, int phones, int consoles, int viewers) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE nodes SET address = :address, heartbeat_at = :now, stopping = :stopping,"
                            + " phones = :phones, consoles = :consoles, viewers = :viewers, started_at = :started"
                            + " WHERE id = :id")
                    .bind("id", node.id()).bind("address", node.address()).bind("now", now).bind("stopping", stopping)
                    .bind("phones", phones).bind("consoles", consoles).bind("viewers", viewers)
                    .bind("started", startedAt).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO nodes (id, address, started_at, heartbeat_at, stopping, phones, consoles,"
                                + " viewers) VALUES (:id, :address, :started, :now, :stopping, :phones, :consoles, :viewers)")
                        .bind("id", node.id()).bind("address", node.address()).bind("now", now)
                        .bind("stopping", stopping).bind("phones", phones).bind("consoles", consoles)
                        .bind("viewers", viewers).bind("started", startedAt).execute();
            }
        });
    }

    /** Every node's row, by id. */
    public List<Status> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM nodes ORDER BY id")
                .map((rs, ctx) -> new Status(rs.getString("id"), rs.getString("address"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("heartbeat_at").toInstant(),
                        rs.getBoolean("stopping"), rs.getInt("phones"), rs.getInt("consoles"), rs.getInt("viewers")))
                .list());
    }

    /** The node stopped: its row goes, so its sessions count as orphans at once. */
    public void gone(String nodeId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM nodes WHERE id = :id").bind("id", nodeId).execute());
    }
}
