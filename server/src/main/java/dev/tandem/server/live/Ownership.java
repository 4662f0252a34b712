package dev.tandem.server.live;

import dev.tandem.server.cluster.SessionOwners;
import dev.tandem.server.cluster.SessionOwners.Claim;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which live sessions this node holds, when it is one node of several on one PostgreSQL (issue 16):
 * what it takes at start, a session whose phone resumes here although another node (dead, stalled or
 * stopping) held it, the orphans of dead nodes that the timer leader adopts to run their grace, and
 * the sessions another node took away without this node noticing through a fenced write. Alone, the
 * node takes every active session at start, as before. Part of {@link LiveSessions}. Thread-safe.
 */
final class Ownership {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);
    private final LiveSessions core;
    private final SessionOwners owners;
    private final SessionStore sessions;
    private final MessageStore messages;

    Ownership(LiveSessions core, SessionOwners owners, SessionStore sessions, MessageStore messages) {
        this.core = core;
        this.owners = owners;
        this.sessions = sessions;
        this.messages = messages;
    }

    boolean clustered() {
        return owners.clustered();
    }

    /**
     * At start: alone, every active session waits for its phone; as a node, only this node's own
     * sessions and those of no node or of a node whose heartbeat is older than {@code staleBefore},
     * so a restarted node takes nothing another live node holds.
     */
    int restore(Instant staleBefore) {
        if (!owners.clustered()) {
            int restored = 0;
            for (SupportSession s : sessions.listActive()) {
                adopted(s, 0);
                restored++;
            }
            return restored;
        }
        return adopt(owners.orphansAndOwn(staleBefore));
    }

    /**
     * The timer leader's look: the sessions of dead nodes (and of none) wait for their phones here,
     * and end here at their grace deadline. Never this node's own, which may be joining right now.
     */
    int adoptOrphans(Instant staleBefore) {
        return adopt(owners.orphans(staleBefore));
    }

    private int adopt(java.util.List<Claim> claims) {
        int adopted = 0;
        for (Claim claim : claims) {
            if (core.live(claim.sessionId()) != null) {
                continue;
            }
            OptionalLong epoch = owners.adopt(claim);
            if (epoch.isEmpty()) {
                continue; // another node adopted it first, or it ended
            }
            sessions.find(claim.sessionId()).ifPresent(s -> adopted(s, epoch.getAsLong()));
            adopted++;
        }
        return adopted;
    }

    private void adopted(SupportSession s, long epoch) {
        LiveSession session = fromStore(s);
        session.ownerEpoch = epoch;
        if (core.registerIfAbsent(session) == session) {
            session.loop.run(() -> core.startGrace(session));
        }
    }

    /**
     * A phone resumes a session this node does not hold in memory: as a node, it is loaded from the
     * database (still active) and registered; alone, there is nothing to resume. The caller takes
     * ownership on the session's loop ({@link #take}).
     */
    LiveSession forResume(String sessionId) {
        if (!owners.clustered()) {
            return null;
        }
        return sessions.find(sessionId).filter(s -> s.status() == dev.tandem.server.domain.SessionStatus.ACTIVE)
                .map(s -> core.registerIfAbsent(fromStore(s))).orElse(null);
    }

    /**
     * On the session's loop, as its phone resumes here: this node owns it now, with a raised epoch,
     * and reads its transcript counters again (another node may have written since). False when the
     * session has ended meanwhile.
     */
    boolean take(LiveSession session) {
        if (!owners.clustered()) {
            return true;
        }
        OptionalLong epoch = owners.take(session.id);
        if (epoch.isEmpty()) {
            return false;
        }
        session.ownerEpoch = epoch.getAsLong();
        session.reload(messages.maxSeq(session.id), messages.maxCseq(session.id));
        return true;
    }

    /**
     * Sessions this node holds that another node has taken (a higher epoch, another owner, or
     * ended there), noticed without waiting for a fenced write: each is forgotten here.
     */
    void forgetTakenOver() {
        if (!owners.clustered()) {
            return;
        }
        Map<String, Long> owned = owners.owned();
        for (LiveSession session : core.all()) {
            Long epoch = owned.get(session.id);
            if (session.ownerEpoch > 0 && (epoch == null || epoch != session.ownerEpoch)) {
                // Checked again on the loop: a join or resume may have raised the epoch since the query.
                session.loop.execute(() -> {
                    if (session.ownerEpoch > 0 && !session.ended && !owners.stillOwns(session.id, session.ownerEpoch)) {
                        LOG.info("Session {}: another node owns it now; forgetting it here", session.id);
                        moved(session);
                    }
                });
            }
        }
    }

    /**
     * Another node took the session (this node's write was fenced, or the heartbeat check saw a
     * higher epoch): its phone and viewers are closed with 1012 so they reconnect — through the load
     * balancer, to the owner — and this node forgets it. Nothing is written. On the session's loop.
     */
    void moved(LiveSession session) {
        if (session.ended) {
            return;
        }
        session.ended = true;
        session.moved = true;
        session.cancelGrace();
        DeviceLink link = session.link;
        session.link = null;
        core.unregister(session);
        core.features().forEach(f -> f.sessionMoved(session, link));
        if (link != null) {
            link.close(LiveSessions.SERVICE_RESTART, "The session moved to another server; the app reconnects by itself.");
        }
        LOG.warn("Session {}: another node owns it now; its sockets here were closed", session.id);
    }

    /**
     * A node stopping (SIGTERM): every phone here is told to reconnect (1012), which through the load
     * balancer brings it to another node that takes the session over; this node waits, at most
     * {@code wait}, until each of those sessions has been taken (and forgotten here). Sessions without
     * a phone stay this node's; once its row is gone they are orphans that the timer leader adopts.
     * Returns how many handed-over sessions were not taken in time.
     */
    int handOver(java.time.Duration wait) {
        java.util.List<LiveSession> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (LiveSession session : core.all()) {
            session.loop.run(() -> {
                session.cancelGrace();
                DeviceLink link = session.link;
                if (link != null && !session.ended) {
                    handed.add(session);
                    link.close(LiveSessions.SERVICE_RESTART, "This server is stopping; the app reconnects by itself.");
                }
            });
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (handed.stream().anyMatch(s -> !s.ended) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            forgetTakenOver();
        }
        return (int) handed.stream().filter(s -> !s.ended).count();
    }

    /**
     * As a node of several: notes in the session's row whether its phone is connected here now, so
     * that the other nodes answer the session's {@code customerConnected} truly. On the session's loop.
     */
    void phoneConnected(LiveSession session, boolean connected) {
        if (owners.clustered() && session.ownerEpoch > 0) {
            try {
                sessions.phoneConnected(session.id, connected, session.ownerEpoch);
            } catch (RuntimeException e) {
                // Only what other nodes show is late; the phone's connection itself is not refused for it.
                LOG.warn("Session {}: could not note that its phone {}: {}", session.id,
                        connected ? "connected" : "dropped", e.getMessage());
            }
        }
    }

    /** Whether the phone of {@code stored} is connected to its owner, as seen from this node. */
    boolean phoneConnected(SupportSession stored) {
        LiveSession session = core.live(stored.id());
        if (session != null) {
            return session.connected();
        }
        return owners.clustered() && stored.isActive() && stored.phoneConnected();
    }

    /** A live session for a stored one, with what its customer allowed on the screen (stored when it changed). */
    private LiveSession fromStore(SupportSession s) {
        LiveSession session = core.newSession(s.id(), s.technicianId(), s.technicianName(), s.portal().language(),
                s.portal().slug(), s.customerName(), s.device(), s.capabilities(), messages.maxSeq(s.id()),
                messages.maxCseq(s.id()));
        session.screen.recall(sessions.screenGrant(s.id()));
        session.helpers = List.copyOf(sessions.team().helpers(s.id()));
        session.controlHolder = sessions.team().controlHolder(s.id()).orElse(0L);
        return session;
    }
}
