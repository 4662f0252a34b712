package dev.tandem.server.live;

import dev.tandem.server.LogText;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.stream.StreamFrame;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.records.SystemNotices;
import dev.tandem.server.recordings.RecordingNotices;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.events.Outlet;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.live.ScreenState.Control;
import dev.tandem.server.live.ScreenState.Status;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.view.ScreenView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screen sharing and remote control for the live sessions (docs/protocol.md sections 1.9 and 2b):
 * the technician's requests become prompts (the portal decides whether the screen is asked; control
 * is always asked), the customer's answers and stops move the {@link ScreenState}, and the RFB bytes
 * are relayed between each viewer's socket and the phone without decoding a pixel. Input from a
 * viewer is dropped here while control is not granted, as the phone drops it too. Every request,
 * answer, stop and release is a system line in the transcript.
 *
 * <p>Thread-safe: state changes run on the session's {@link SessionLoop}, like the rest of
 * {@link LiveSessions}; the relay from the phone reads the viewer table without it.
 */
public final class ScreenSharing implements SessionFeature {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenSharing.class);
    private final LiveSessions sessions;
    private final PortalStore portals;
    private final Events consoles;
    private final AuditLog audit;
    private final SessionStore store;
    private final ScreenRecorder recorder;

    public ScreenSharing(LiveSessions sessions, PortalStore portals, Events consoles, AuditLog audit, SessionStore store) {
        this(sessions, portals, consoles, audit, store, null);
    }

    /** {@code recordings}: where portals that record keep the screen (issue 18.6); null never records. */
    public ScreenSharing(LiveSessions sessions, PortalStore portals, Events consoles, AuditLog audit, SessionStore store,
                         Recordings recordings) {
        this.recorder = new ScreenRecorder(recordings, sessions);
        this.store = store;
        this.sessions = sessions;
        this.portals = portals;
        this.consoles = consoles;
        this.audit = audit;
    }

    // ---- the technician ----------------------------------------------------------------------

    /** Where the screen stands; an ended session shares nothing. */
    public ScreenView status(User user, String sessionId) {
        sessions.visible(user, sessionId);
        LiveSession session = sessions.live(sessionId);
        if (session == null) {
            return ScreenState.offView();
        }
        return session.loop.call(session.screen::view);
    }

    /**
     * The technician asks to see the screen and, with {@code control}, to control the phone;
     * {@code control == false} while control is granted gives control back.
     */
    public ScreenView request(User user, String sessionId, boolean control) {
        LiveSession session = sessions.liveFor(user, sessionId);
        Portal portal = portals.findBySlug(session.portalSlug).orElse(null);
        boolean ask = portal == null || portal.askBeforeScreenSharing();
        ScreenView view = session.loop.call(() -> {
            if (session.ended) {
                throw Rejection.of(TandemStatus.SESSION_ENDED);
            }
            refuseUnless(session.capabilities == null ? null : session.capabilities.screen, ErrorCode.SCREEN_UNAVAILABLE,
                    "This phone cannot share its screen.");
            if (control && !session.holdsControl(user.id())) {
                throw Rejection.of(ErrorCode.NOT_CONTROL_HOLDER, "Another technician holds control of this phone;"
                        + " they pass it to you when you need it.");
            }
            if (control) {
                refuseUnless(session.capabilities == null ? null : session.capabilities.control,
                        ErrorCode.CONTROL_UNAVAILABLE, "This phone cannot be controlled remotely.");
            }
            ScreenState screen = session.screen;
            String technician = user.displayName();
            if (!screen.viewable()) {
                screen.status = Status.PENDING;
                screen.stoppedByCustomer = false;
                boolean recorded = recorder.begin(session, portal, user.username());
                // A recorded screen is always asked, also where the portal shares without asking: the
                // customer hears of the recording before anything is shared (issue 18.6).
                boolean asks = ask || recorded;
                Phrase notice = recorded ? RecordingNotices.screenQuestion(technician)
                        : asks ? SystemNotices.screenQuestion(technician) : SystemNotices.screenNotice(technician);
                session.prompts.ask(session, this, "screen", notice, asks, recorded);
                sessions.systemLine(session, asks
                        ? SystemNotices.screenRequested(technician, session.customerName)
                        : SystemNotices.screenSharedWithoutAsking(technician, session.customerName));
                audit.record(user.username(), AuditAction.PERMISSION_ASKED, session.id,
                        Phrase.of(asks ? "audit.screenAsked" : "audit.screenWithoutAsking"));
            }
            if (control && screen.control() != Control.GRANTED && screen.control() != Control.PENDING) {
                screen.control(Control.PENDING);
                prompt(session, "control", SystemNotices.controlQuestion(technician), true);
                sessions.systemLine(session, SystemNotices.controlRequested(technician));
                audit.record(user.username(), AuditAction.PERMISSION_ASKED, session.id, Phrase.of("audit.controlAsked"));
            } else if (!control && screen.control() == Control.GRANTED) {
                screen.control(Control.OFF);
                sendToDevice(session, new ServerMessage.Release(false, true));
                sessions.systemLine(session, SystemNotices.controlReleased(technician));
                audit.record(user.username(), AuditAction.CONTROL_RELEASED, session.id, Phrase.of("audit.controlReleased"));
            }
            return screen.view();
        });
        publish(session, view);
        return view;
    }

    /** The technician stops viewing: the phone is told, prompts are withdrawn, viewers are closed. */
    public ScreenView stop(User user, String sessionId) {
        LiveSession session = sessions.liveFor(user, sessionId);
        ScreenView view = session.loop.call(() -> {
            ScreenState screen = session.screen;
            boolean wasOn = screen.viewable() || screen.control() == Control.GRANTED
                    || screen.control() == Control.PENDING;
            withdrawPrompts(session);
            if (wasOn) {
                sendToDevice(session, new ServerMessage.Release(true, true));
                screen.status = Status.OFF;
                screen.control(Control.OFF);
                sessions.systemLine(session, SystemNotices.screenStoppedByTechnician(user.displayName()));
                audit.record(user.username(), AuditAction.PERMISSION_STOPPED, session.id,
                        Phrase.of("audit.screenStoppedByTechnician"));
            }
            closeViewers(session, 1000, "The technician stopped viewing the screen.");
            return screen.view();
        });
        publish(session, view);
        return view;
    }

    // ---- viewers -----------------------------------------------------------------------------

    /**
     * A viewer socket opened: allowed when the user may see the session, the phone is connected and
     * the screen is pending or shared. The phone is told to start an RFB server for it.
     */
    public ViewerLink attachViewer(User user, String sessionId, Outlet sender) throws ProtocolException {
        LiveSession session = sessions.live(sessionId);
        if (session == null || !(user.isAdmin() || session.onTeam(user.id()))) {
            throw new ProtocolException(TandemStatus.SESSION_ENDED, "There is no active session " + sessionId + " of yours.");
        }
        Portal portal = portals.findBySlug(session.portalSlug).orElse(null);
        ViewerLink viewer = session.loop.callRefusing(() -> {
            if (session.ended) {
                throw new ProtocolException(TandemStatus.SESSION_ENDED);
            }
            Capability screenCapability = session.capabilities == null ? null : session.capabilities.screen;
            if (screenCapability == null || !screenCapability.available) {
                throw new ProtocolException(TandemStatus.SCREEN_UNAVAILABLE, reason(screenCapability,
                        TandemStatus.SCREEN_UNAVAILABLE.message()));
            }
            if (!session.screen.viewable()) {
                throw new ProtocolException(session.screen.stoppedByCustomer ? TandemStatus.SCREEN_STOPPED
                        : TandemStatus.SCREEN_NOT_SHARED);
            }
            if (session.link == null) {
                throw new ProtocolException(TandemStatus.DEVICE_OFFLINE);
            }
            ViewerLink opened = new ViewerLink(session.screen.nextStreamId(), user, sender, session);
            recorder.begin(session, portal, user.username()); // a node that took the session over records too
            ScreenRecorder.opened(session, opened.stream);
            session.screen.viewers.put(opened.stream, opened);
            session.link.send(new ServerMessage.ScreenOpen(opened.stream));
            publishCurrent(session);
            return opened;
        });
        audit.record(user.username(), AuditAction.SCREEN_VIEWED, session.id, Phrase.of("audit.screenViewerOpened",
                "stream", String.valueOf(viewer.stream)));
        LOG.info("Session {}: viewer {} of {} attached", session.id, viewer.stream, LogText.escape(user.username()));
        return viewer;
    }

    /** Bytes from a viewer: framed, filtered for control, and passed to the phone. */
    public void viewerBytes(ViewerLink viewer, ByteBuffer bytes) throws ProtocolException {
        LiveSession session = viewer.session;
        // Issue 18.2: only the technician holding control reaches the phone; other viewers only watch.
        byte[] allowed = viewer.filter.accept(bytes, session.screen.controlGranted()
                && session.holdsControl(viewer.user.id()));
        if (allowed.length == 0) {
            return;
        }
        // On the loop, so the bytes stay in order with the viewer's screenClose.
        session.loop.execute(() -> {
            DeviceLink link = session.link;
            if (link != null && session.screen.viewers.get(viewer.stream) == viewer) {
                for (ByteBuffer frame : StreamFrame.encode(viewer.stream, allowed, 0, allowed.length)) {
                    link.send(frame);
                }
                ScreenRecorder.input(session, viewer.stream, allowed);
            }
        });
    }

    /** A viewer socket closed: the phone stops that stream. */
    public void viewerClosed(ViewerLink viewer) {
        LiveSession session = viewer.session;
        session.loop.run(() -> {
            if (session.screen.viewers.remove(viewer.stream, viewer)) {
                ScreenRecorder.closed(session, viewer.stream);
                session.sendToDevice(new ServerMessage.ScreenClose(viewer.stream));
                publishCurrent(session);
            }
        });
    }

    /** Keeps idle viewer sockets open (a still screen sends nothing for minutes). */
    public void pingViewers() {
        for (LiveSession session : sessions.all()) {
            for (ViewerLink viewer : session.screen.viewers.values()) {
                viewer.sender.ping();
            }
        }
    }

    // ---- the phone (on the session's loop) ---------------------------------------------------

    @Override
    public boolean received(LiveSession session, DeviceLink link, AgentMessage message) {
        if (message instanceof AgentMessage.Sharing sharing) {
            sharing(session, sharing);
        } else if (message instanceof AgentMessage.ScreenClosed closed) {
            screenClosed(session, closed);
        } else {
            return false;
        }
        return true;
    }

    /** The customer's answer to a screen or control prompt. */
    @Override
    public void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted) {
        ScreenState screen = session.screen;
        String customer = AuditLog.customer(session.customerName);
        if ("screen".equals(prompt.kind)) {
            audit.record(customer, granted ? AuditAction.PERMISSION_GRANTED : AuditAction.PERMISSION_REFUSED,
                    session.id, Phrase.of(granted ? (prompt.ask ? "audit.screenGranted"
                            : "audit.screenGrantedWithoutAsking") : "audit.screenRefused"));
            if (granted) {
                screen.status = Status.SHARING;
                if (prompt.ask) {
                    sessions.systemLine(session, SystemNotices.screenAllowed(session.customerName));
                }
            } else {
                screen.status = Status.DECLINED;
                sessions.systemLine(session, SystemNotices.screenDeclined(session.customerName));
                closeViewers(session, TandemStatus.SCREEN_NOT_SHARED.closeCode(), "The customer declined to share the screen.");
                if (screen.control() == Control.PENDING) {
                    withdrawPrompts(session);
                    screen.control(Control.OFF);
                }
            }
        } else if ("control".equals(prompt.kind)) {
            audit.record(customer, granted ? AuditAction.CONTROL_STARTED : AuditAction.PERMISSION_REFUSED,
                    session.id, Phrase.of(granted ? "audit.controlGranted" : "audit.controlRefused"));
            if (granted) {
                screen.control(Control.GRANTED);
                sessions.systemLine(session, SystemNotices.controlAllowed(session.customerName, session.technicianName));
            } else {
                screen.control(Control.DECLINED);
                sessions.systemLine(session, SystemNotices.controlDeclined(session.customerName));
            }
        }
        publishCurrent(session);
    }

    /** What the customer shares now; the server only ever lowers its state from it. */
    void sharing(LiveSession session, AgentMessage.Sharing sharing) {
        ScreenState screen = session.screen;
        boolean changed = false;
        if (!sharing.screen && screen.status == Status.SHARING) {
            screen.status = Status.OFF;
            screen.stoppedByCustomer = true;
            screen.control(Control.OFF);
            withdrawPrompts(session);
            sessions.systemLine(session, SystemNotices.screenStoppedByCustomer(session.customerName));
            audit.record(AuditLog.customer(session.customerName), AuditAction.PERMISSION_STOPPED, session.id,
                    Phrase.of("audit.screenStoppedByCustomer"));
            closeViewers(session, TandemStatus.SCREEN_STOPPED.closeCode(), TandemStatus.SCREEN_STOPPED.message());
            changed = true;
        } else if (!sharing.control && screen.control() == Control.GRANTED) {
            screen.control(Control.OFF);
            sessions.systemLine(session, SystemNotices.controlTakenBack(session.customerName));
            audit.record(AuditLog.customer(session.customerName), AuditAction.PERMISSION_STOPPED, session.id,
                    Phrase.of("audit.controlTakenBack"));
            changed = true;
        }
        boolean screenUnknown = sharing.screen && screen.status != Status.SHARING;
        boolean controlUnknown = sharing.control && screen.control() != Control.GRANTED;
        if (screenUnknown || controlUnknown) {
            // The phone still shares what this server no longer asks for (e.g. after a restart).
            sendToDevice(session, new ServerMessage.Release(screenUnknown, true));
        }
        if (changed) {
            publishCurrent(session);
        }
    }

    /** The phone ended one viewer's stream by itself. */
    void screenClosed(LiveSession session, AgentMessage.ScreenClosed closed) {
        ViewerLink viewer = session.screen.viewers.remove(closed.stream);
        if (viewer != null) {
            ScreenRecorder.closed(session, closed.stream);
            String reason = closed.reason == null || closed.reason.isBlank() ? "The phone ended the screen stream."
                    : "The phone ended the screen stream: " + closed.reason;
            viewer.close(TandemStatus.MALFORMED.closeCode(), reason);
            publishCurrent(session);
        }
    }

    /**
     * Bytes of one stream from the phone, to its viewer (dropped when it already left). The viewer's
     * socket sends the phone's buffer itself and gives it back once written.
     */
    @Override
    public boolean streamBytes(LiveSession session, StreamFrame frame, Runnable done) {
        ViewerLink viewer = session.screen.viewers.get(frame.stream());
        if (viewer == null) {
            return false;
        }
        viewer.sender.send(frame.payload(), ScreenRecorder.screen(session, frame.stream(), frame.payload(), done));
        return true;
    }

    /** The phone's connection dropped: its streams are gone; viewers come back after it reconnects. */
    @Override
    public void deviceLost(LiveSession session, DeviceLink link) {
        closeViewers(session, TandemStatus.DEVICE_OFFLINE.closeCode(), TandemStatus.DEVICE_OFFLINE.message());
        publishCurrent(session);
    }

    /** The session ended: every viewer is closed. */
    @Override
    public void sessionEnded(LiveSession session, DeviceLink link) {
        session.prompts.forget(this);
        closeViewers(session, TandemStatus.SESSION_ENDED.closeCode(), TandemStatus.SESSION_ENDED.message());
        recorder.end(session);
    }

    /** Another node took the session: viewers reconnect (1012) and find it there. */
    @Override
    public void sessionMoved(LiveSession session, DeviceLink link) {
        session.prompts.forget(this);
        closeViewers(session, LiveSessions.SERVICE_RESTART, "The session moved to another server; open the screen again.");
        recorder.end(session);
    }

    // ---- shared ------------------------------------------------------------------------------

    private void prompt(LiveSession session, String kind, Phrase question, boolean ask) {
        session.prompts.ask(session, this, kind, question, ask);
    }

    private void withdrawPrompts(LiveSession session) {
        session.prompts.withdraw(session, this);
    }

    private static void sendToDevice(LiveSession session, ServerMessage message) {
        session.sendToDevice(message);
    }

    private static void closeViewers(LiveSession session, int code, String reason) {
        List<ViewerLink> viewers = new ArrayList<>(session.screen.viewers.values());
        session.screen.viewers.clear();
        for (ViewerLink viewer : viewers) {
            ScreenRecorder.closed(session, viewer.stream);
            sendToDevice(session, new ServerMessage.ScreenClose(viewer.stream));
            viewer.close(code, reason);
        }
    }

    private static void refuseUnless(Capability capability, ErrorCode refusal, String fallback) {
        if (capability == null || !capability.available) {
            throw Rejection.of(refusal, reason(capability, fallback));
        }
    }

    private static String reason(Capability capability, String fallback) {
        return capability != null && capability.reason != null && !capability.reason.isBlank() ? capability.reason
                : fallback;
    }

    /** Console events only queue frames, so they may be sent from the session's loop. */
    private void publishCurrent(LiveSession session) {
        remember(session);
        publish(session, session.screen.view());
    }

    /**
     * Every change of the screen's state is published; what the customer allows (shared, control)
     * is also stored when it changed, so that a node taking the session over knows it.
     */
    private void remember(LiveSession session) {
        SessionStore.ScreenGrant now = session.screen.grant();
        if (!now.equals(session.screen.stored)) {
            store.rememberScreen(session.id, now);
            session.screen.stored = now;
        }
    }

    private void publish(LiveSession session, ScreenView view) {
        consoles.screenChanged(session.technicianId, session.id, view);
    }
}
