package dev.tandem.server.live;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.domain.CodeStatus;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.domain.Portal;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.SessionStatus;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.CodeStore;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.protocol.stream.StreamFrame;
import java.util.Collection;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.view.SessionView;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.Views;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every active session and its device connection. This is where a customer joins with a code, a
 * dropped device comes back, each transcript entry gets its {@code seq}, and a session ends.
 *
 * <p>Thread-safe. Each session's state is guarded by its {@link LiveSession} monitor; storing an
 * entry and queueing it to the device happen under that monitor, so the device, the consoles and
 * the database see one order.
 */
public final class LiveSessions {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);
    private static final Catalogue CATALOGUE = Catalogue.standard();
    private final SessionStore sessions;
    private final MessageStore messages;
    private final CodeStore codeStore;
    private final SessionCodes codes;
    private final ConsoleHub consoles;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Duration grace;
    private final Duration heartbeat;
    private final Map<String, LiveSession> live = new ConcurrentHashMap<>();
    private final ScreenSharing screens;
    private final SessionDiagnostics diagnostics;
    private final AuditLog audit;
    private volatile boolean stopping;

    public LiveSessions(SessionStore sessions, MessageStore messages, CodeStore codeStore, SessionCodes codes,
                        PortalStore portals, DiagnosticsStore diagnosticsStore, LogVault vault, MailOutbox mail,
                        ConsoleHub consoles, Clock clock, ScheduledExecutorService timers,
                        Duration grace, Duration heartbeat, AuditLog audit) {
        this.sessions = sessions;
        this.messages = messages;
        this.codeStore = codeStore;
        this.codes = codes;
        this.consoles = consoles;
        this.clock = clock;
        this.timers = timers;
        this.grace = grace;
        this.heartbeat = heartbeat;
        this.audit = audit;
        this.screens = new ScreenSharing(this, portals, consoles, audit);
        this.diagnostics = new SessionDiagnostics(this, portals, diagnosticsStore, vault, mail, consoles, clock, audit);
    }

    /** Remote Diagnostics and log files of these sessions. */
    public SessionDiagnostics diagnostics() {
        return diagnostics;
    }

    /** Screen sharing and remote control of these sessions. */
    public ScreenSharing screens() {
        return screens;
    }

    /** After a restart: every session still active waits for its device to resume. */
    public void restore() {
        for (SupportSession s : sessions.listActive()) {
            LiveSession session = new LiveSession(s.id(), s.technicianId(), s.technicianName(), s.portal().language(),
                    s.portal().slug(), s.customerName(), s.device(), s.capabilities(), messages.maxSeq(s.id()),
                    messages.maxCseq(s.id()));
            live.put(s.id(), session);
            synchronized (session) {
                startGrace(session);
            }
        }
        if (!live.isEmpty()) {
            LOG.info("Restored {} active sessions; waiting for their devices to reconnect", live.size());
        }
    }

    // ---- device side -------------------------------------------------------------------------

    /** A device's hello: join with a code or resume with a token. */
    void hello(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        if (hello.version != Limits.PROTOCOL_VERSION) {
            throw new ProtocolException(TandemStatus.UNSUPPORTED_VERSION, "This app speaks protocol version "
                    + hello.version + "; the server speaks " + Limits.PROTOCOL_VERSION + ". Update the app.");
        }
        if (hello.resume != null) {
            resume(link, hello);
        } else if (hello.code != null) {
            join(link, hello);
        } else {
            throw new ProtocolException(TandemStatus.MALFORMED, "The hello has neither a code nor a resume token.");
        }
    }

    private void join(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        String name = hello.customerName == null ? "" : hello.customerName.strip();
        if (name.isEmpty() || Limits.characters(name) > Limits.MAX_NAME_CHARS) {
            throw new ProtocolException(TandemStatus.MALFORMED,
                    "Type your name (1 to " + Limits.MAX_NAME_CHARS + " characters) to join.");
        }
        if (hello.device == null || hello.capabilities == null) {
            throw new ProtocolException(TandemStatus.MALFORMED, "The hello must describe the device and its capabilities.");
        }
        IssuedCode code = codes.redeemable(hello.code, link.address());
        String id = Secrets.id("s");
        String resumeToken = Secrets.token(32);
        Instant now = clock.instant();
        boolean won = sessions.jdbi().inTransaction(h -> {
            if (!codeStore.finish(h, code.id(), CodeStatus.JOINED, id)) {
                return false;
            }
            sessions.insert(h, id, code.id(), code.technicianId(), code.portal().id(), name, hello.device,
                    hello.capabilities, Secrets.sha256(resumeToken), now);
            return true;
        });
        if (!won) {
            throw new ProtocolException(TandemStatus.CODE_USED);
        }
        // The welcome hands out a resume token: the session behind it must survive any crash.
        sessions.awaitDurable();
        LiveSession session = new LiveSession(id, code.technicianId(), code.technicianName(), code.portal().language(),
                code.portal().slug(), name, hello.device, hello.capabilities, 0, 0);
        live.put(id, session);
        synchronized (session) {
            session.customerSpeaks(hello.language);
            attach(session, link, resumeToken);
            systemLine(session, SystemNotices.joined(name, hello.device));
        }
        codes.findById(code.id()).ifPresent(codes::publish);
        audit.record(AuditLog.customer(name), AuditAction.CUSTOMER_JOINED, id, Phrase.of("audit.customerJoined",
                "code", code.code(), "technician", code.technicianName(), "portal", code.portal().slug(),
                "address", link.address().text(), "phone", hello.device.manufacturer + " " + hello.device.model
                        + ", Android " + hello.device.androidVersion));
        publishSession(session.id);
        LOG.info("Session {} started: customer joined with a code of technician {}", id, code.technicianId());
    }

    /**
     * Opens a chat-only session for a customer's portal request, owned by {@code technician}. The
     * session row is written in one transaction with {@code claim} (the request's conditional
     * update, given the new session's id); when {@code claim} answers false nothing is written and the answer is empty. The
     * customer has no connection yet: they resume with the request's token, whose hash is
     * {@code resumeTokenHash}, within the reconnection grace, or the session ends.
     */
    public Optional<String> openForRequest(User technician, Portal portal, String customerName, DeviceInfo device,
                                           Capabilities capabilities, String resumeTokenHash,
                                           java.util.function.BiPredicate<org.jdbi.v3.core.Handle, String> claim,
                                           Phrase firstLine) {
        String id = Secrets.id("s");
        Instant now = clock.instant();
        boolean won = sessions.jdbi().inTransaction(h -> {
            if (!claim.test(h, id)) {
                return false;
            }
            sessions.insert(h, id, null, technician.id(), portal.id(), customerName, device, capabilities,
                    resumeTokenHash, now);
            return true;
        });
        if (!won) {
            return Optional.empty();
        }
        LiveSession session = new LiveSession(id, technician.id(), technician.displayName(), portal.language(),
                portal.slug(), customerName, device, capabilities, 0, 0);
        live.put(id, session);
        synchronized (session) {
            systemLine(session, firstLine);
            startGrace(session);
        }
        publishSession(id);
        LOG.info("Session {} started: technician {} took a chat request", id, technician.id());
        return Optional.of(id);
    }

    private void resume(DeviceLink link, AgentMessage.Hello hello) throws ProtocolException {
        LiveSession session = live.get(hello.resume.session);
        String storedHash = hello.resume.session == null ? null
                : sessions.resumeTokenHash(hello.resume.session).orElse(null);
        boolean tokenMatches = storedHash != null && hello.resume.token != null && MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII),
                Secrets.sha256(hello.resume.token).getBytes(StandardCharsets.US_ASCII));
        if (!tokenMatches) {
            throw new ProtocolException(TandemStatus.RESUME_REJECTED);
        }
        if (session == null) {
            throw new ProtocolException(TandemStatus.SESSION_ENDED);
        }
        synchronized (session) {
            if (session.ended) {
                throw new ProtocolException(TandemStatus.SESSION_ENDED);
            }
            if (session.link != null && session.link != link) {
                session.link.close(TandemStatus.REPLACED, TandemStatus.REPLACED.message());
            }
            session.cancelGrace();
            session.customerSpeaks(hello.language);
            attach(session, link, null);
            for (TranscriptEntry entry : messages.listAfter(session.id, Math.max(0, hello.lastSeq))) {
                link.send(chat(entry, session.customerLanguage));
            }
        }
        audit.record(AuditLog.customer(session.customerName), AuditAction.CUSTOMER_RECONNECTED, session.id,
                Phrase.of("audit.customerReconnected", "address", link.address().text()));
        publishSession(session.id);
        LOG.info("Session {}: device resumed", session.id);
    }

    private void attach(LiveSession session, DeviceLink link, String resumeToken) {
        session.link = link;
        link.joined(session);
        link.send(new ServerMessage.Welcome(Limits.PROTOCOL_VERSION, session.id, resumeToken, session.technicianName,
                session.portalSlug, session.customerLanguage.tag(), (int) heartbeat.toSeconds(), session.lastCseq));
        screens.deviceAttached(session);
        diagnostics.deviceAttached(session);
    }

    /** A frame from a device that has completed its handshake. */
    void received(DeviceLink link, AgentMessage message) throws ProtocolException {
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
        if (message instanceof AgentMessage.Chat chat) {
            customerChat(session, link, chat);
        } else if (message instanceof AgentMessage.Leave) {
            audit.record(AuditLog.customer(session.customerName), AuditAction.CUSTOMER_LEFT, session.id,
                    Phrase.of("audit.customerLeft"));
            end(session, "customer", null, AuditLog.customer(session.customerName),
                    SystemNotices.left(session.customerName), null);
        } else if (message instanceof AgentMessage.Answer answer) {
            whileCurrent(session, link, () -> {
                if (!screens.answered(session, answer) && !diagnostics.answered(session, answer)) {
                    LOG.debug("Session {}: answer to unknown prompt {} ignored", session.id, answer.id);
                }
            });
        } else if (message instanceof AgentMessage.Sharing sharing) {
            whileCurrent(session, link, () -> screens.sharing(session, sharing));
        } else if (message instanceof AgentMessage.ScreenClosed closed) {
            whileCurrent(session, link, () -> screens.screenClosed(session, closed));
        } else if (message instanceof AgentMessage.Diagnostics report) {
            whileCurrent(session, link, () -> diagnostics.report(session, report));
        } else if (message instanceof AgentMessage.LogFile file) {
            whileCurrent(session, link, () -> diagnostics.logFile(session, link, file));
        } else if (message instanceof AgentMessage.LogChunk chunk) {
            whileCurrent(session, link, () -> diagnostics.logChunk(session, link, chunk));
        } else if (message instanceof AgentMessage.LogEnd end) {
            whileCurrent(session, link, () -> diagnostics.logEnd(session, link, end));
        } else if (message instanceof AgentMessage.LogsDone done) {
            whileCurrent(session, link, () -> diagnostics.logsDone(session, done));
        } else if (message instanceof AgentMessage.CapabilitiesUpdate update && update.capabilities != null) {
            synchronized (session) {
                session.capabilities = update.capabilities;
                sessions.updateCapabilities(session.id, update.capabilities);
            }
            publishSession(session.id);
        }
    }

    /**
     * Runs {@code work} under the session's monitor if the session is going on and {@code link} is
     * still its device's connection; a frame from a replaced or ended connection changes nothing.
     */
    private static void whileCurrent(LiveSession session, DeviceLink link, Runnable work) {
        synchronized (session) {
            if (!session.ended && session.link == link) {
                work.run();
            }
        }
    }

    private void customerChat(LiveSession session, DeviceLink link, AgentMessage.Chat chat) {
        synchronized (session) {
            if (session.ended || session.link != link) {
                return;
            }
            trustCounters(session);
            if (chat.cseq <= session.lastCseq) {
                Optional<Long> stored = messages.seqOfCustomerMessage(session.id, chat.cseq);
                if (stored.isPresent()) {
                    link.send(new ServerMessage.ChatAck(chat.cseq, stored.get(), null));
                    return;
                }
                // Never stored (it was refused, or skipped): judge it like a new message.
            }
            String problem = chatProblem(chat.text);
            if (problem != null) {
                String code = chat.text == null || chat.text.isBlank() ? "empty_message" : "message_too_long";
                link.send(new ServerMessage.ChatAck(chat.cseq, null, new ServerMessage.AckError(code, problem)));
                return;
            }
            TranscriptEntry entry = append(session, Sender.CUSTOMER, session.customerName, chat.text, chat.cseq);
            session.lastCseq = Math.max(session.lastCseq, chat.cseq);
            link.send(new ServerMessage.ChatAck(chat.cseq, entry.seq(), null));
        }
    }

    /** The device's socket closed. Unless the session is over, it waits for the device to resume. */
    void closed(DeviceLink link) {
        LiveSession session = link.session();
        if (session == null || stopping) {
            return;
        }
        synchronized (session) {
            if (session.link != link || session.ended) {
                return;
            }
            session.link = null;
            screens.deviceLost(session);
            diagnostics.deviceLost(session, link);
            startGrace(session);
        }
        audit.record(AuditLog.customer(session.customerName), AuditAction.CUSTOMER_DROPPED, session.id,
                Phrase.of("audit.customerDropped", "seconds", String.valueOf(grace.toSeconds())));
        publishSession(session.id);
    }

    /** A binary frame from a device: bytes of one of its screen streams. */
    void received(DeviceLink link, StreamFrame frame) throws ProtocolException {
        LiveSession session = link.session();
        if (session == null) {
            throw new ProtocolException(TandemStatus.MALFORMED, "The first frame must be a hello.");
        }
        if (session.link == link) {
            screens.deviceBytes(session, frame);
        }
    }

    private void startGrace(LiveSession session) {
        session.cancelGrace();
        session.graceTimer = timers.schedule(() -> endAfterGrace(session), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The grace is over: the session ends, or, while the database is away, tries again in a few seconds. */
    private void endAfterGrace(LiveSession session) {
        try {
            end(session, "server", null, AuditLog.SYSTEM, SystemNotices.endedConnectionLost(),
                    "The customer's phone did not reconnect in time.");
        } catch (RuntimeException e) {
            if (!Database.isUnavailable(e)) {
                LOG.error("Session {}: ending it after the grace period failed", session.id, e);
                return;
            }
            LOG.warn("Session {}: cannot end it while the database is away; trying again in 5 s", session.id);
            synchronized (session) {
                if (!session.ended && session.link == null && !stopping) {
                    session.graceTimer = timers.schedule(() -> endAfterGrace(session), 5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Pings every device and closes the ones that have been silent for three heartbeats. */
    public void heartbeat() {
        Instant deadline = clock.instant().minus(heartbeat.multipliedBy(3));
        for (LiveSession session : live.values()) {
            DeviceLink link;
            synchronized (session) {
                link = session.link;
            }
            if (link == null) {
                continue;
            }
            if (link.lastHeard().isBefore(deadline)) {
                link.close(TandemStatus.HEARTBEAT_TIMEOUT, TandemStatus.HEARTBEAT_TIMEOUT.message());
            } else {
                link.send(new ServerMessage.Ping());
            }
        }
    }

    // ---- technician side ---------------------------------------------------------------------

    public SupportSession visible(User user, String sessionId) {
        return sessions.find(sessionId).filter(s -> user.isAdmin() || s.technicianId() == user.id())
                .orElseThrow(() -> Rejection.notFound("There is no session " + sessionId + " of yours."));
    }

    public List<SupportSession> list(User user, Optional<SessionStatus> status) {
        return sessions.list(user.isAdmin() ? Optional.empty() : Optional.of(user.id()), status, 500);
    }

    public List<TranscriptEntry> transcript(User user, String sessionId) {
        visible(user, sessionId);
        return messages.listAfter(sessionId, 0);
    }

    public TranscriptEntry postTechnicianMessage(User user, String sessionId, String text) {
        LiveSession session = liveAndVisible(user, sessionId);
        if (text == null || text.isBlank()) {
            throw Rejection.of(ErrorCode.EMPTY_MESSAGE, "Write a message before sending it.");
        }
        if (Limits.characters(text) > Limits.MAX_CHAT_CHARS) {
            throw Rejection.of(ErrorCode.MESSAGE_TOO_LONG, "A message can have at most "
                    + Limits.MAX_CHAT_CHARS + " characters; this one has " + Limits.characters(text) + ". Split it up.");
        }
        synchronized (session) {
            if (session.ended) {
                throw Rejection.of(TandemStatus.SESSION_ENDED);
            }
            return append(session, Sender.TECHNICIAN, user.displayName(), text, null);
        }
    }

    /** The live session if the user may act on it; the stored one decides between 404 and 410. */
    LiveSession liveFor(User user, String sessionId) {
        return liveAndVisible(user, sessionId);
    }

    /** The live session {@code id}, or null when it is not active. */
    LiveSession live(String sessionId) {
        return live.get(sessionId);
    }

    Collection<LiveSession> all() {
        return live.values();
    }

    /**
     * Adds a system line to the transcript, stored as its phrase and worded for each reader; call with
     * the session's monitor held.
     */
    void systemLine(LiveSession session, Phrase event) {
        append(session, Sender.SYSTEM, "Tandem", CATALOGUE.word(Language.EN, event), event, null);
    }

    private LiveSession liveAndVisible(User user, String sessionId) {
        LiveSession session = live.get(sessionId);
        if (session != null && (user.isAdmin() || session.technicianId == user.id())) {
            return session;
        }
        visible(user, sessionId);
        throw Rejection.of(TandemStatus.SESSION_ENDED);
    }

    public void endByTechnician(User user, String sessionId) {
        LiveSession session = liveAndVisible(user, sessionId);
        end(session, "technician", user.displayName(), user.username(),
                SystemNotices.endedByTechnician(user.displayName()), null);
    }

    public boolean isConnected(String sessionId) {
        LiveSession session = live.get(sessionId);
        if (session == null) {
            return false;
        }
        synchronized (session) {
            return session.connected();
        }
    }

    public SessionView view(SupportSession session) {
        return SessionView.of(session, isConnected(session.id()));
    }

    public int activeCount() {
        return live.size();
    }

    /** The server is stopping: devices are told to come back (1001) and will resume after a restart. */
    public void shutdown() {
        stopping = true;
        for (LiveSession session : live.values()) {
            synchronized (session) {
                session.cancelGrace();
                if (session.link != null) {
                    session.link.close(1001, "The server is restarting; the app reconnects by itself.");
                }
            }
        }
    }

    // ---- shared ------------------------------------------------------------------------------

    /** {@code byName}: the user who ended it, when one did. */
    private void end(LiveSession session, String by, String byName, String actor, Phrase notice, String reason) {
        DeviceLink link;
        synchronized (session) {
            if (session.ended) {
                return;
            }
            systemLine(session, notice);
            session.ended = true;
            session.cancelGrace();
            sessions.end(session.id, by, byName, reason, clock.instant());
            link = session.link;
            session.link = null;
            live.remove(session.id);
            screens.sessionEnded(session);
            diagnostics.sessionEnded(session);
            if (link != null) {
                link.send(new ServerMessage.End(by, reason));
                link.close(1000, "The session has ended.");
            }
        }
        audit.record(actor, AuditAction.SESSION_ENDED, session.id, Phrase.of(switch (by) {
            case "technician" -> "audit.endedByTechnician";
            case "customer" -> "audit.endedByCustomer";
            default -> "audit.endedConnectionLost";
        }));
        publishSession(session.id);
        LOG.info("Session {} ended by {}", session.id, by);
    }

    /**
     * Gives the entry the session's next {@code seq}, stores it and waits until it is on disk, then
     * sends it to the device and the consoles: nothing is shown or acknowledged that a crash could
     * take back. Call with the session's monitor held.
     */
    private TranscriptEntry append(LiveSession session, Sender sender, String name, String text, Long cseq) {
        return append(session, sender, name, text, null, cseq);
    }

    private TranscriptEntry append(LiveSession session, Sender sender, String name, String text, Phrase event,
                                   Long cseq) {
        trustCounters(session);
        TranscriptEntry entry = session.nextEntry(sender, name, text, clock.instant(), event);
        try {
            messages.appendDurably(entry, cseq);
        } catch (RuntimeException e) {
            session.countersInDoubt = true;
            throw e;
        }
        if (session.link != null) {
            session.link.send(chat(entry, session.customerLanguage));
        }
        consoles.messageAdded(session.technicianId, session.id, MessageView.of(entry, Language.EN));
        return entry;
    }

    /** After a failed write: the session's numbers as the store has them. */
    private void trustCounters(LiveSession session) {
        if (session.countersInDoubt) {
            session.reload(messages.maxSeq(session.id), messages.maxCseq(session.id));
        }
    }

    private void publishSession(String sessionId) {
        sessions.find(sessionId).ifPresent(s -> consoles.sessionChanged(s.technicianId(), view(s)));
    }

    /**
     * A transcript entry as the customer's device gets it: a system line in the customer's version of
     * its phrase (nothing internal), worded in {@code language}, with the key and parameters for clients
     * that word it themselves.
     */
    private static ServerMessage.Chat chat(TranscriptEntry entry, Language language) {
        if (entry.event() == null) {
            return new ServerMessage.Chat(entry.seq(), entry.sender().wireName(), entry.name(), entry.text(),
                    Views.iso(entry.at()));
        }
        Phrase shown = CATALOGUE.forCustomer(entry.event());
        return new ServerMessage.Chat(entry.seq(), entry.sender().wireName(), entry.name(),
                CATALOGUE.word(language, shown), Views.iso(entry.at()), shown.key(), shown.params());
    }

    private static String chatProblem(String text) {
        if (text == null || text.isBlank()) {
            return "The message is empty.";
        }
        if (Limits.characters(text) > Limits.MAX_CHAT_CHARS) {
            return "A message can have at most " + Limits.MAX_CHAT_CHARS + " characters; this one has "
                    + Limits.characters(text) + ". Split it up.";
        }
        return null;
    }
}
