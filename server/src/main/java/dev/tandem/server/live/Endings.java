package dev.tandem.server.live;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.records.SystemNotices;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.surveys.Surveys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How live sessions end: by the technician, by the customer, or when the phone stays away past the
 * reconnection grace; and the heartbeat that notices a phone gone silent. Ending runs on the
 * session's loop; the grace timer only queues a task there. Thread-safe.
 */
final class Endings {
    private static final Logger LOG = LoggerFactory.getLogger(Endings.class);
    static final int HEARTBEAT_SLICES = 15;
    private final LiveSessions core;
    private final SessionStore sessions;
    private final Transcript transcript;
    private final AuditLog audit;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Duration grace;
    private final Duration heartbeat;
    /** Counts the heartbeat's runs: each run is one slice of the interval. */
    private final AtomicLong slices = new AtomicLong();
    /** Asks the customer how it went once a session is over; none until {@link #askAfterwards}. */
    private volatile Surveys surveys;

    Endings(LiveSessions core, SessionStore sessions, Transcript transcript, AuditLog audit, Clock clock,
            ScheduledExecutorService timers, Duration grace, Duration heartbeat) {
        this.core = core;
        this.sessions = sessions;
        this.transcript = transcript;
        this.audit = audit;
        this.clock = clock;
        this.timers = timers;
        this.grace = grace;
        this.heartbeat = heartbeat;
    }

    void askAfterwards(Surveys asked) {
        surveys = asked;
    }

    /**
     * The survey token for the customer of a session that is ending, when its portal asks one. A
     * failure to ask is logged and costs only the survey: the session still ends.
     */
    private Optional<String> surveyFor(LiveSession session) {
        Surveys asked = surveys;
        if (asked == null) {
            return Optional.empty();
        }
        try {
            return asked.ask(session.id, session.portalSlug);
        } catch (RuntimeException e) {
            LOG.warn("Session {}: the satisfaction survey could not be asked: {}", session.id, e.getMessage());
            return Optional.empty();
        }
    }

    /** Ends the session, on its loop. {@code byName}: the user who ended it, when one did. */
    void end(LiveSession session, String by, String byName, String actor, Phrase notice, String reason) {
        if (session.ended) {
            return;
        }
        transcript.systemLine(session, notice);
        session.ended = true;
        session.cancelGrace();
        sessions.end(session.id, by, byName, reason, clock.instant(), session.ownerEpoch);
        DeviceLink link = session.link;
        session.link = null;
        core.unregister(session);
        core.features().forEach(f -> f.sessionEnded(session, link));
        if (link != null) {
            // Only a customer still connected can be asked: the token travels in the end message.
            String survey = surveyFor(session).orElse(null);
            link.send(new ServerMessage.End(by, reason, survey));
            link.close(1000, "The session has ended.");
        }
        audit.record(actor, AuditAction.SESSION_ENDED, session.id, Phrase.of(switch (by) {
            case "technician" -> "audit.endedByTechnician";
            case "customer" -> "audit.endedByCustomer";
            default -> "audit.endedConnectionLost";
        }));
        core.publishSession(session.id);
        LOG.info("Session {} ended by {}", session.id, by);
    }

    void startGrace(LiveSession session) {
        session.cancelGrace();
        session.graceTimer = timers.schedule(() -> session.loop.execute(() -> endAfterGrace(session)),
                grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The grace is over: the session ends, or, while the database is away, tries again in a few seconds. */
    private void endAfterGrace(LiveSession session) {
        if (session.ended || session.link != null) {
            return; // the phone came back while this task waited
        }
        try {
            end(session, "server", null, AuditLog.SYSTEM, SystemNotices.endedConnectionLost(),
                    "The customer's phone did not reconnect in time.");
        } catch (RuntimeException e) {
            if (session.moved) {
                return; // another node took the session meanwhile: its grace is that node's
            }
            if (!Database.isUnavailable(e)) {
                LOG.error("Session {}: ending it after the grace period failed", session.id, e);
                return;
            }
            LOG.warn("Session {}: cannot end it while the database is away; trying again in 5 s", session.id);
            if (!session.ended && session.link == null && !core.stopping()) {
                session.graceTimer = timers.schedule(() -> session.loop.execute(() -> endAfterGrace(session)),
                        5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * One slice of the heartbeat, run {@value #HEARTBEAT_SLICES} times per heartbeat interval (see
     * {@link #heartbeatSlice()}): pings the devices of {@code live} whose turn it is, each once per
     * interval, and closes any that has been silent for three heartbeats. Pinging every device at once
     * sent 2,000 pings in one burst and got 2,000 pongs back together every 15 s: each time the chat of
     * every session waited behind them (bench load, 5 min: the chat's p99 per 10 s window rose to
     * 84-155 ms every 15 s, against 17-50 ms in between).
     */
    void heartbeat(Collection<LiveSession> live) {
        int slice = (int) Math.floorMod(slices.getAndIncrement(), (long) HEARTBEAT_SLICES);
        Instant deadline = clock.instant().minus(heartbeat.multipliedBy(3));
        for (LiveSession session : live) {
            DeviceLink link = session.link;
            if (link == null) {
                continue;
            }
            if (link.lastHeard().isBefore(deadline)) {
                link.close(TandemStatus.HEARTBEAT_TIMEOUT, TandemStatus.HEARTBEAT_TIMEOUT.message());
            } else if (Math.floorMod(session.id.hashCode(), HEARTBEAT_SLICES) == slice) {
                link.send(new ServerMessage.Ping());
            }
        }
    }

    /** How often {@link #heartbeat} runs: the heartbeat interval cut into {@value #HEARTBEAT_SLICES}. */
    Duration heartbeatSlice() {
        return Duration.ofNanos(Math.max(1_000_000, heartbeat.toNanos() / HEARTBEAT_SLICES));
    }
}
