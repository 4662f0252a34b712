package dev.tandem.server.live;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.store.SessionTeamStore;
import dev.tandem.server.store.UserStore;
import dev.tandem.server.view.TeamView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several technicians on one session (issue 18.2, docs/transfer.md): the owner hands the session to
 * another technician (a transfer), or invites helpers who see the chat and the screen; exactly one of
 * them holds control of the phone at a time and passes it on explicitly. Each change is stored
 * ({@link SessionTeamStore}), runs on the session's loop like every other change (so it falls
 * between two transcript lines, never inside one), is a system line every reader sees in their
 * language, a message the customer's app shows, an audit entry, and a {@code team} event for the
 * consoles. Who the other technician is, whether they may be asked, and the transfer's note are
 * decided above, in {@code teams}. Thread-safe.
 */
public final class SessionTeams implements SessionFeature {
    private final LiveSessions sessions;
    private final SessionTeamStore store;
    private final SessionStore stored;
    private final UserStore users;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;
    /** Told the id of a session that ended (here, not moved): its place in a queue, if any, goes. */
    private volatile Consumer<String> endedWhileQueued = id -> { };

    public SessionTeams(LiveSessions sessions, SessionStore stored, UserStore users, Events consoles, AuditLog audit,
                        Clock clock) {
        this.sessions = sessions;
        this.stored = stored;
        this.store = stored.team();
        this.users = users;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who is on the session, read from the store (any node answers it). */
    public TeamView team(User user, String sessionId) {
        return teamOf(sessions.visible(user, sessionId));
    }

    private TeamView teamOf(SupportSession session) {
        String sessionId = session.id();
        List<TeamView.Member> helpers = new ArrayList<>();
        for (long id : store.helpers(sessionId)) {
            users.findById(id).ifPresent(u -> helpers.add(member(u)));
        }
        long holder = store.controlHolder(sessionId).orElse(session.technicianId());
        String holderName = holder == session.technicianId() ? session.technicianUsername()
                : users.findById(holder).map(User::username).orElse(session.technicianUsername());
        return new TeamView(sessionId, new TeamView.Member(session.technicianUsername(), session.technicianName()),
                helpers, holderName);
    }

    /** The session is {@code to}'s from now on; {@code by} (its owner, a helper or an administrator) hands it over. */
    public TeamView transfer(User by, String sessionId, User to) {
        LiveSession session = sessions.liveFor(by, sessionId);
        long previous = session.loop.call(() -> {
            refuseIfEnded(session);
            if (session.technicianId == to.id()) {
                throw Rejection.of(ErrorCode.ALREADY_ON_SESSION, to.displayName() + " already has this session.");
            }
            return handOver(session, by, to);
        });
        // The previous owner's console learns the session is no longer theirs; the new team gets it.
        stored.find(sessionId).ifPresent(s -> consoles.sessionChanged(previous, sessions.view(s)));
        return published(session);
    }

    /**
     * The session waits in a portal's queue (issue 18.2): its technician keeps it (and may go on
     * chatting) until someone takes it; the customer is told another technician will continue.
     */
    public void queued(User by, String sessionId, String portalName) {
        LiveSession session = sessions.liveFor(by, sessionId);
        session.loop.run(() -> {
            refuseIfEnded(session);
            sessions.systemLine(session, Phrase.of("event.queued", "technician", by.displayName(), "queue", portalName));
            audit.record(by.username(), AuditAction.SESSION_QUEUED, session.id, Phrase.of("audit.queued", "queue", portalName));
        });
        sessions.publishSession(sessionId);
    }

    /**
     * A technician takes a session from a portal's queue (issue 18.2): on the session's loop the
     * request is taken ({@code takeRequest}: false when someone else was first or it expired), then
     * the session is transferred to them — unless they are its technician already (taken back).
     * Runs on the node holding the session (as a session command, or where the session is live).
     */
    public TeamView claim(User taker, String sessionId, java.util.function.BooleanSupplier takeRequest) {
        LiveSession session = sessions.live(sessionId);
        if (session == null) {
            throw Rejection.of(TandemStatus.SESSION_ENDED);
        }
        long previous = session.loop.call(() -> {
            refuseIfEnded(session);
            if (!takeRequest.getAsBoolean()) {
                throw Rejection.of(ErrorCode.REQUEST_TAKEN, "Someone else took this session from the queue first,"
                        + " or it left the queue.");
            }
            return session.technicianId == taker.id() ? taker.id() : handOver(session, taker, taker);
        });
        if (previous != taker.id()) {
            stored.find(sessionId).ifPresent(s -> consoles.sessionChanged(previous, sessions.view(s)));
        }
        return published(session);
    }

    /** The transfer itself, on the session's loop; answers the previous owner. */
    private long handOver(LiveSession session, User by, User to) {
        long before = session.technicianId;
        String beforeName = session.technicianName;
        store.transfer(session.id, to.id(), clock.instant());
        session.technicianId = to.id();
        session.technicianName = to.displayName();
        session.helpers = without(session.helpers, to.id());
        session.controlHolder = 0;
        sessions.systemLine(session, Phrase.of("event.transferred", "from", beforeName, "technician", to.displayName(),
                "customer", session.customerName));
        session.sendToDevice(new ServerMessage.Transferred(to.displayName()));
        audit.record(by.username(), AuditAction.SESSION_TRANSFERRED, session.id,
                Phrase.of("audit.transferred", "from", beforeName, "to", to.username()));
        closeViewersOffTeam(session);
        return before;
    }

    /** {@code helper} joins the session to help; the customer is told. */
    public TeamView join(User by, String sessionId, User helper) {
        LiveSession session = sessions.liveFor(by, sessionId);
        session.loop.run(() -> {
            refuseIfEnded(session);
            if (session.onTeam(helper.id())) {
                throw Rejection.of(ErrorCode.ALREADY_ON_SESSION, helper.displayName() + " is already on this session.");
            }
            store.join(session.id, helper.id(), by.id(), clock.instant());
            List<Long> helpers = new ArrayList<>(session.helpers);
            helpers.add(helper.id());
            session.helpers = List.copyOf(helpers);
            sessions.systemLine(session, Phrase.of("event.technicianJoined", "technician", helper.displayName(),
                    "by", by.displayName()));
            session.sendToDevice(new ServerMessage.TechnicianJoined(helper.displayName()));
            audit.record(by.username(), AuditAction.TECHNICIAN_JOINED, session.id,
                    Phrase.of("audit.technicianJoined", "technician", helper.username()));
        });
        return published(session);
    }

    /** {@code helper} stops helping: themselves, the owner or an administrator says so. Control goes back to the owner. */
    public TeamView leave(User by, String sessionId, User helper) {
        LiveSession session = sessions.liveFor(by, sessionId);
        session.loop.run(() -> {
            refuseIfEnded(session);
            if (!session.helpers.contains(helper.id())) {
                throw Rejection.of(ErrorCode.NOT_ON_SESSION, helper.displayName() + " is not helping on this session.");
            }
            if (by.id() != helper.id() && by.id() != session.technicianId && !by.isAdmin()) {
                throw Rejection.of(ErrorCode.NOT_ON_SESSION, "Only " + helper.displayName()
                        + ", the session's technician or an administrator can take them off this session.");
            }
            store.leave(session.id, helper.id(), clock.instant());
            session.helpers = without(session.helpers, helper.id());
            if (session.controlHolder == helper.id()) {
                store.passControl(session.id, null);
                session.controlHolder = 0;
            }
            sessions.systemLine(session, Phrase.of("event.technicianLeft", "technician", helper.displayName()));
            session.sendToDevice(new ServerMessage.TechnicianLeft(helper.displayName()));
            audit.record(by.username(), AuditAction.TECHNICIAN_LEFT, session.id,
                    Phrase.of("audit.technicianLeft", "technician", helper.username()));
            closeViewersOffTeam(session);
        });
        stored.find(sessionId).ifPresent(s -> consoles.sessionChanged(helper.id(), sessions.view(s)));
        return published(session);
    }

    /**
     * The technician holding control passes it to {@code to}, who must be on the session; an
     * administrator may pass it too. From then on only {@code to}'s viewer's input reaches the phone.
     */
    public TeamView passControl(User by, String sessionId, User to) {
        LiveSession session = sessions.liveFor(by, sessionId);
        session.loop.run(() -> {
            refuseIfEnded(session);
            if (!session.holdsControl(by.id()) && !by.isAdmin()) {
                throw Rejection.of(ErrorCode.NOT_CONTROL_HOLDER, "Only the technician holding control of the phone"
                        + " can pass it on.");
            }
            if (!session.onTeam(to.id())) {
                throw Rejection.of(ErrorCode.NOT_ON_SESSION, to.displayName()
                        + " is not on this session; invite them first.");
            }
            if (session.holdsControl(to.id())) {
                return;
            }
            long holder = to.id() == session.technicianId ? 0 : to.id();
            store.passControl(session.id, holder == 0 ? null : holder);
            session.controlHolder = holder;
            sessions.systemLine(session, Phrase.of("event.controlPassed", "from", by.displayName(),
                    "technician", to.displayName()));
            audit.record(by.username(), AuditAction.CONTROL_PASSED, session.id,
                    Phrase.of("audit.controlPassed", "to", to.username()));
        });
        return published(session);
    }

    private TeamView published(LiveSession session) {
        sessions.publishSession(session.id);
        TeamView view = teamOf(stored.find(session.id).orElseThrow());
        consoles.teamChanged(session.technicianId, session.id, view);
        return view;
    }

    /** Viewers of technicians no longer on the session (a transfer, a helper who left) are closed. */
    private static void closeViewersOffTeam(LiveSession session) {
        for (ViewerLink viewer : List.copyOf(session.screen.viewers.values())) {
            if (!viewer.user.isAdmin() && !session.onTeam(viewer.user.id())) {
                viewer.close(1000, "You are no longer on this session.");
            }
        }
    }

    private static void refuseIfEnded(LiveSession session) {
        if (session.ended) {
            throw Rejection.of(TandemStatus.SESSION_ENDED);
        }
    }

    private static List<Long> without(List<Long> ids, long id) {
        return ids.stream().filter(i -> i != id).toList();
    }

    private static TeamView.Member member(User user) {
        return new TeamView.Member(user.username(), user.displayName());
    }

    @Override
    public boolean received(LiveSession session, DeviceLink link, AgentMessage message) {
        return false;
    }

    @Override
    public void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted) {
        // Asks the customer nothing.
    }

    /** Plugs in what happens to the queued request of a session that ends (once, at start-up). */
    public void whenEnded(Consumer<String> queuedSessionEnded) {
        this.endedWhileQueued = queuedSessionEnded;
    }

    @Override
    public void sessionEnded(LiveSession session, DeviceLink link) {
        // A session transferred to a queue that ends before anyone takes it leaves the Requests panel.
        endedWhileQueued.accept(session.id);
    }

    @Override
    public void sessionMoved(LiveSession session, DeviceLink link) {
        // Still live on another node: its place in the queue stays.
    }
}
