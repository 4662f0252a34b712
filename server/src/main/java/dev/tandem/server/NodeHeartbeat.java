package dev.tandem.server;

import dev.tandem.server.cluster.Node;
import dev.tandem.server.cluster.Nodes;
import dev.tandem.server.cluster.TimerLeader;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.view.NodeView;
import dev.tandem.server.view.Views;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * This server's life as a node: every few seconds it writes its row in {@code nodes} (phones,
 * consoles and viewers connected, stopping or not) and forgets the sessions another node has taken
 * since; at the end its row goes. A server that runs alone writes nothing and lists itself from
 * memory, so it behaves as before. Thread-safe.
 */
final class NodeHeartbeat {
    private final Nodes nodes;
    /** This node, once the server listens (its address needs the port); until then there is nothing to beat. */
    private volatile Node node;
    private final Instant startedAt;
    private final Clock clock;
    private final LiveSessions sessions;
    private final IntSupplier phones;
    private final IntSupplier consoles;
    private final IntSupplier viewers;
    private final TimerLeader leader;
    private final Duration stale;
    /** What the new leader runs at once (the daily retention sweep, which would otherwise wait a day). */
    private final Runnable onLead;
    private volatile boolean stopping;
    private volatile Instant lastBeat;

    NodeHeartbeat(Nodes nodes, Clock clock, LiveSessions sessions, IntSupplier phones, IntSupplier consoles,
                  IntSupplier viewers, TimerLeader leader, Duration stale, Runnable onLead) {
        this.leader = leader;
        this.stale = stale;
        this.onLead = onLead;
        this.nodes = nodes;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lastBeat = startedAt;
        this.sessions = sessions;
        this.phones = phones;
        this.consoles = consoles;
        this.viewers = viewers;
    }

    Node node() { return node; }

    /** The server listens: this is the node, and its first heartbeat is written. */
    void bound(Node listening) {
        this.node = listening;
        beat();
    }

    /**
     * One heartbeat: this node's row; the timer lock (taken if free); as the leader, the sessions of
     * dead nodes, whose grace deadlines then run here; then the sessions other nodes took away.
     */
    void beat() {
        lastBeat = clock.instant();
        Node node = this.node;
        if (node == null || !node.clustered()) {
            return;
        }
        nodes.beat(node, startedAt, lastBeat, stopping, phones.getAsInt(), consoles.getAsInt(), viewers.getAsInt());
        if (leader.refresh()) {
            onLead.run();
        }
        if (leader.leads() && !stopping) {
            sessions.adoptOrphans(lastBeat.minus(stale));
        }
        sessions.forgetTakenOver();
    }

    /** The node is handing its sessions over: its row says so at once. */
    void stopping() {
        stopping = true;
        beat();
    }

    boolean isStopping() { return stopping; }

    /** The node is gone: its row too, so its sessions count as orphans at once. */
    void stopped() {
        Node node = this.node;
        if (node != null && node.clustered()) {
            nodes.gone(node.id());
        }
    }

    /** Every node for {@code GET /api/v1/nodes}: the rows of the cluster, or this server alone. */
    List<NodeView> views() {
        Node node = this.node;
        if (node == null) {
            return List.of();
        }
        if (!node.clustered()) {
            return List.of(new NodeView(node.id(), node.address(), Views.iso(startedAt), Views.iso(lastBeat), stopping,
                    phones.getAsInt(), consoles.getAsInt(), viewers.getAsInt()));
        }
        return nodes.list().stream().map(n -> new NodeView(n.id(), n.address(), Views.iso(n.startedAt()),
                Views.iso(n.heartbeatAt()), n.stopping(), n.phones(), n.consoles(), n.viewers())).toList();
    }
}
