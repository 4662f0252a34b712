package dev.tandem.server.live;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.stream.StreamFrame;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.records.SessionAccess;
import dev.tandem.server.records.SystemNotices;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.cluster.SessionOwners;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.SessionStatus;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.CodeStore;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.surveys.Surveys;
import dev.tandem.server.view.SessionView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every active session and its device connection. This is where a customer joins with a code, a
 * dropped device comes back, a session ends, and the phone's frames reach the {@link Transcript}
 * and the {@link SessionFeature}s plugged in at start-up.
 *
 * <p>Thread-safe. Each session's state is owned by its {@link SessionLoop}: every change runs
 * there, one task at a time, with database writes in the task and no lock held; callers that need
 * an answer (a REST request, a phone's frame) wait for their task, which keeps the phone's frames in
 * order and its socket's backpressure.
 */
public final class LiveSessions {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);
    private final SessionStore sessions;
    private final MessageStore messages;
    private final Events events;
    private final Arrivals arrivals;
    private final Ownership ownership;
    private final Transcript transcript;
    private final Endings endings;
    private final Duration grace;
    private final Map<String, LiveSession> live = new ConcurrentHashMap<>();
    private final List<SessionFeature> features = new CopyOnWriteArrayList<>();
    private final AuditLog audit;
    private final SessionAccess access;
    /** The threads the sessions' loops borrow; a loop holds one only while it has tasks. */
    private final ExecutorService loops = SessionLoop.threads();
    private volatile boolean stopping;
    /** WebSocket close code 1012 (service restart): the agent reconnects and resumes (docs/protocol.md). */
    static final int SERVICE_RESTART = 1012;

    public LiveSessions(SessionStore sessions, MessageStore messages, CodeStore codeStore, SessionCodes codes,
                        Events events, Clock clock, ScheduledExecutorService timers, Duration grace,
                        Duration heartbeat, AuditLog audit, SessionOwners owners) {
        this.sessions = sessions;
        this.messages = messages;
        this.events = events;
        this.transcript = new Transcript(messages, events, clock, this::moved);
        this.ownership = new Ownership(this, owners, sessions, messages);
        this.arrivals = new Arrivals(this, sessions, codeStore, codes, transcript, audit, clock, heartbeat, owners,
                ownership);
        this.grace = grace;
        this.audit = audit;
        this.access = new SessionAccess(sessions);
        this.endings = new Endings(this, sessions, transcript, audit, clock, timers, grace, heartbeat);
    }

    /** Plugs the session features in (once, at start-up, before any device connects). */
    public void plug(SessionFeature... plugged) {
        features.addAll(List.of(plugged));
    }

    /** Plugs the satisfaction survey in (once, at start-up): asked where the session's portal says so. */
    public void askAfterwards(Surveys asked) {
        endings.askAfterwards(asked);
    }

    /** The feature of type {@code type} plugged in at start-up. */
    public <T extends SessionFeature> T feature(Class<T> type) {
        return features.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " is not plugged in."));
    }

    /**
     * After a restart: every session still active waits for its device to resume. As a node of a
     * cluster, only the sessions no live node holds: its own, those of no node, and those of nodes
     * whose heartbeat is older than {@code staleBefore} (docs/deployment.md).
     */
    public void restore(Instant staleBefore) {
        int restored = ownership.restore(staleBefore);
        if (restored > 0) {
            LOG.info("Restored {} active sessions; waiting for their devices to reconnect", restored);
        }
    }

    /** As a node: sessions of dead nodes wait for their phones here (their grace runs here). */
    public int adoptOrphans(Instant staleBefore) {
        return ownership.adoptOrphans(staleBefore);
    }

    /** As a node: forgets the sessions another node has taken since (checked with each node heartbeat). */
    public void forgetTakenOver() {
        ownership.forgetTakenOver();
    }

    // ---- device side -------------------------------------------------------------------------

    /** A device's hello: join with a code or resume with a token. */
    public void hello(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        if (stopping) {
            throw new ProtocolException(TandemStatus.SERVER_UNAVAILABLE,
                    "This server is stopping; the app reconnects to another one by itself.");
        }
        arrivals.hello(link, hello);
    }

    /** See {@link Arrivals#openForRequest}. */
    public Optional<String> openForRequest(User technician, Portal portal, String customerName, DeviceInfo device,
                                           Capabilities capabilities, String resumeTokenHash,
                                           BiPredicate<Handle, String> claim, Phrase firstLine) {
        return arrivals.openForRequest(technician, portal, customerName, device, capabilities, resumeTokenHash,
                claim, firstLine);
    }

    /** A frame from a device that has completed its handshake; handled on its session's loop. */
    public void received(DeviceLink link, AgentMessage message) throws ProtocolException {
        LiveSession session = link.session();
        if (message instanceof AgentMessage.Hello) {
            throw new ProtocolException(TandemStatus.MALFORMED, "The handshake is already done.");
        }
        if (message instanceof AgentMessage.Ping) {
            link.send(new ServerMessage.Pong());
            return;
        }
        if (message instanceof AgentMessage.Pong || message instanceof AgentMessage.Ack) {
            return;
        }
        try {
            session.loop.run(() -> handle(session, link, message));
        } catch (RuntimeException e) {
            if (!session.moved) {
                throw e;
            }
            // Another node took the session: this connection was closed to reconnect there.
        }
    }

    private void handle(LiveSession session, DeviceLink link, AgentMessage message) {
        if (message instanceof AgentMessage.Chat chat) {
            transcript.customerChat(session, link, chat);
        } else if (message instanceof AgentMessage.Leave) {
            audit.record(AuditLog.customer(session.customerName), AuditAction.CUSTOMER_LEFT, session.id,
                    Phrase.of("audit.customerLeft"));
            endings.end(session, "customer", null, AuditLog.customer(session.customerName),
                    SystemNotices.left(session.customerName), null);
        } else if (message instanceof AgentMessage.CapabilitiesUpdate update) {
            if (update.capabilities != null) {
                session.capabilities = update.capabilities;
                sessions.updateCapabilities(session.id, update.capabilities);
                publishSession(session.id);
            }
        } else if (session.ended || session.link != link) {
            // A frame from a replaced or ended connection changes nothing.
            return;
        } else if (message instanceof AgentMessage.Answer answer) {
            Prompts.Open prompt = session.prompts.answered(answer.id);
            if (prompt == null) {
                LOG.debug("Session {}: answer to unknown prompt {} ignored", session.id, answer.id);
            } else {
                prompt.feature().answered(session, prompt.prompt(), answer.granted);
            }
        } else {
            for (SessionFeature feature : features) {
                if (feature.received(session, link, message)) {
                    return;
                }
            }
        }
    }

    /** The device's socket closed. Unless the session is over, it waits for the device to resume. */
    public void closed(DeviceLink link) {
        LiveSession session = link.session();
        if (session == null || stopping) {
            return;
        }
        boolean dropped = session.loop.call(() -> {
            if (session.link != link || session.ended) {
                return false;
            }
            session.link = null;
            features.forEach(f -> f.deviceLost(session, link));
            startGrace(session);
            ownership.phoneConnected(session, false);
            return true;
        });
        if (dropped) {
            audit.record(AuditLog.customer(session.customerName), AuditAction.CUSTOMER_DROPPED, session.id,
                    Phrase.of("audit.customerDropped", "seconds", String.valueOf(grace.toSeconds())));
            publishSession(session.id);
        }
    }

    /**
     * A binary frame from a device: bytes of one of its screen streams, relayed without the loop. The
     * frame's buffer is lent: {@code done} runs exactly once when nothing needs the bytes any more,
     * right away when no feature takes them (also when this throws).
     */
    public void received(DeviceLink link, StreamFrame frame, Runnable done) throws ProtocolException {
        LiveSession session = link.session();
        boolean taken = false;
        try {
            if (session == null) {
                throw new ProtocolException(TandemStatus.MALFORMED, "The first frame must be a hello.");
            }
            if (session.link == link) {
                for (SessionFeature feature : features) {
                    if (feature.streamBytes(session, frame, done)) {
                        taken = true;
                        break;
                    }
                }
            }
        } finally {
            if (!taken) {
                done.run();
            }
        }
    }

    void register(LiveSession session) {
        live.put(session.id, session);
    }

    /** Registers {@code session} unless one with its id is live already; returns the live one. */
    LiveSession registerIfAbsent(LiveSession session) {
        LiveSession earlier = live.putIfAbsent(session.id, session);
        return earlier == null ? session : earlier;
    }

    /** See {@link Ownership#moved}. On the session's loop. */
    void moved(LiveSession session) {
        ownership.moved(session);
    }

    /** Drops a session this node no longer holds (it moved to another node). */
    /** True once the server or node is stopping: no grace ends a session any more. */
    boolean stopping() {
        return stopping;
    }

    void unregister(LiveSession session) {
        live.remove(session.id, session);
    }

    List<SessionFeature> features() {
        return features;
    }

    /** The phone's connection is the session's again: open prompts go out, then each feature hears of it. */
    void attached(LiveSession session) {
        session.prompts.resend(session);
        features.forEach(f -> f.deviceAttached(session));
        ownership.phoneConnected(session, true);
    }

    /** The phone is gone: the session ends unless it comes back within the grace period. On its loop. */
    void startGrace(LiveSession session) {
        endings.startGrace(session);
    }

    /** Run every {@link #heartbeatSlice()}: pings the devices whose turn it is, closes silent ones. */
    public void heartbeat() {
        endings.heartbeat(live.values());
    }

    /** How often {@link #heartbeat()} must run: a slice of the heartbeat interval. */
    public Duration heartbeatSlice() {
        return endings.heartbeatSlice();
    }

    // ---- technician side ---------------------------------------------------------------------

    public SupportSession visible(User user, String sessionId) {
        return access.visible(user, sessionId);
    }

    public List<SupportSession> list(User user, Optional<SessionStatus> status) {
        return sessions.list(user.isAdmin() ? Optional.empty() : Optional.of(user.id()), status, 500);
    }

    public List<TranscriptEntry> transcript(User user, String sessionId) {
        visible(user, sessionId);
        return messages.listAfter(sessionId, 0);
    }

    public TranscriptEntry postTechnicianMessage(User user, String sessionId, String text) {
        return postTechnicianMessage(user, sessionId, text, Optional.empty());
    }

    /**
     * A technician's message; with an idempotency {@code key} it is stored once however often the
     * call is retried (the stored entry is answered again).
     */
    public TranscriptEntry postTechnicianMessage(User user, String sessionId, String text, Optional<String> key) {
        LiveSession session = liveFor(user, sessionId);
        if (text == null || text.isBlank()) {
            throw Rejection.of(ErrorCode.EMPTY_MESSAGE, "Write a message before sending it.");
        }
        if (Limits.characters(text) > Limits.MAX_CHAT_CHARS) {
            throw Rejection.of(ErrorCode.MESSAGE_TOO_LONG, "A message can have at most "
                    + Limits.MAX_CHAT_CHARS + " characters; this one has " + Limits.characters(text) + ". Split it up.");
        }
        return session.loop.call(() -> {
            if (session.ended) {
                throw Rejection.of(TandemStatus.SESSION_ENDED);
            }
            return key.isPresent() ? transcript.appendOnce(session, key.get(), user.displayName(), text)
                    : transcript.append(session, Sender.TECHNICIAN, user.displayName(), text, null, null);
        });
    }

    /** The live session {@code id}, or null when it is not active. */
    LiveSession live(String sessionId) {
        return live.get(sessionId);
    }

    Collection<LiveSession> all() {
        return live.values();
    }

    /** Adds a system line to the transcript, stored as its phrase and worded for each reader; on the session's loop. */
    void systemLine(LiveSession session, Phrase event) {
        transcript.systemLine(session, event);
    }

    /** Adds a system line to a session's transcript if it is still going on (e.g. log files were mailed). */
    public void noteIfLive(String sessionId, Phrase event) {
        LiveSession session = live.get(sessionId);
        if (session != null) {
            session.loop.run(() -> {
                if (!session.ended) {
                    transcript.systemLine(session, event);
                }
            });
        }
    }

    /** The live session if the user may act on it; the stored one decides between 404 and 410. */
    LiveSession liveFor(User user, String sessionId) {
        LiveSession session = live.get(sessionId);
        if (session != null && (user.isAdmin() || session.onTeam(user.id()))) {
            return session;
        }
        visible(user, sessionId);
        throw Rejection.of(TandemStatus.SESSION_ENDED);
    }

    public void endByTechnician(User user, String sessionId) {
        LiveSession session = liveFor(user, sessionId);
        session.loop.run(() -> endings.end(session, "technician", user.displayName(), user.username(),
                SystemNotices.endedByTechnician(user.displayName()), null));
    }

    public boolean isConnected(String sessionId) {
        LiveSession session = live.get(sessionId);
        return session != null && session.connected();
    }

    /** The session as the API shows it; as a node of several, a phone on another node counts as connected. */
    public SessionView view(SupportSession session) {
        return SessionView.of(session, ownership.phoneConnected(session));
    }

    /** The helpers of a session live on this node (issue 18.2); none when it is not live here. */
    public List<Long> helpersOf(String sessionId) {
        LiveSession session = live.get(sessionId);
        return session == null ? List.of() : session.helpers;
    }

    public int activeCount() {
        return live.size();
    }

    /**
     * As a node that stops (SIGTERM): new phones are refused (4503, they try again and land on another
     * node), connected ones are told to reconnect (1012) and resume on another node, which takes
     * their sessions; returns once they are taken or after {@code wait} (docs/deployment.md).
     */
    public void handOver(Duration wait) {
        stopping = true;
        int left = ownership.handOver(wait);
        if (left > 0) {
            LOG.warn("{} sessions were not taken over by another node in {} s; they resume there later", left,
                    wait.toSeconds());
        }
    }

    /** The server is stopping: devices are told to come back (1001) and will resume after a restart. */
    public void shutdown() {
        stopping = true;
        for (LiveSession session : live.values()) {
            session.loop.run(() -> {
                session.cancelGrace();
                if (session.link != null) {
                    session.link.close(1001, "The server is restarting; the app reconnects by itself.");
                }
            });
        }
    }

    // ---- shared ------------------------------------------------------------------------------

    LiveSession newSession(String id, long technicianId, String technicianName, String language,
                                   String portalSlug, String customerName, DeviceInfo device,
                                   Capabilities capabilities, long lastSeq, long lastCseq) {
        return new LiveSession(id, technicianId, technicianName, language, portalSlug, customerName, device,
                capabilities, lastSeq, lastCseq, loops);
    }

    void publishSession(String sessionId) {
        sessions.find(sessionId).ifPresent(s -> events.sessionChanged(s.technicianId(), view(s)));
    }
}
